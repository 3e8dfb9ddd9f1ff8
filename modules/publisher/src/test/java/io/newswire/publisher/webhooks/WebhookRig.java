package io.newswire.publisher.webhooks;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.serde.NewswireSerdes;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real parts a webhook test runs on, as production has them: topics created by {@link TopicAdmin}, every schema
 * registered explicitly, and auto-registration off for everything the publisher writes.
 */
final class WebhookRig implements AutoCloseable {

    final NewswireStack stack = NewswireStack.shared();
    final NewswireSerdes serdes;
    final NewswireConfig config;
    private final KafkaProducer<String, ArticleUpdate> updates;

    WebhookRig(final Map<String, Object> overrides) {
        try (Admin admin = Admin.create(stack.adminConfig())) {
            final TopicAdmin topics = new TopicAdmin(admin, (short) 1, -1);
            topics.ensure(Topics.everything());
            topics.awaitLeaders(Topics.everything(), Duration.ofSeconds(30));
        }
        final Map<String, Object> settings = new HashMap<>(stack.newswireSettings());
        settings.put(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false);
        settings.put(NewswireConfig.WEBHOOKS_GROUP_ID_CONFIG, stack.uniqueName("webhooks"));
        settings.putAll(overrides);
        this.config = new NewswireConfig(settings);
        try (NewswireSerdes registering = NewswireSerdes.fromConfig(config.serdeConfig())) {
            registering.registerAll(Topics.all());
        }
        this.serdes = NewswireSerdes.fromConfig(config.serdeConfig());
        this.updates = new KafkaProducer<>(stack.producerConfig(), NewswireSerdes.keySerde().serializer(),
                serdes.<ArticleUpdate>valueSerde(Topics.ARTICLE_UPDATES).serializer());
    }

    /** Writes article versions to newswire.articles.updates.v1, keyed by article id, and waits for the acks. */
    void publish(final List<ArticleUpdate> versions) throws Exception {
        for (final ArticleUpdate version : versions) {
            updates.send(new ProducerRecord<>(Topics.ARTICLE_UPDATES.name(), version.getArticleId().toString(), version));
        }
        updates.flush();
    }

    SubscriberAdmin admin() throws InterruptedException {
        return new SubscriberAdmin(config, serdes, Clock.systemUTC());
    }

    @Override
    public void close() {
        updates.close(Duration.ofSeconds(5));
        serdes.close();
    }
}
