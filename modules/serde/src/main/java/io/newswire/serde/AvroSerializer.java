package io.newswire.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes Avro records (generated specific classes or generic records) in Confluent's wire format, with the schema
 * registered under {@code <topic>-value} (or {@code -key}): Confluent's TopicNameStrategy. Null stays null, so
 * tombstones on compacted topics work.
 *
 * <p>With {@code auto.register.schemas=false} (production) the schema must already be registered under the
 * subject, else serializing fails naming the subject: a deploy never changes a topic's schema by accident.
 *
 * @param <T> a SpecificRecord class, or GenericRecord
 */
public final class AvroSerializer<T> implements Serializer<T> {

    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";

    private SchemaRegistryClient registry;
    private boolean autoRegister;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    /** For Kafka's {@code value.serializer} class-name configuration; {@link #configure} follows. */
    public AvroSerializer() {
    }

    /** For programmatic use with a shared registry client. */
    public AvroSerializer(final SchemaRegistryClient registry, final boolean autoRegister, final boolean isKey) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.isKey = isKey;
    }

    @Override
    public void configure(final Map<String, ?> configs, final boolean key) {
        this.registry = new SchemaRegistryClient(SchemaRegistryClientConfig.fromMap(configs));
        this.autoRegister = Boolean.parseBoolean(SchemaRegistryClientConfig.setting(configs, AUTO_REGISTER_SCHEMAS_CONFIG, "true"));
        this.isKey = key;
    }

    @Override
    public byte[] serialize(final String topic, final T data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("Topic " + topic + ": cannot write " + data.getClass().getName() + " as Avro (not a record)");
        }
        final Schema schema = container.getSchema();
        final String subject = topic + (isKey ? "-key" : "-value");
        final int id;
        try {
            id = autoRegister ? registry.register(subject, schema)
                    : registry.idOf(subject, schema).orElseThrow(() -> new SerializationException("Topic " + topic + ": schema "
                    + schema.getFullName() + " is not registered under subject " + subject
                    + " and auto.register.schemas is off; register it first (newswire schemas register)"));
        } catch (final SchemaRegistryException e) {
            throw new SerializationException("Topic " + topic + ": " + e.getMessage(), e);
        }
        try {
            final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(ConfluentWireFormat.MAGIC_BYTE);
            out.write(new byte[] {(byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
            final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, AvroSerializer::writerFor).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (final IOException | RuntimeException e) {
            throw new SerializationException("Topic " + topic + ": cannot encode " + schema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(final Schema schema) {
        // a generated class carries its own model with the logical-type conversions (UUID, Instant)
        final Class<?> generated = SpecificData.get().getClass(schema);
        if (generated != null && SpecificRecord.class.isAssignableFrom(generated)) {
            return new SpecificDatumWriter<>(schema, SpecificData.getForClass(generated));
        }
        return (DatumWriter<Object>) (DatumWriter<?>) new GenericDatumWriter<>(schema);
    }
}
