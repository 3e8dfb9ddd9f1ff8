package io.newswire.publisher;

import io.newswire.model.ApiKeyRole;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.publisher.apikeys.ApiKeyAdmin;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.serde.NewswireSerdes;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A publisher on the shared real broker and registry, with production settings where they matter: schemas registered
 * explicitly, auto-registration off. Writes article versions as processing would, issues API keys through the admin.
 */
public final class PublisherRig implements AutoCloseable {

    public static final NewswireStack STACK = NewswireStack.shared();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final NewswireConfig config;
    private final NewswireSerdes serdes;
    private final KafkaProducer<String, ArticleUpdate> producer;
    public final MutableClock clock = new MutableClock(Instant.now());

    public PublisherRig() {
        this(Map.of());
    }

    /** @param overrides settings over the rig's (e.g. webhook timeouts) */
    public PublisherRig(final Map<String, Object> overrides) {
        final Map<String, Object> settings = new HashMap<>(STACK.newswireSettings());
        settings.put(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false);
        settings.put(NewswireConfig.PUBLISHER_PORT_CONFIG, "0");
        settings.put(NewswireConfig.METRICS_PORT_CONFIG, "0");
        // webhook delivery runs in every publisher: a group of this rig's own, so tests do not share offsets
        settings.put(NewswireConfig.WEBHOOKS_GROUP_ID_CONFIG, STACK.uniqueName("publisher-webhooks"));
        settings.putAll(overrides);
        this.config = new NewswireConfig(settings);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.bootstrapServers()))) {
            new TopicAdmin(admin, (short) 1, -1).ensure(Topics.all());
        }
        this.serdes = NewswireSerdes.fromConfig(config.serdeConfig());
        serdes.registerAll(Topics.all());
        final Map<String, Object> producerConfig = new HashMap<>(STACK.producerConfig());
        this.producer = new KafkaProducer<>(producerConfig, NewswireSerdes.keySerde().serializer(),
                serdes.<ArticleUpdate>valueSerde(Topics.ARTICLE_UPDATES).serializer());
    }

    public NewswireConfig config() {
        return config;
    }

    /** A publisher on the rig's clock; the caller closes it. */
    public PublisherApp startPublisher() {
        return PublisherApp.start(config, new NewswireMetrics(), clock);
    }

    /** A publisher on the rig's clock, its meters on {@code metrics}; the caller closes both. */
    public PublisherApp startPublisher(final NewswireMetrics metrics) {
        return PublisherApp.start(config, metrics, clock);
    }

    /** The rig's serdes (schemas registered), for admins the test opens. */
    public NewswireSerdes serdes() {
        return serdes;
    }

    /** Writes versions to newswire.articles.updates.v1, keyed by article id, and waits for the acks. */
    public void publish(final ArticleUpdate... versions) throws Exception {
        for (final ArticleUpdate version : versions) {
            publishAt(version);
        }
    }

    /** Writes one version as {@link #publish} does and returns where it landed. */
    public org.apache.kafka.clients.producer.RecordMetadata publishAt(final ArticleUpdate version) throws Exception {
        return producer.send(new ProducerRecord<>(Topics.ARTICLE_UPDATES.name(), version.getArticleId().toString(), version)).get(10, TimeUnit.SECONDS);
    }

    /** Issues a key and returns its secret. */
    public String key(final String prefix, final ApiKeyRole role, final List<String> desks) throws Exception {
        try (ApiKeyAdmin admin = new ApiKeyAdmin(config, serdes)) {
            return admin.add(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), prefix, role, desks).secret();
        }
    }

    /** Issues a key and removes it at once; returns the dead secret. */
    public String removedKey() throws Exception {
        try (ApiKeyAdmin admin = new ApiKeyAdmin(config, serdes)) {
            final ApiKeyAdmin.Issued issued = admin.add("gone-" + UUID.randomUUID().toString().substring(0, 8), "gone", ApiKeyRole.STAFF, List.of());
            admin.remove(issued.key().getKeyId());
            return issued.secret();
        }
    }

    public static HttpResponse<String> get(final PublisherApp app, final String path, final String key) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : app.url() + path))
                .timeout(Duration.ofSeconds(20));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static byte[] getBytes(final PublisherApp app, final String path, final String key) throws Exception {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(app.url() + path)).header("Authorization", "Bearer " + key).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    public static String uniqueDesk(final String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        serdes.close();
    }

    /** A clock the test moves; starts at the real now, so the publisher reads the topic's recent records at start. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(final Instant now) {
            this.now = now;
        }

        public void set(final Instant instant) {
            now = instant;
        }

        public Instant now() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
