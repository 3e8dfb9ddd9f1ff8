package io.newswire.processing;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Plain Avro binary without a registry: for TopologyTestDriver tests of the wiring only. */
final class AvroTestSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;

    AvroTestSerde(final Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                final ByteArrayOutputStream out = new ByteArrayOutputStream();
                final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
                new SpecificDatumWriter<T>(data.getSchema(), SpecificData.getForClass(type)).write(data, encoder);
                encoder.flush();
                return out.toByteArray();
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                final SpecificData model = SpecificData.getForClass(type);
                return new SpecificDatumReader<T>(model.getSchema(type), model.getSchema(type), model)
                        .read(null, DecoderFactory.get().binaryDecoder(data, null));
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
