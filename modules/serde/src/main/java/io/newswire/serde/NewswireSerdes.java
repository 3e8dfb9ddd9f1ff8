package io.newswire.serde;

import io.newswire.model.topics.TopicSpec;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place serdes come from: every component asks it for a topic's serde, and all of them share one registry
 * client (and so its caches). Keys are UTF-8 strings; values are Avro in Confluent's wire format under the
 * TopicNameStrategy subject {@code <topic>-value}.
 *
 * <p>Closing it closes the registry client; the serdes it handed out must not be used after that.
 */
public final class NewswireSerdes implements AutoCloseable {

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final Map<String, Object> configs;
    private final Map<Class<?>, Serde<?>> valueSerdes = new ConcurrentHashMap<>();

    /**
     * @param registry     the shared registry client, closed by {@link #close()}
     * @param autoRegister whether serializers register a schema on first use
     * @param configs      the settings {@link #serializerConfig()} hands to plain clients
     */
    public NewswireSerdes(final SchemaRegistryClient registry, final boolean autoRegister, final Map<String, ?> configs) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.autoRegister = autoRegister;
        this.configs = Map.copyOf(configs);
    }

    /**
     * @param configs Confluent-named settings: {@code schema.registry.url} (required), {@code auto.register.schemas}
     *                (default true, as Confluent's serializer; production sets it false), basic auth and truststore
     *                settings (see {@link SchemaRegistryClientConfig#fromMap})
     * @throws IllegalArgumentException naming the setting that is missing or unusable
     */
    public static NewswireSerdes fromConfig(final Map<String, ?> configs) {
        final boolean autoRegister = SchemaRegistryClientConfig.flag(configs, AvroSerializer.AUTO_REGISTER_SCHEMAS_CONFIG, true);
        return new NewswireSerdes(new SchemaRegistryClient(SchemaRegistryClientConfig.fromMap(configs)), autoRegister, configs);
    }

    /** UTF-8 string keys: report, article and correspondent ids. */
    public static Serde<String> keySerde() {
        return Serdes.String();
    }

    /**
     * The value serde of a catalogued topic, reading into its generated class (so old records resolve into the
     * current schema) and writing under {@code <topic>-value}.
     */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> valueSerde(final TopicSpec topic) {
        return valueSerde((Class<T>) generatedClass(topic));
    }

    /** A value serde for a generated class; one per class, shared, so writer and reader caches are too. */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> valueSerde(final Class<T> type) {
        return (Serde<T>) valueSerdes.computeIfAbsent(type, t -> Serdes.serdeFrom(
                new AvroSerializer<T>(registry, autoRegister, false), new AvroDeserializer<>(registry, type)));
    }

    /**
     * Settings for a plain producer or consumer that names {@link AvroSerializer} / {@link AvroDeserializer} as its
     * {@code value.serializer} / {@code value.deserializer}: the registry settings, {@code auto.register.schemas}, and
     * {@code specific.avro.reader=true} (Newswire consumers read into generated classes) unless given otherwise.
     *
     * @return a new mutable map
     */
    public Map<String, Object> serializerConfig() {
        final Map<String, Object> settings = new HashMap<>(configs);
        settings.put(AvroSerializer.AUTO_REGISTER_SCHEMAS_CONFIG, autoRegister);
        settings.putIfAbsent(AvroDeserializer.SPECIFIC_AVRO_READER_CONFIG, true);
        return settings;
    }

    /** Whether serializers from here register a schema on first use. */
    public boolean autoRegister() {
        return autoRegister;
    }

    /** The shared registry client. */
    public SchemaRegistryClient registry() {
        return registry;
    }

    /**
     * Registers each topic's value schema (its generated class's {@code getClassSchema()}) under its subject, as
     * production does before deploying with {@code auto.register.schemas=false}. Idempotent: a schema registered
     * already keeps its id.
     *
     * @return subject to schema id, in the topics' order
     * @throws SchemaRegistryException naming the subject and the incompatibility when a schema is not compatible
     */
    public Map<String, Integer> registerAll(final Collection<TopicSpec> topics) {
        final Map<String, Integer> ids = new LinkedHashMap<>();
        for (final TopicSpec topic : topics) {
            final Schema schema = SpecificData.get().getSchema(generatedClass(topic));
            ids.put(topic.valueSubject(), registry.register(topic.valueSubject(), schema));
        }
        return ids;
    }

    @Override
    public void close() {
        registry.close();
    }

    private static Class<?> generatedClass(final TopicSpec topic) {
        if (!SpecificRecord.class.isAssignableFrom(topic.valueType())) {
            throw new IllegalArgumentException("Topic " + topic.name() + " carries " + topic.valueType().getName()
                    + ", which is not a generated Avro class");
        }
        return topic.valueType();
    }
}
