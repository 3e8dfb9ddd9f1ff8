package io.newswire.bench;

import io.newswire.processing.dedup.DedupSettings;
import io.newswire.processing.dedup.InMemoryCandidateIndex;
import io.newswire.processing.dedup.NearDuplicateDetector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Does a near-duplicate lookup cost more as history grows? Fills a desk's candidate index with 10 thousand, then
 * 1 million stored fingerprints (Zipf-like word frequencies, as in text) and times lookups of fresh reports
 * against each. Prints one line per size and the ratio, measured in this one run.
 *
 * This is the in-memory core only; {@link StoreDedupBenchmark} measures the RocksDB-backed index production runs.
 *
 * <p>Run: see {@link StoreDedupBenchmark} (same classpath), main class io.newswire.bench.DedupLookupBenchmark.
 */
public final class DedupLookupBenchmark {

    private static final int VOCABULARY = 200_000;
    private static final int WORDS_PER_REPORT = 120;
    private static final int LOOKUPS = 2_000;

    private DedupLookupBenchmark() {
    }

    public static void main(final String[] args) {
        final int[] sizes = {10_000, 1_000_000};
        final double[] microsPerLookup = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            microsPerLookup[i] = measure(sizes[i]);
        }
        System.out.printf(Locale.ROOT, "ratio (1M / 10k): %.2f%n", microsPerLookup[1] / microsPerLookup[0]);
    }

    private static double measure(final int stored) {
        final Random random = new Random(1);
        final NearDuplicateDetector detector = new NearDuplicateDetector(DedupSettings.defaults(Long.MAX_VALUE / 4));
        final InMemoryCandidateIndex index = new InMemoryCandidateIndex();
        final long fillStart = System.nanoTime();
        for (int i = 0; i < stored; i++) {
            detector.remember(detector.prepare("desk", report(random), index), "r" + i, "a" + i, "c", i, index);
        }
        final double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        final List<Map<String, Integer>> probes = new ArrayList<>();
        for (int i = 0; i < LOOKUPS; i++) {
            probes.add(report(random));
        }
        // warm-up, then the timed pass
        probes.subList(0, 200).forEach(p -> detector.findMatch(detector.prepare("desk", p, index), stored, index));
        final long start = System.nanoTime();
        int matches = 0;
        for (final Map<String, Integer> probe : probes) {
            matches += detector.findMatch(detector.prepare("desk", probe, index), stored, index).isPresent() ? 1 : 0;
        }
        final double micros = (System.nanoTime() - start) / 1e3 / LOOKUPS;
        System.out.printf(Locale.ROOT, "stored %,9d fingerprints (filled in %.1f s): %.1f µs per lookup (%d lookups, %d matches)%n",
                stored, fillSeconds, micros, LOOKUPS, matches);
        return micros;
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
