package io.newswire.bench;

import io.newswire.embedded.EmbeddedStack;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.Topics;
import io.newswire.processing.ProcessingSerdes;
import io.newswire.processing.ProcessingTopology;
import io.newswire.processing.articles.ArticleProcessor;
import io.newswire.processing.dedup.DedupSettings;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Does the processing state stay flat as history grows? Runs the real topology (its RocksDB stores, through Kafka
 * Streams' test driver: no broker, so no changelogs) over a synthetic wire filing a steady number of reports a
 * simulated day, far longer than the retention, and at each checkpoint prints the state's size on
 * disk and the heap after a GC. (The driver deletes its state on close, so start-up from that state is not measured
 * here.)
 *
 * <p>Run: {@code modules/bench/run ArticlesStateBenchmark 500 25000 50000}
 * (reports per simulated day, then the checkpoints).
 */
public final class ArticlesStateBenchmark {

    private static final int DESKS = 8;
    private static final int VOCABULARY = 50_000;
    private static final int WORDS = 100;
    private static final long DAY = Duration.ofDays(1).toMillis();

    private ArticlesStateBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        final long[] checkpoints = args.length > 1
                ? Arrays.stream(args).skip(1).mapToLong(Long::parseLong).toArray() : new long[] {100_000, 1_000_000};
        final Path root = Files.createTempDirectory("newswire-bench-state");
        try (EmbeddedStack stack = EmbeddedStack.temporary(root.resolve("stack")).start();
             NewswireSerdes registry = NewswireSerdes.fromConfig(Map.of("schema.registry.url", stack.schemaRegistryUrl(),
                     "auto.register.schemas", true))) {
            final ProcessingSerdes serdes = ProcessingSerdes.from(registry);
            final Path state = root.resolve("state");
            final SyntheticWire wire = new SyntheticWire(new Random(7), Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(), DAY / perDay,
                    DESKS, VOCABULARY, WORDS, SyntheticWire.Script.LATIN);
            System.out.printf(Locale.ROOT, "%,d reports a simulated day; retention %d days, dedup horizon %d h%n", perDay,
                    ArticleProcessor.DEFAULT_RETENTION.toDays(), Duration.ofHours(72).toHours());
            long sent = 0;
            final TopologyTestDriver driver = open(serdes, state);
            final TestInputTopic<String, CorrespondentReport> input = input(driver, serdes);
            // the driver keeps every record it produced (outputs, internal topics, changelogs) until read: read them
            // all, or the heap measures the driver
            final Runnable drain = () -> driver.producedTopicNames().forEach(topic -> driver.createOutputTopic(topic,
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer()).readRecordsToList());
            try {
                for (final long checkpoint : checkpoints) {
                    final long fillStarted = System.nanoTime();
                    final long before = sent;
                    while (sent < checkpoint) {
                        final CorrespondentReport report = wire.next();
                        input.pipeInput(report.getReportId().toString(), report, report.getReceivedAt());
                        if (++sent % 1_000 == 0) {
                            driver.advanceWallClockTime(Duration.ofMinutes(1)); // lets the purge and expiry punctuations run
                            drain.run();
                        }
                    }
                    final double perSecond = (sent - before) / ((System.nanoTime() - fillStarted) / 1e9);
                    System.gc();
                    final long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    // (the rate is the driver's, which commits and flushes RocksDB after every record: not a throughput figure)
                    System.out.printf(Locale.ROOT, "after %,9d reports (%5.0f simulated days): state on disk %,7.1f MB, heap after GC %,6.1f MB "
                                    + "(driven at %,.0f reports/s)%n",
                            sent, (double) sent / perDay, size(state) / 1e6, heap / 1e6, perSecond);
                    System.out.println("  entries: " + entries(driver));
                }
            } finally {
                driver.close(); // (deletes the state directory)
            }
        }
    }

    /** Entries per store (RocksDB's estimate), to see which one grows. */
    private static String entries(final TopologyTestDriver driver) {
        final StringBuilder out = new StringBuilder();
        driver.getAllStateStores().forEach((name, store) -> {
            if (store instanceof KeyValueStore<?, ?> kv) {
                out.append(name).append('=').append(String.format(Locale.ROOT, "%,d", kv.approximateNumEntries())).append(' ');
            }
        });
        return out.toString().trim();
    }

    private static TopologyTestDriver open(final ProcessingSerdes serdes, final Path state) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-state");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return new TopologyTestDriver(ProcessingTopology.build(serdes, DedupSettings.defaults(Duration.ofHours(72).toMillis())), props);
    }

    private static TestInputTopic<String, CorrespondentReport> input(final TopologyTestDriver driver, final ProcessingSerdes serdes) {
        return driver.createInputTopic(Topics.REPORTS.name(), Serdes.String().serializer(), serdes.report().serializer());
    }

    private static long size(final Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (final IOException e) {
                    return 0; // a file RocksDB removed while we walked
                }
            }).sum();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
