package io.newswire.processing.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.processing.normalize.MatchingTextNormalizer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Near-duplicate quality on our labelled pairs (src/test/resources/fixtures/near-duplicates/pairs.json, Arabic and
 * English, written for Newswire): rewordings and second correspondents' versions that must match, and different
 * stories from the same place and day, sharing names and stock phrases, that must not. Prints precision and recall
 * over a range of thresholds and writes them to dedup-quality.md.
 */
class DedupQualityTest {

    private record Pair(String id, boolean same, String a, String b) {
    }

    private static final MatchingTextNormalizer NORMALIZER = new MatchingTextNormalizer();

    @Test
    void shouldSeparateSameStoryFromSamePlaceAtTheChosenThreshold() throws Exception {
        final List<Pair> pairs = pairs();
        final StringBuilder table = new StringBuilder("| threshold | precision | recall | true pos | false pos | false neg |\n|---|---|---|---|---|---|\n");
        double chosenPrecision = 0;
        double chosenRecall = 0;
        for (int t = 20; t <= 70; t += 5) {
            final double threshold = t / 100.0;
            final int[] outcome = evaluate(pairs, threshold);
            final double precision = outcome[0] + outcome[1] == 0 ? 1 : (double) outcome[0] / (outcome[0] + outcome[1]);
            final double recall = (double) outcome[0] / (outcome[0] + outcome[2]);
            table.append(String.format(Locale.ROOT, "| %.2f%s | %.3f | %.3f | %d | %d | %d |%n", threshold,
                    Math.abs(threshold - DedupSettings.DEFAULT_THRESHOLD) < 1e-9 ? " (chosen)" : "", precision, recall, outcome[0], outcome[1], outcome[2]));
            if (Math.abs(threshold - DedupSettings.DEFAULT_THRESHOLD) < 1e-9) {
                chosenPrecision = precision;
                chosenRecall = recall;
            }
        }
        final long positives = pairs.stream().filter(Pair::same).count();
        final String report = "# Near-duplicate quality\n\nMeasured by `DedupQualityTest` on " + pairs.size() + " labelled pairs of our own ("
                + positives + " same story, " + (pairs.size() - positives) + " different stories from the same place), Arabic and English.\n"
                + "Method: tf-idf cosine over Lucene-normalised, light-stemmed unigrams; idf from the corpus of all " + (pairs.size() * 2) + " texts.\n\n"
                + table + "\nThe set is small: a threshold chosen on it is a starting point, not a proof. Grow the set before trusting a change.\n";
        System.out.println(report);
        Files.writeString(Path.of("dedup-quality.md"), report);

        assertThat(chosenPrecision).as("precision at the chosen threshold").isGreaterThanOrEqualTo(0.98);
        assertThat(chosenRecall).as("recall at the chosen threshold").isGreaterThanOrEqualTo(0.90);
    }

    /** @return true positives, false positives, false negatives */
    private static int[] evaluate(final List<Pair> pairs, final double threshold) {
        final int[] outcome = new int[3];
        for (final Pair pair : pairs) {
            final InMemoryCandidateIndex index = new InMemoryCandidateIndex(100);
            // the desk has seen every text of the set: realistic rarity for names and stock phrases
            for (final Pair p : pairs) {
                index.countDocument(NearDuplicateDetector.termCounts(NORMALIZER.features(p.a())).keySet());
                index.countDocument(NearDuplicateDetector.termCounts(NORMALIZER.features(p.b())).keySet());
            }
            final NearDuplicateDetector detector = new NearDuplicateDetector(threshold, DedupSettings.DEFAULT_KEY_TERMS, Long.MAX_VALUE / 2);
            detector.remember("a", "article", "c1", NearDuplicateDetector.termCounts(NORMALIZER.features(pair.a())), 0, index);
            final boolean matched = detector.findMatch(NearDuplicateDetector.termCounts(NORMALIZER.features(pair.b())), 1, index).isPresent();
            if (matched && pair.same()) {
                outcome[0]++;
            } else if (matched) {
                outcome[1]++;
            } else if (pair.same()) {
                outcome[2]++;
            }
        }
        return outcome;
    }

    private static List<Pair> pairs() throws Exception {
        try (InputStream in = DedupQualityTest.class.getResourceAsStream("/fixtures/near-duplicates/pairs.json")) {
            final List<Pair> pairs = new ArrayList<>();
            for (final JsonNode node : new ObjectMapper().readTree(in)) {
                pairs.add(new Pair(node.get("id").asText(), "same".equals(node.get("label").asText()),
                        text(node.get("a")), text(node.get("b"))));
            }
            return pairs;
        }
    }

    private static String text(final JsonNode side) {
        return side.get("h").asText() + "\n" + side.get("b").asText();
    }

    @Test
    void shouldNotUseMoreThanItsBoundedPostings() {
        // the candidate lists are bounded: a term shared by every report still yields at most the bound
        final InMemoryCandidateIndex index = new InMemoryCandidateIndex(5);
        final NearDuplicateDetector detector = new NearDuplicateDetector(0.5, 3, Long.MAX_VALUE / 2);
        for (int i = 0; i < 50; i++) {
            detector.remember("r" + i, "a" + i, "c", Map.of("common", 1), i, index);
        }
        assertThat(index.postings("common")).hasSize(5);
    }
}
