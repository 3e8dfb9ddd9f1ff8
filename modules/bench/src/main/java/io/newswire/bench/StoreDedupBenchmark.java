package io.newswire.bench;

import io.newswire.processing.dedup.DedupSettings;
import io.newswire.processing.dedup.StoryMatcher;
import io.newswire.processing.dedup.TermVector;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What production's dedup costs per NEW report as the stored history grows: {@link StoryMatcher}'s findMatch and
 * remember on its real RocksDB stores (caching and changelogging layers included), driven by a TopologyTestDriver
 * with exactly_once_v2, filled with N synthetic reports within the horizon, then 2,000 fresh ones timed. Prints
 * µs per report, reports/s and the bytes dedup put into its stores (= its changelogs' input) per report.
 *
 * <p>Run: {@code ./mvnw -B -q -o package -DskipTests -pl modules/bench -am}, then
 * {@code java -cp "modules/bench/target/classes:$(cat cp.txt)" io.newswire.bench.StoreDedupBenchmark 10000 1000000}
 * with cp.txt from {@code ./mvnw -B -q -o dependency:build-classpath -pl modules/bench -am -Dmdep.outputFile=$PWD/cp.txt}.
 */
public final class StoreDedupBenchmark {

    private static final int VOCABULARY = 200_000;
    private static final int WORDS_PER_REPORT = 120;
    private static final int PROBES = 2_000;
    /** Reports per commit while timing: a 100 ms exactly-once commit interval at 2,000 reports/s. */
    private static final int COMMIT_BATCH = 200;
    private static final int FILL_BATCH = 1_000;

    private StoreDedupBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final int[] sizes = args.length == 0 ? new int[]{10_000, 1_000_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        final double[] micros = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            micros[i] = measure(sizes[i]);
        }
        if (sizes.length > 1) {
            System.out.printf(Locale.ROOT, "ratio (%,d / %,d stored): %.2f%n", sizes[sizes.length - 1], sizes[0], micros[sizes.length - 1] / micros[0]);
        }
    }

    private static double measure(final int stored) throws Exception {
        final Random random = new Random(1);
        final List<Map<String, Integer>> reports = new ArrayList<>();
        final StoryMatcher[] matcher = new StoryMatcher[1];
        final Path stateDir = Files.createTempDirectory("dedup-bench");
        final StreamsBuilder builder = new StreamsBuilder();
        StoryMatcher.addStores(builder);
        builder.stream("filed", Consumed.with(Serdes.Integer(), Serdes.Long()))
                .process(() -> new Processor<Integer, Long, Void, Void>() {
                    private final StoryMatcher stories = new StoryMatcher(DedupSettings.defaults(72L * 3_600_000));

                    @Override
                    public void init(final ProcessorContext<Void, Void> context) {
                        stories.init(context);
                        matcher[0] = stories;
                    }

                    @Override
                    public void process(final Record<Integer, Long> record) {
                        // one input record carries a batch: the driver commits (flushing RocksDB) after each record, a
                        // real task once per commit interval (100 ms under exactly-once, about 200 reports at 2,000/s)
                        for (int r = record.key(); r < record.key() + record.value(); r++) {
                            // hashed here as the normalise step now does before the articles step: timed as before
                            final TermVector terms = TermVector.of(reports.get(r));
                            final long receivedAt = r; // 1 ms apart: all within the 72 h horizon
                            final var match = stories.findMatch("desk", terms, receivedAt);
                            stories.remember("desk", "report-" + r, match.map(m -> m.matched().articleId()).orElse("article-" + r), "c",
                                    terms, receivedAt);
                            reports.set(r, null);
                        }
                    }
                }, StoryMatcher.STORES);
        final java.util.Properties props = new java.util.Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            final TestInputTopic<Integer, Long> input = driver.createInputTopic("filed", Serdes.Integer().serializer(), Serdes.Long().serializer());
            final long fillStart = System.nanoTime();
            long chunkStart = fillStart;
            for (int i = 0; i < stored; i += FILL_BATCH) {
                final int n = Math.min(FILL_BATCH, stored - i);
                for (int j = 0; j < n; j++) {
                    reports.add(report(random));
                }
                input.pipeInput(i, (long) n);
                if ((i + n) % 100_000 == 0) {
                    final long now = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  filled %,d (last 100k at %.0f reports/s)%n", i + n, 100_000 / ((now - chunkStart) / 1e9));
                    chunkStart = now;
                }
            }
            final double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            // heap held once filled (after a GC): dedup's in-memory lists and counts, plus the driver and this harness
            System.gc();
            final long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            for (int i = 0; i < PROBES; i++) {
                reports.add(report(random));
            }
            final long bytesBefore = matcher[0].bytesWritten();
            // CPU time of this thread (the driver processes on it): the cost without the other builds sharing the cores
            final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            final long cpuStart = cpu.getCurrentThreadCpuTime();
            final long start = System.nanoTime();
            for (int i = stored; i < stored + PROBES; i += COMMIT_BATCH) {
                input.pipeInput(i, (long) COMMIT_BATCH);
            }
            final double micros = (System.nanoTime() - start) / 1e3 / PROBES;
            final double cpuMicros = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e3 / PROBES;
            final double bytes = (double) (matcher[0].bytesWritten() - bytesBefore) / PROBES;
            System.out.printf(Locale.ROOT, "stored %,9d fingerprints (filled in %.0f s, %.0f reports/s): %.0f µs per report = %.0f reports/s; CPU %.0f µs per report = %.0f reports/s a core; %.0f bytes put per report; heap %,d MB once filled%n",
                    stored, fillSeconds, stored / fillSeconds, micros, 1e6 / micros, cpuMicros, 1e6 / cpuMicros, bytes, heapMb);
            return micros;
        } finally {
            try (var paths = Files.walk(stateDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Word counts of a synthetic report: word ranks drawn from a Zipf-like distribution. */
    private static Map<String, Integer> report(final Random random) {
        final Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < WORDS_PER_REPORT; i++) {
            final int rank = (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(VOCABULARY, random.nextDouble())));
            counts.merge("w" + rank, 1, Integer::sum);
        }
        return counts;
    }
}
