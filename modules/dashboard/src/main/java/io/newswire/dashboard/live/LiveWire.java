package io.newswire.dashboard.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import io.newswire.dashboard.view.AlertViews;
import io.newswire.dashboard.view.ArticleViews;
import io.newswire.model.Alert;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.publisher.embargo.Embargo;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.kafka.StreamPosition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The live wire to browsers: for each one a consumer of its own (no group, read_committed, so only what processing
 * committed is shown) over {@code newswire.articles.updates.v1} and {@code newswire.alerts.v1}, from the position its
 * {@code Last-Event-ID} names, else from now. Events:
 * <ul>
 *   <li>{@code ready}: sent first, with the starting position as its id, so a browser that has seen nothing yet
 *       resumes from here too;</li>
 *   <li>{@code article}: a version passing the browser's filter, as {@link ArticleViews#summary} (an embargoed version
 *       is not on the wire, as it is not in the listing, until its embargo ends);</li>
 *   <li>{@code alert}: every alert, rule or health, as {@link AlertViews#alert}. A browser that connects afresh first
 *       gets the last {@link #RECENT_ALERTS} of each partition, so the alert panel of a page just opened is not empty
 *       while the desk's alerts of the last minutes stand.</li>
 * </ul>
 * A comment every 15 s finds browsers gone away. At most {@link #MAX_CLIENTS} browsers per instance (each holds a
 * consumer and a thread); more are told 503 and their EventSource retries.
 */
public final class LiveWire implements AutoCloseable {

    /** Alerts per partition a freshly connected browser gets from before it connected. */
    public static final int RECENT_ALERTS = 20;

    /** Browsers one instance serves at once; a newsroom's editors, with room. */
    public static final int MAX_CLIENTS = 256;

    private static final Logger LOG = LoggerFactory.getLogger(LiveWire.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HEARTBEAT_MS = 15_000;

    private final NewswireConfig config;
    private final Deserializer<ArticleUpdate> articles;
    private final Deserializer<Alert> alerts;
    private final Clock clock;
    private final AtomicInteger serial = new AtomicInteger();
    private final AtomicInteger connected = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        final Thread thread = new Thread(r, "dashboard-sse");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<KafkaConsumer<byte[], byte[]>> consumers = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    public LiveWire(final NewswireConfig config, final Deserializer<ArticleUpdate> articles, final Deserializer<Alert> alerts, final Clock clock) {
        this.config = config;
        this.articles = articles;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Browsers connected now. */
    public int clients() {
        return connected.get();
    }

    /**
     * Serves a browser until it goes away; returns at once (the feed runs on its own thread).
     *
     * @param lastEventId the browser's Last-Event-ID. May be null
     * @param filter      which article versions it wants
     * @return false when the instance is full (the caller answers 503)
     */
    public boolean serve(final SseClient client, final String lastEventId, final Predicate<ArticleUpdate> filter) {
        if (connected.incrementAndGet() > MAX_CLIENTS) {
            connected.decrementAndGet();
            return false;
        }
        try {
            client.keepAlive();
            final KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                    KafkaClientConfigs.committedReader(config, null, config.getString(NewswireConfig.DASHBOARD_APPLICATION_ID_CONFIG)
                            + "-sse-" + serial.incrementAndGet()), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            final int articlePartitions = partitions(consumer, Topics.ARTICLE_UPDATES.name());
            final int alertPartitions = partitions(consumer, Topics.ALERTS.name());
            final List<TopicPartition> all = new ArrayList<>();
            IntStream.range(0, articlePartitions).forEach(p -> all.add(new TopicPartition(Topics.ARTICLE_UPDATES.name(), p)));
            IntStream.range(0, alertPartitions).forEach(p -> all.add(new TopicPartition(Topics.ALERTS.name(), p)));
            consumer.assign(all);
            WirePosition start = WirePosition.parse(lastEventId, articlePartitions, alertPartitions).orElse(null);
            if (start == null) {
                consumer.seekToEnd(all);
                // resolved now, so a version written after the browser connected is sent even if the first poll is later
                final StreamPosition alertsEnd = position(consumer, Topics.ALERTS.name(), alertPartitions);
                final StreamPosition recentAlerts = new StreamPosition(Arrays.stream(alertsEnd.next())
                        .map(end -> Math.max(0, end - RECENT_ALERTS)).toArray());
                start = new WirePosition(position(consumer, Topics.ARTICLE_UPDATES.name(), articlePartitions), recentAlerts);
                seek(consumer, Topics.ALERTS.name(), recentAlerts);
            } else {
                seek(consumer, Topics.ARTICLE_UPDATES.name(), start.articles());
                seek(consumer, Topics.ALERTS.name(), start.alerts());
            }
            consumers.add(consumer);
            client.onClose(consumer::wakeup);
            client.sendEvent("ready", "{\"position\":\"" + start.eventId() + "\"}", start.eventId());
            final WirePosition from = start;
            threads.submit(() -> feed(client, consumer, from, filter));
            return true;
        } catch (final RuntimeException e) {
            connected.decrementAndGet();
            throw e;
        }
    }

    private void feed(final SseClient client, final KafkaConsumer<byte[], byte[]> consumer, final WirePosition start,
                      final Predicate<ArticleUpdate> filter) {
        WirePosition position = start;
        long lastSent = System.currentTimeMillis();
        try (consumer) {
            while (open && !client.terminated()) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    final boolean article = Topics.ARTICLE_UPDATES.name().equals(record.topic());
                    position = article ? position.afterArticle(record.partition(), record.offset()) : position.afterAlert(record.partition(), record.offset());
                    final String event = article ? articleEvent(record, filter) : alertEvent(record);
                    if (event != null) {
                        client.sendEvent(article ? "article" : "alert", event, position.eventId());
                        lastSent = System.currentTimeMillis();
                    }
                }
                if (System.currentTimeMillis() - lastSent > HEARTBEAT_MS) {
                    client.sendComment("keep-alive " + position.eventId());
                    lastSent = System.currentTimeMillis();
                }
            }
        } catch (final WakeupException e) {
            // the browser went away
        } catch (final RuntimeException e) {
            LOG.warn("Live wire to a browser ended: {}", e.toString());
        } finally {
            consumers.remove(consumer);
            connected.decrementAndGet();
            client.close();
        }
    }

    /** The event's JSON, or null when the browser does not want it (filtered out, embargoed, undecodable, a tombstone). */
    private String articleEvent(final ConsumerRecord<byte[], byte[]> record, final Predicate<ArticleUpdate> filter) {
        final ArticleUpdate version = decode(articles, record);
        if (version == null || !Embargo.isReleased(version, clock.instant()) || !filter.test(version)) {
            return null;
        }
        return json(ArticleViews.summary(version));
    }

    private String alertEvent(final ConsumerRecord<byte[], byte[]> record) {
        final Alert alert = decode(alerts, record);
        return alert == null ? null : json(AlertViews.alert(alert));
    }

    private static <T> T decode(final Deserializer<T> deserializer, final ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (final RuntimeException e) {
            LOG.warn("Skipping an undecodable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }

    private static String json(final Map<String, Object> view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("A view map is always JSON", e);
        }
    }

    private static int partitions(final KafkaConsumer<byte[], byte[]> consumer, final String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
    }

    private static StreamPosition position(final KafkaConsumer<byte[], byte[]> consumer, final String topic, final int partitions) {
        return new StreamPosition(IntStream.range(0, partitions).mapToLong(p -> consumer.position(new TopicPartition(topic, p))).toArray());
    }

    private static void seek(final KafkaConsumer<byte[], byte[]> consumer, final String topic, final StreamPosition position) {
        for (int p = 0; p < position.next().length; p++) {
            consumer.seek(new TopicPartition(topic, p), position.next()[p]);
        }
    }

    @Override
    public void close() {
        open = false;
        // woken, not interrupted: an interrupted consumer cannot close cleanly
        consumers.forEach(KafkaConsumer::wakeup);
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
