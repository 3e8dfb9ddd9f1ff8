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
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes Avro records (generated SpecificRecord classes or GenericRecords) exactly as Confluent's
 * {@code KafkaAvroSerializer} does by default: magic byte 0, the 4-byte schema id, the Avro binary body, with the
 * schema under the subject {@code <topic>-value} (or {@code <topic>-key}): Confluent's TopicNameStrategy.
 * Null stays null, so tombstones on compacted topics work.
 *
 * <p>With {@code auto.register.schemas=true} (the default, as Confluent's) the record's schema is registered on
 * first use; with {@code false} (production) it must already be registered under the subject, and serializing
 * fails naming the subject otherwise: a deploy never changes a topic's schema by accident.
 *
 * <p>Usable by class name ({@code value.serializer}) with {@link #configure}, or built with a shared
 * {@link SchemaRegistryClient}. After the first record of a schema, serializing makes no HTTP call.
 *
 * <p>When the registry gives no answer while a schema id is looked up, serializing fails with
 * {@link RegistryUnavailableException} (after the client's retries, within its call timeout): nothing is wrong with
 * the record, and the same call succeeds once the registry answers.
 *
 * @param <T> a SpecificRecord class, or GenericRecord
 */
public final class AvroSerializer<T> implements Serializer<T> {

    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
    public static final String KEY_SUBJECT_NAME_STRATEGY_CONFIG = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY_CONFIG = "value.subject.name.strategy";
    /** Confluent's class name for the one strategy this serializer implements. */
    public static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    private SchemaRegistryClient registry;
    private boolean ownsRegistry;
    private boolean autoRegister = true;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();

    /** For Kafka's {@code value.serializer} / {@code key.serializer} class-name configuration; {@link #configure} follows. */
    public AvroSerializer() {
    }

    /**
     * For programmatic use with a shared registry client (not closed by {@link #close()}).
     *
     * @param registry     the registry client
     * @param autoRegister register a record's schema on first use; false to require it registered already
     * @param isKey        true to use the {@code <topic>-key} subject
     */
    public AvroSerializer(final SchemaRegistryClient registry, final boolean autoRegister, final boolean isKey) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.autoRegister = autoRegister;
        this.isKey = isKey;
    }

    /**
     * Reads Confluent's keys: {@code schema.registry.url} and the other client settings
     * ({@link SchemaRegistryClientConfig#fromMap}), {@code auto.register.schemas} (default true), and the subject
     * name strategy, which may only be Confluent's TopicNameStrategy.
     *
     * @throws ConfigException for a missing or unusable setting
     */
    @Override
    public void configure(final Map<String, ?> configs, final boolean key) {
        this.isKey = key;
        try {
            final String strategyKey = key ? KEY_SUBJECT_NAME_STRATEGY_CONFIG : VALUE_SUBJECT_NAME_STRATEGY_CONFIG;
            final String strategy = SchemaRegistryClientConfig.setting(configs, strategyKey, TOPIC_NAME_STRATEGY);
            if (!TOPIC_NAME_STRATEGY.equals(strategy) && !"TopicNameStrategy".equals(strategy)) {
                throw new ConfigException(strategyKey, strategy, "only " + TOPIC_NAME_STRATEGY + " (<topic>-key / <topic>-value) is supported");
            }
            this.autoRegister = SchemaRegistryClientConfig.flag(configs, AUTO_REGISTER_SCHEMAS_CONFIG, true);
            if (registry == null) {
                this.registry = new SchemaRegistryClient(SchemaRegistryClientConfig.fromMap(configs));
                this.ownsRegistry = true;
            }
        } catch (final IllegalArgumentException e) {
            throw new ConfigException("AvroSerializer: " + e.getMessage());
        }
    }

    /**
     * @return the framed bytes, or null for a null record (a tombstone)
     * @throws SerializationException naming the topic, subject and cause when the record cannot be written
     */
    @Override
    public byte[] serialize(final String topic, final T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("AvroSerializer for topic " + topic
                    + " is not configured: call configure() or build it with a SchemaRegistryClient");
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("Topic " + topic + ": cannot write " + data.getClass().getName()
                    + " as Avro: expected a generated SpecificRecord or a GenericRecord");
        }
        final Schema schema = container.getSchema();
        final String subject = subject(topic);
        final int id = schemaId(topic, subject, schema);
        try {
            final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            out.write(ConfluentWireFormat.header(id));
            // the direct encoder is the one Confluent's serializer uses; any encoder writes the same bytes
            final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(data, schema).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (final IOException | RuntimeException e) {
            throw new SerializationException("Topic " + topic + ": cannot encode " + schema.getFullName() + " (schema id " + id
                    + ", subject " + subject + "): " + e, e);
        }
    }

    /** Closes the registry client only if {@link #configure} made it. */
    @Override
    public void close() {
        if (ownsRegistry && registry != null) {
            registry.close();
        }
    }

    private String subject(final String topic) {
        return topic + (isKey ? "-key" : "-value");
    }

    private int schemaId(final String topic, final String subject, final Schema schema) {
        try {
            if (autoRegister) {
                return registry.register(subject, schema);
            }
            final OptionalInt id = registry.idOf(subject, schema);
            if (id.isPresent()) {
                return id.getAsInt();
            }
            throw new SerializationException("Topic " + topic + ": schema " + schema.getFullName() + " is not registered under subject "
                    + subject + " (" + whatTheSubjectHolds(subject) + ") and " + AUTO_REGISTER_SCHEMAS_CONFIG
                    + " is off; register it first (newswire schemas register)");
        } catch (final SchemaRegistryException e) {
            final String message = "Topic " + topic + ": cannot get a schema id for " + schema.getFullName()
                    + " under subject " + subject + ": " + e.getMessage();
            if (e.isUnavailable()) {
                throw new RegistryUnavailableException(message, e);
            }
            throw new SerializationException(message, e);
        }
    }

    /** For the error only: tells "never registered" from "registered, but another schema". */
    private String whatTheSubjectHolds(final String subject) {
        try {
            final List<Integer> versions = registry.versions(subject);
            return "the subject has versions " + versions + ", none of them this schema";
        } catch (final SchemaRegistryException e) {
            return e.isNotFound() ? "the subject does not exist" : "the subject's versions could not be listed";
        }
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<Object> writerFor(final Object data, final Schema schema) {
        if (data instanceof SpecificRecord) {
            // a generated class carries its own model with the logical-type conversions (UUID, Instant)
            return specificWriters.computeIfAbsent(schema, s -> (DatumWriter<Object>) (DatumWriter<?>)
                    new SpecificDatumWriter<>(s, SpecificData.getForClass(data.getClass())));
        }
        return genericWriters.computeIfAbsent(schema, s -> (DatumWriter<Object>) (DatumWriter<?>)
                new GenericDatumWriter<>(s, AvroModels.GENERIC));
    }
}
