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

/**
 * The one place serdes come from: every component asks it for a topic's serde, and all of them share one
 * registry client (and its caches). Keys are UTF-8 strings; values are Avro in Confluent's wire format.
 */
public final class NewswireSerdes implements AutoCloseable {

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final Map<String, ?> configs;

    public NewswireSerdes(final SchemaRegistryClient registry, final boolean autoRegister, final Map<String, ?> configs) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.configs = Map.copyOf(configs);
    }

    /**
     * @param configs Confluent-named settings: {@code schema.registry.url} (required), {@code auto.register.schemas},
     *                basic auth and truststore settings
     */
    public static NewswireSerdes fromConfig(final Map<String, ?> configs) {
        final boolean autoRegister = Boolean.parseBoolean(SchemaRegistryClientConfig.setting(configs, AvroSerializer.AUTO_REGISTER_SCHEMAS_CONFIG, "false"));
        return new NewswireSerdes(new SchemaRegistryClient(SchemaRegistryClientConfig.fromMap(configs)), autoRegister, configs);
    }

    /** UTF-8 string keys: report, article and correspondent ids. */
    public static Serde<String> keySerde() {
        return Serdes.String();
    }

    /** The value serde of a catalogued topic, reading into its generated class. */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> valueSerde(final TopicSpec topic) {
        return valueSerde((Class<T>) topic.valueType());
    }

    /** A value serde for a generated class. */
    public <T extends SpecificRecord> Serde<T> valueSerde(final Class<T> type) {
        return Serdes.serdeFrom(new AvroSerializer<>(registry, autoRegister, false), new AvroDeserializer<>(registry, type));
    }

    /** Settings for a plain client using {@link AvroSerializer}/{@link AvroDeserializer} by class name. */
    public Map<String, Object> serializerConfig() {
        return new HashMap<>(configs);
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /**
     * Registers each topic's value schema under its subject, as production does before deploying.
     *
     * @return subject to schema id, in the topics' order
     * @throws SchemaRegistryException naming the subject and the incompatibility when a schema is not compatible
     */
    public Map<String, Integer> registerAll(final Collection<TopicSpec> topics) {
        final Map<String, Integer> ids = new LinkedHashMap<>();
        for (final TopicSpec topic : topics) {
            final Schema schema = SpecificData.get().getSchema(topic.valueType());
            ids.put(topic.valueSubject(), registry.register(topic.valueSubject(), schema));
        }
        return ids;
    }

    @Override
    public void close() {
        registry.close();
    }
}
