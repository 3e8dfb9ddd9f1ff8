package io.newswire.bench;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.embedded.EmbeddedStack;
import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.PubStatus;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import io.newswire.model.topics.Topics;
import io.newswire.publisher.webhooks.SubscriberAdmin;
import io.newswire.publisher.webhooks.Webhooks;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Webhook delivery on a real broker and registry (the dev stack's parts, in this JVM and a child process), topics and
 * schemas as {@code newswire init} makes them, auto-registration off, default webhook settings, to a local receiver
 * (the JDK's HTTP server answering 204 at once) on the loopback.
 *
 * <ol>
 *   <li>Throughput: {@code backlog} article versions wait on {@code newswire.articles.updates.v1}; delivery starts
 *       and the time until the receiver has all of them (times the subscribers) gives deliveries per second.</li>
 *   <li>Latency: versions are produced at {@code rate} per second for {@code seconds}; for each delivery the time
 *       from just before its version was sent to Kafka until the receiver has the request: p50, p99, max.</li>
 * </ol>
 * The document is a stand-in for the ninjs renderer (about 2 KB of JSON made by string concatenation), so the
 * figures are for delivery, not rendering.
 *
 * <p>Run: {@code modules/bench/run WebhookDeliveryBenchmark [backlog=20000] [rate=500] [seconds=20] [subscribers=1]}
 */
public final class WebhookDeliveryBenchmark {

    private static final String BODY = "فقرة من تقرير المراسل عن نزوح العائلات من ريف حلب الجنوبي إلى المدينة. ".repeat(12);

    private WebhookDeliveryBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        final int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        final int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        final int subscribers = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        final Path root = Files.createTempDirectory("newswire-bench-webhooks");
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final List<Long> latenciesMicros = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong received = new AtomicLong();
        final HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        receiver.createContext("/", exchange -> {
            final long now = System.nanoTime();
            exchange.getRequestBody().readAllBytes();
            final String id = exchange.getRequestHeaders().getFirst("webhook-id");
            // nw_<subscriber>_<article>_v<n>: the version's send time is keyed by article and version
            final Long sent = sentAt.get(id.substring(id.lastIndexOf("_v") - 36));
            if (sent != null) {
                latenciesMicros.add((now - sent) / 1_000);
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.start();
        try (EmbeddedStack stack = EmbeddedStack.temporary(root.resolve("stack")).start()) {
            final NewswireConfig config = NewswireConfig.load(null, Map.of(), Map.of(
                    NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
                    NewswireConfig.DATA_DIR_CONFIG, root.resolve("data").toString()));
            try (Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
                new TopicAdmin(admin, (short) 1, -1).ensure(Topics.everything());
                new TopicAdmin(admin, (short) 1, -1).awaitLeaders(Topics.everything(), Duration.ofSeconds(30));
            }
            try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig())) {
                serdes.registerAll(Topics.all());
                try (SubscriberAdmin subscribersAdmin = new SubscriberAdmin(config, serdes, Clock.systemUTC())) {
                    for (int i = 0; i < subscribers; i++) {
                        subscribersAdmin.add("bench-" + i, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/s" + i, Map.of(), null);
                    }
                }
                try (KafkaProducer<String, ArticleUpdate> producer = new KafkaProducer<>(
                        KafkaClientConfigs.durableProducer(config, "bench-updates", 30_000), NewswireSerdes.keySerde().serializer(),
                        serdes.<ArticleUpdate>valueSerde(Topics.ARTICLE_UPDATES).serializer())) {
                    // 1. throughput from a backlog
                    for (int i = 0; i < backlog; i++) {
                        send(producer, null);
                    }
                    producer.flush();
                    final Function<ArticleUpdate, byte[]> renderer = WebhookDeliveryBenchmark::render;
                    final Function<Map<String, List<String>>, Predicate<ArticleUpdate>> everything = filter -> update -> true;
                    final long started = System.nanoTime();
                    try (Webhooks webhooks = Webhooks.start(config, serdes, new SimpleMeterRegistry(), renderer, everything, Clock.systemUTC())) {
                        final long owed = (long) backlog * subscribers;
                        awaitReceived(received, owed, Duration.ofMinutes(20));
                        final double took = (System.nanoTime() - started) / 1e9;
                        System.out.printf("backlog: %,d versions x %d subscriber(s) = %,d deliveries in %.1f s (start included): %,.0f deliveries/s%n",
                                backlog, subscribers, owed, took, owed / took);

                        // 2. latency at an offered rate
                        latenciesMicros.clear();
                        final long before = received.get();
                        final long intervalNanos = 1_000_000_000L / rate;
                        final long begin = System.nanoTime();
                        final int total = rate * seconds;
                        for (int i = 0; i < total; i++) {
                            final long due = begin + i * intervalNanos;
                            final long wait = due - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait); // not a spin: the machine has 2 cores
                            }
                            send(producer, sentAt);
                        }
                        producer.flush();
                        final double offeredFor = (System.nanoTime() - begin) / 1e9;
                        awaitReceived(received, before + (long) total * subscribers, Duration.ofMinutes(10));
                        final long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
                        System.out.printf("offered %d versions/s for %d s (%,d sent in %.1f s) x %d subscriber(s): %,d deliveries; "
                                        + "update -> delivery p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, seconds, total, offeredFor,
                                subscribers, sorted.length, pct(sorted, 0.50) / 1e3, pct(sorted, 0.99) / 1e3, sorted[sorted.length - 1] / 1e3);
                    }
                }
            }
        } finally {
            receiver.stop(0);
            System.exit(0); // the receiver's pool and the registry's child process go with the JVM
        }
    }

    private static void send(final KafkaProducer<String, ArticleUpdate> producer, final Map<String, Long> sentAt) {
        final UUID article = UUID.randomUUID();
        final Instant now = Instant.now();
        final UUID report = UUID.randomUUID();
        final ArticleUpdate update = ArticleUpdate.newBuilder().setArticleId(article).setVersion(1).setSignal(Signal.NEW)
                .setPubStatus(PubStatus.USABLE).setLanguage("ar").setHeadline("نزوح عائلات من ريف حلب الجنوبي").setBody(List.of(BODY, BODY))
                .setTriggeringReportId(report)
                .setSources(List.of(ArticleSource.newBuilder().setReportId(report).setCorrespondentId("reem").setRole(SourceRole.ORIGIN).build()))
                .setFirstCreated(now).setVersionCreated(now).build();
        if (sentAt != null) {
            sentAt.put(article + "_v1", System.nanoTime());
        }
        producer.send(new ProducerRecord<>(Topics.ARTICLE_UPDATES.name(), article.toString(), update));
    }

    private static byte[] render(final ArticleUpdate update) {
        return ("{\"uri\":\"urn:newswire:article:" + update.getArticleId() + "\",\"version\":\"" + update.getVersion()
                + "\",\"pubstatus\":\"usable\",\"language\":\"ar\",\"headlines\":[{\"value\":\"" + update.getHeadline()
                + "\"}],\"bodies\":[{\"role\":\"text\",\"value\":\"" + String.join(" ", update.getBody()) + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitReceived(final AtomicLong received, final long target, final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (received.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + received.get() + " of " + target + " deliveries within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static double pct(final long[] sorted, final double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
