package io.newswire.bench;

import io.newswire.embedded.EmbeddedKafka;
import io.newswire.embedded.EmbeddedSchemaRegistry;
import io.newswire.gateway.GatewayServer;
import io.newswire.gateway.metrics.GatewayMetrics;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;
import io.newswire.model.ReportState;
import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Does the gateway's start-up cost grow with the history on its topics? On a real in-JVM broker (one per size) and
 * Apicurio registry, fills {@code newswire.reports.v1} with 100 thousand, then 1 million small reports spread over
 * the topic's 30-day retention, each with its state on {@code newswire.reports.status.v1}; the same 20,000 of them
 * are inside the 7-day window both times. Then starts a whole {@link GatewayServer} and measures the time until
 * /ready answers 200, the heap it holds (used heap after a full GC once it is ready, minus the same just before it started),
 * and its index and view sizes. Each size is measured with the default window and with a window of 10 years, which
 * reads and keeps everything as the gateway did before it had a window. Each figure is the median of
 * {@value #STARTS} starts, after one warm-up start (class loading and JIT would otherwise weigh on the first).
 *
 * <p>Records are produced as bytes in the gateway's wire format (the registry's Avro serializer, Confluent framing),
 * with record timestamps in time order, as the gateway's producer would have written them.
 *
 * <p>Run: {@code ./mvnw -B -q -pl modules/bench exec:java -Dbench=GatewayStateBenchmark} (needs the modules
 * installed; results.md gives the reactor form used).
 */
public final class GatewayStateBenchmark {

    private static final Duration WINDOW = Duration.ofDays(7);
    private static final Duration UNBOUNDED = Duration.ofDays(3_650);
    private static final Duration HISTORY = Duration.ofDays(30).minusHours(6);
    private static final int IN_WINDOW = 20_000;
    private static final int[] SIZES = {100_000, 1_000_000};
    private static final int STARTS = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One start of a gateway. */
    private record Run(int history, String window, double secondsToReady, double heapMiB, double indexEntries, double statusEntries,
                       double reportsRead, double statesRead) {
    }

