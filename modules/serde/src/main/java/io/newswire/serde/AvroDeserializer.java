package io.newswire.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Confluent wire-format Avro: the writer's schema is fetched by the id in the header and resolved against
 * the reader's (the generated class's, in specific mode), so records written before a compatible schema change
 * still read.
 *
 * <p>Bytes that are not wire format, an id the registry does not know, or a body that does not decode end in a
 * {@link SerializationException} naming the topic, the schema id when known, and the cause; never a silent null.
 * The partition and offset are added by Kafka's consumer, which wraps it in a {@code RecordDeserializationException};
 * Kafka Streams' deserialization exception handler receives the whole record.
 *
 * @param <T> the generated class (specific mode), or GenericRecord
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";

    private SchemaRegistryClient registry;
    private Class<T> targetType;
    private boolean specific;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka's {@code value.deserializer} class-name configuration; {@link #configure} follows. */
    public AvroDeserializer() {
    }

    /**
     * For programmatic use.
     *
     * @param targetType the generated class to read into, or null for generic records in the writer's schema
     */
    public AvroDeserializer(final SchemaRegistryClient registry, final Class<T> targetType) {
        this.registry = registry;
        this.targetType = targetType;
        this.specific = targetType != null;
    }

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        this.registry = new SchemaRegistryClient(SchemaRegistryClientConfig.fromMap(configs));
        this.specific = Boolean.parseBoolean(SchemaRegistryClientConfig.setting(configs, SPECIFIC_AVRO_READER_CONFIG, "false"));
    }

    @Override
    public T deserialize(final String topic, final Headers headers, final byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public T deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        final int id;
        try {
            id = ConfluentWireFormat.schemaId(data);
        } catch (final ConfluentWireFormat.WireFormatException e) {
            throw new SerializationException("Topic " + topic + ": " + e.getMessage());
        }
        final DatumReader<T> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (final SchemaRegistryException e) {
            throw new SerializationException("Topic " + topic + ": unknown or unreadable schema id " + id + ": " + e.getMessage(), e);
        } catch (final RuntimeException e) {
            throw new SerializationException("Topic " + topic + ": schema id " + id + " cannot be read as "
                    + (targetType != null ? targetType.getName() : "a specific record") + ": " + e.getMessage(), e);
        }
        try {
            final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_SIZE,
                    data.length - ConfluentWireFormat.HEADER_SIZE, null);
            return reader.read(null, decoder);
        } catch (final Exception e) {
            throw new SerializationException("Topic " + topic + ": cannot decode Avro body written with schema id " + id
                    + " (" + data.length + " bytes): " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> readerFor(final int id) {
        final Schema writer = registry.schemaById(id);
        if (!specific) {
            return new GenericDatumReader<>(writer);
        }
        final Class<?> type = targetType != null ? targetType : SpecificData.get().getClass(writer);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalStateException("no generated class for " + writer.getFullName() + " on the classpath");
        }
        final SpecificData model = SpecificData.getForClass(type);
        final Schema reader = model.getSchema(type);
        return new SpecificDatumReader<>(writer, reader, model);
    }
}
