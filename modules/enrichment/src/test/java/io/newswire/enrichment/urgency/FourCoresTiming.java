package io.newswire.enrichment.urgency;

import io.newswire.enrichment.parties.PartyMatcher;
import io.newswire.enrichment.sources.AttributionExtractor;
import io.newswire.enrichment.subjects.SubjectClassifier;
import io.newswire.enrichment.text.ReportText;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Not a test: a rough measurement of the four cores on {@link FourCoresFixture}, one thread, after warm-up, and the
 * heap their dictionaries hold (used heap after GC, before and after building them). Run with the test classpath:
 * {@code java -cp target/classes:target/test-classes:<deps> io.newswire.enrichment.urgency.FourCoresTiming}.
 */
public final class FourCoresTiming {

    private FourCoresTiming() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final ReportText report = FourCoresFixture.report();
        final int bytes = (FourCoresFixture.HEADLINE + FourCoresFixture.BODY + FourCoresFixture.CAPTION)
                .getBytes(StandardCharsets.UTF_8).length;
        // the normaliser's Lucene classes, loaded before the baseline so they are not counted as dictionaries
        new io.newswire.enrichment.text.MatchingTextNormalizer().tokens("x", "نص");
        final long before = usedAfterGc();
        final PartyMatcher parties = PartyMatcher.withShippedTable();
        final AttributionExtractor sources = AttributionExtractor.withShippedCues();
        final SubjectClassifier subjects = SubjectClassifier.withShippedRules();
        final UrgencyScorer urgency = UrgencyScorer.withShippedRules();
        final long after = usedAfterGc();
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long sink = 0;
        for (int i = 0; i < rounds; i++) { // warm-up
            sink += run(report, parties, sources, subjects, urgency);
        }
        final long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink += run(report, parties, sources, subjects, urgency);
        }
        final double micros = (System.nanoTime() - start) / 1_000.0 / rounds;
        final long[] each = new long[4];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            sink += parties.match(report, "ar").size();
            each[0] += System.nanoTime() - t;
            t = System.nanoTime();
            sink += sources.extract(report, List.of()).claims().size();
            each[1] += System.nanoTime() - t;
            t = System.nanoTime();
            final var found = subjects.classify(report);
            each[2] += System.nanoTime() - t;
            t = System.nanoTime();
            sink += urgency.score(report, "syria", false, found).level();
            each[3] += System.nanoTime() - t;
        }
        final io.newswire.enrichment.text.MatchingTextNormalizer normalizer = new io.newswire.enrichment.text.MatchingTextNormalizer();
        long tokenising = 0;
        for (int i = 0; i < rounds; i++) {
            final long t = System.nanoTime();
            for (final ReportText.Field field : report.fields()) {
                sink += normalizer.tokens(field.name(), field.text()).size();
            }
            tokenising += System.nanoTime() - t;
        }
        System.out.printf("tokenising the report's fields once (MatchingTextNormalizer.tokens): %.1f µs%n", tokenising / 1e3 / rounds);
        System.out.printf("report %d bytes UTF-8; four cores %.1f µs/report (%d rounds); parties %.1f, sources %.1f, subjects %.1f, urgency %.1f µs%n",
                bytes, micros, rounds, each[0] / 1e3 / rounds, each[1] / 1e3 / rounds, each[2] / 1e3 / rounds, each[3] / 1e3 / rounds);
        System.out.printf("dictionaries held: %.2f MB (used heap after GC, %d -> %d bytes); sink %d%n",
                (after - before) / 1e6, before, after, sink);
        // keep them reachable until the measurement above is printed
        System.out.println(parties.aliasCount() + subjects.termCount());
    }

    private static long run(final ReportText report, final PartyMatcher parties, final AttributionExtractor sources,
                            final SubjectClassifier subjects, final UrgencyScorer urgency) {
        final var found = subjects.classify(report);
        return parties.match(report, "ar").size() + sources.extract(report, List.of()).claims().size()
                + urgency.score(report, "syria", false, found).level();
    }

    private static long usedAfterGc() throws InterruptedException {
        final Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