    private GatewayStateBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final Path root = Files.createTempDirectory("newswire-bench-gateway-");
        final List<Run> runs = new ArrayList<>();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.inMemory(root.resolve("registry"))) {
            registry.start();
            for (final int size : SIZES) {
                try (EmbeddedKafka kafka = EmbeddedKafka.builder(root.resolve("kafka-" + size)).build().start()) {
                    final NewswireConfig config = config(kafka.bootstrapServers(), registry.url());
                    fill(config, size);
                    if (runs.isEmpty()) {
                        start(config, size, "warm-up", WINDOW);
                    }
                    runs.add(measure(config, size, "7 days", WINDOW));
                    runs.add(measure(config, size, "10 years (unbounded)", UNBOUNDED));
                }
            }
        } finally {
            deleteQuietly(root);
        }
        System.out.println();
        System.out.println("| total history | window | ready after | heap held | index entries | status entries | reports read | states read |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        runs.forEach(r -> System.out.printf(Locale.ROOT, "| %,d | %s | %.1f s | %.1f MiB | %,.0f | %,.0f | %,.0f | %,.0f |%n",
                r.history, r.window, r.secondsToReady, r.heapMiB, r.indexEntries, r.statusEntries, r.reportsRead, r.statesRead));
        for (final String window : List.of("7 days", "10 years (unbounded)")) {
            final Run small = runs.stream().filter(r -> r.window.equals(window) && r.history == SIZES[0]).findFirst().orElseThrow();
            final Run large = runs.stream().filter(r -> r.window.equals(window) && r.history == SIZES[1]).findFirst().orElseThrow();
            System.out.printf(Locale.ROOT, "window %s: 1M/100k ready time %.2f, heap %.2f%n", window,
                    large.secondsToReady / small.secondsToReady, large.heapMiB / small.heapMiB);
        }
    }

    private static NewswireConfig config(final String bootstrap, final String registryUrl) {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        settings.put(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "true");
        settings.put(NewswireConfig.GATEWAY_PORT_CONFIG, "0");
        settings.put(NewswireConfig.METRICS_PORT_CONFIG, "0");
        final NewswireConfig config = new NewswireConfig(settings);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            new TopicAdmin(admin, (short) 1, -1).ensure(Topics.all());
        }
        return config;
    }

    /** {@code size} reports and their states, oldest first; the last {@link #IN_WINDOW} within the last 6 days. */
    private static void fill(final NewswireConfig config, final int size) {
        final long started = System.nanoTime();
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final Instant oldest = now.minus(HISTORY);
        final Instant oldEnd = now.minus(WINDOW).minus(Duration.ofHours(1));
        final Instant windowStart = now.minus(WINDOW).plus(Duration.ofDays(1));
        final int old = size - IN_WINDOW;
        final Map<String, Object> producerConfig = new HashMap<>(config.kafkaCommon());
        producerConfig.put("acks", "1");
        producerConfig.put("enable.idempotence", "false");
        producerConfig.put("linger.ms", "20");
        producerConfig.put("batch.size", Integer.toString(512 * 1024));
        producerConfig.put("compression.type", "lz4");
        final AtomicLong failed = new AtomicLong();
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            final Serializer<CorrespondentReport> reports = serdes.<CorrespondentReport>valueSerde(Topics.REPORTS).serializer();
            final Serializer<ReportStatus> states = serdes.<ReportStatus>valueSerde(Topics.REPORT_STATUS).serializer();
            for (int i = 0; i < size; i++) {
                final Instant receivedAt = i < old
                        ? oldest.plusMillis((long) ((oldEnd.toEpochMilli() - oldest.toEpochMilli()) * (double) i / old))
                        : windowStart.plusMillis((long) ((now.toEpochMilli() - windowStart.toEpochMilli()) * (double) (i - old) / IN_WINDOW));
                final UUID id = new UUID(size, i);
                final String key = id.toString();
                final long timestamp = receivedAt.toEpochMilli();
                producer.send(new ProducerRecord<>(Topics.REPORTS.name(), null, timestamp, key,
                        reports.serialize(Topics.REPORTS.name(), report(id, receivedAt))), (m, e) -> failed.addAndGet(e == null ? 0 : 1));
                // processing stamps the state's record with the report's timestamp, and updatedAt with its own clock
                producer.send(new ProducerRecord<>(Topics.REPORT_STATUS.name(), null, timestamp, key,
                        states.serialize(Topics.REPORT_STATUS.name(), ReportStatus.newBuilder().setReportId(id).setState(ReportState.PROCESSED)
                                .setArticleId(new UUID(0, i)).setArticleVersion(1).setUpdatedAt(receivedAt.plusSeconds(2)).build())),
                        (m, e) -> failed.addAndGet(e == null ? 0 : 1));
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records were not written");
        }
        System.out.printf(Locale.ROOT, "filled %,d reports and %,d states over %d days (%,d in the last 6 days) in %.1f s%n",
                size, size, HISTORY.toDays(), IN_WINDOW, (System.nanoTime() - started) / 1e9);
    }

    /** A small report, as the gateway writes it. */
    private static CorrespondentReport report(final UUID id, final Instant receivedAt) {
        return CorrespondentReport.newBuilder().setReportId(id).setCorrespondentId("c" + (id.getLeastSignificantBits() % 500))
                .setDesk("syria").setLanguage("ar").setKind(ReportKind.NEW).setHeadline("تقرير " + id.getLeastSignificantBits())
                .setBody(List.of("قال مراسلنا إن مئات المدنيين غادروا المدينة فجر اليوم.")).setFiledAt(receivedAt).setReceivedAt(receivedAt)
                .setContentDigest(Long.toHexString(id.getLeastSignificantBits()).repeat(4)).build();
    }

    private static Run measure(final NewswireConfig config, final int history, final String label, final Duration window) throws Exception {
        final List<Run> starts = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            starts.add(start(config, history, label, window));
        }
        final Run median = starts.get(STARTS / 2);
        return new Run(history, label, median(starts, Run::secondsToReady), median(starts, Run::heapMiB), median.indexEntries(),
                median.statusEntries(), median.reportsRead(), median.statesRead());
    }

    private static double median(final List<Run> runs, final java.util.function.ToDoubleFunction<Run> figure) {
        return runs.stream().mapToDouble(figure).sorted().toArray()[runs.size() / 2];
    }

    private static Run start(final NewswireConfig base, final int history, final String label, final Duration window) throws Exception {
        final NewswireConfig config = base.with(Map.of(NewswireConfig.GATEWAY_IDEMPOTENCY_WINDOW_MS_CONFIG, Long.toString(window.toMillis())));
        final long heapBefore = heapAfterGc();
        final long started = System.nanoTime();
        final double seconds;
        final long heapWhileRunning;
        final double[] sizes = new double[4];
        try (NewswireMetrics metrics = new NewswireMetrics(); GatewayServer gateway = GatewayServer.start(config, metrics)) {
            awaitReady(gateway);
            seconds = (System.nanoTime() - started) / 1e9;
            heapWhileRunning = heapAfterGc();
            sizes[0] = metrics.registry().get(GatewayMetrics.IDEMPOTENCY_ENTRIES).gauge().value();
            sizes[1] = metrics.registry().get(GatewayMetrics.STATUS_ENTRIES).gauge().value();
            sizes[2] = metrics.registry().get(GatewayMetrics.STATE_RECORDS_READ).tag(GatewayMetrics.TOPIC_TAG, Topics.REPORTS.name()).functionCounter().count();
            sizes[3] = metrics.registry().get(GatewayMetrics.STATE_RECORDS_READ).tag(GatewayMetrics.TOPIC_TAG, Topics.REPORT_STATUS.name()).functionCounter().count();
        }
        // not "less the heap once it is closed": a closed gateway's state stayed reachable in this JVM (see results.md)
        final double heapMiB = (heapWhileRunning - heapBefore) / 1024.0 / 1024.0;
        System.out.printf(Locale.ROOT, "history %,d, window %s: ready after %.1f s, heap held %.1f MiB, %,.0f ids, %,.0f states, read %,.0f reports and %,.0f states%n",
                history, label, seconds, heapMiB, sizes[0], sizes[1], sizes[2], sizes[3]);
        return new Run(history, label, seconds, heapMiB, sizes[0], sizes[1], sizes[2], sizes[3]);
    }

    private static void awaitReady(final GatewayServer gateway) throws Exception {
        final HttpRequest ready = HttpRequest.newBuilder(URI.create(gateway.url() + "/ready")).build();
        while (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            Thread.sleep(50);
        }
    }

    /** Used heap once garbage is gone: several collections, since one may leave what finalisation freed. */
    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void deleteQuietly(final Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (final Exception e) {
            System.err.println("Could not delete " + root + ": " + e);
        }
    }
}
