package io.newswire.alerter;

import io.newswire.embedded.EmbeddedKafka;
import io.newswire.model.Alert;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.serde.NewswireSerdes;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A broker of the test's own (the alerter's topics have fixed names, so no other test's alerter may write them), the
 * shared registry with every schema registered explicitly (as {@code newswire init} does), and settings with
 * auto-registration off, as in production.
 */
public final class AlerterRig implements AutoCloseable {

    public final EmbeddedKafka kafka = NewswireStack.dedicatedKafka().start();
    public final NewswireStack stack = NewswireStack.shared().withBroker(kafka.bootstrapServers());
    public final NewswireSerdes serdes;
    private final KafkaProducer<String, ArticleUpdate> updates;

    public AlerterRig() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            new TopicAdmin(admin, (short) 1, -1).ensure(Topics.everything());
        }
        serdes = NewswireSerdes.fromConfig(Map.of("schema.registry.url", stack.schemaRegistryUrl(), "auto.register.schemas", false));
        serdes.registerAll(Topics.all());
        updates = new KafkaProducer<>(stack.producerConfig(), new StringSerializer(), serdes.valueSerde(ArticleUpdate.class).serializer());
    }

    /** Settings of an alerter on this rig: production defaults but for the addresses, a state dir and a free HTTP port. */
    public Map<String, Object> settings() {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl());
        settings.put(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "false");
        settings.put(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG, "1");
        settings.put(NewswireConfig.ALERTER_STATE_DIR_CONFIG, stack.newStateDir().toString());
        settings.put(NewswireConfig.ALERTER_PORT_CONFIG, "0");
        settings.put(NewswireConfig.DATA_DIR_CONFIG, stack.newDir("alerter-data").toString());
        // a killed instance's partitions move after 6 s instead of 45 s
        settings.put("kafka.session.timeout.ms", "6000");
        return settings;
    }

    public NewswireConfig config() {
        return new NewswireConfig(settings());
    }

    /** Writes versions to the article updates topic, keyed by article id as processing does. */
    public void publish(final ArticleUpdate... versions) throws Exception {
        for (final ArticleUpdate version : versions) {
            updates.send(new ProducerRecord<>(Topics.ARTICLE_UPDATES.name(), version.getArticleId().toString(), version)).get();
        }
    }

    /** The committed alerts the predicate keeps, once at least that many arrived. */
    public List<Alert> alerts(final Predicate<Alert> keep, final int atLeast, final Duration timeout) {
        return stack.consumeMatching(Topics.ALERTS.name(), new StringDeserializer(), serdes.valueSerde(Alert.class).deserializer(),
                (ConsumerRecord<String, Alert> r) -> r.value() != null && keep.test(r.value()), atLeast, timeout)
                .stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        updates.close(Duration.ofSeconds(5));
        serdes.close();
        kafka.close();
    }
}
