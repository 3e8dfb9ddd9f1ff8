package io.newswire.processing.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dedup quality as production sees it: labelled reports filed as NEW, in arrival order, one desk per half, through
 * {@link StoryMatcher} and its RocksDB stores ({@link DedupRig}), with document frequencies from the desk's own
 * history as it grows. Scored by pairs of reports: precision over the pairs put in one article, recall over the pairs
 * of one story.
 *
 * <p>Two halves, different stories and cities: thresholds and bands are chosen on the tuning half
 * (stories-tuning.json and our older pairs.json) and only reported on the held half (stories-held.json), which the
 * test holds to the goal: precision ≥ 0.95, recall ≥ 0.85. Each correspondent writes in their own hand
 * ({@link Hands}). Writes dedup-quality.md.
 */
class DedupQualityTest {

    record Report(String story, String kind, String by, long minute, String text) {
    }

    record Outcome(int truePairs, int falsePairs, int missedPairs, int articles, int stories, Map<String, int[]> joinedByKind) {
        double precision() {
            return truePairs + falsePairs == 0 ? 1 : (double) truePairs / (truePairs + falsePairs);
        }

        double recall() {
            return truePairs + missedPairs == 0 ? 1 : (double) truePairs / (truePairs + missedPairs);
        }
    }

    private static final MatchingTextNormalizer NORMALIZER = new MatchingTextNormalizer();
    private static final long HORIZON = 72L * 3600 * 1000;
    /** Just under the held recall reached at the chosen settings (0.913, see dedup-quality.md), so a regression fails. */
    private static final double HELD_RECALL_FLOOR = 0.91;
    /** The finer threshold grid the rule is applied on (hundredths). */
    private static final int FINE_FROM = 30;
    private static final int FINE_TO = 45;
    private static final long EPOCH = 1_790_000_000_000L;

    @Test
    void shouldMeetTheGoalOnTheHeldHalfAtTheChosenSettings() throws Exception {
        final List<Report> tuning = new ArrayList<>(stories("stories-tuning.json"));
        tuning.addAll(ownPairs());
        final List<Report> held = stories("stories-held.json");
        final DedupSettings chosen = DedupSettings.defaults(HORIZON);

        final StringBuilder sweep = new StringBuilder("| threshold | tuning P | tuning R | held P | held R |\n|---|---|---|---|---|\n");
        for (int t = 20; t <= 60; t += 5) {
            final DedupSettings s = chosen.withThreshold(t / 100.0);
            final Outcome a = run(tuning, s);
            final Outcome b = run(held, s);
            sweep.append(String.format(Locale.ROOT, "| %.2f%s | %.3f | %.3f | %.3f | %.3f |%n", s.threshold(),
                    Math.abs(s.threshold() - chosen.threshold()) < 1e-9 ? " (chosen)" : "", a.precision(), a.recall(), b.precision(), b.recall()));
        }
        // the threshold rule on a finer grid, tuning half only: the lowest threshold whose tuning precision is ≥ 0.95
        final StringBuilder fine = new StringBuilder("| threshold | tuning P | tuning R |\n|---|---|---|\n");
        double ruled = Double.NaN;
        for (int t = FINE_FROM; t <= FINE_TO; t++) {
            final Outcome a = run(tuning, chosen.withThreshold(t / 100.0));
            if (Double.isNaN(ruled) && a.precision() >= 0.95) {
                ruled = t / 100.0;
            }
            fine.append(String.format(Locale.ROOT, "| %.2f%s | %.3f | %.3f |%n", t / 100.0,
                    Math.abs(t / 100.0 - chosen.threshold()) < 1e-9 ? " (chosen)" : "", a.precision(), a.recall()));
        }
        final StringBuilder bandTable = new StringBuilder("| bands × rows | tuning P | tuning R |\n|---|---|---|\n");
        for (final int[] br : new int[][]{{8, 1}, {16, 1}, {32, 1}, {16, 2}, {32, 2}}) {
            final Outcome a = run(tuning, chosen.withBands(br[0], br[1]));
            bandTable.append(String.format(Locale.ROOT, "| %d × %d%s | %.3f | %.3f |%n", br[0], br[1],
                    br[0] == chosen.bands() && br[1] == chosen.rowsPerBand() ? " (chosen)" : "", a.precision(), a.recall()));
        }
        final Outcome tuned = run(tuning, chosen);
        final Outcome reported = run(held, chosen);

        final String doc = "# Near-duplicate quality\n\n"
                + "Measured by `DedupQualityTest` (`./mvnw -B -q -o verify -pl modules/processing -am -Dtest=DedupQualityTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -DskipITs`): labelled reports filed as NEW in arrival order to one desk per "
                + "half, through `StoryMatcher` and its RocksDB stores (TopologyTestDriver), idf from the desk's own history as it grows. "
                + "Scored over pairs of reports: precision over the pairs put in one article, recall over the pairs of one story.\n\n"
                + "Settings (bands, rows, threshold) were chosen on the **tuning** half only; the **held** half is only reported.\n\n"
                + "- tuning: `stories-tuning.json` (" + count(tuning, "stories-tuning") + ") and our older `pairs.json` as stories\n"
                + "- held: `stories-held.json` (" + describe(held) + ")\n\n"
                + "Kinds: `update` = the same desk's later version adding paragraphs or figures; `rewording` = another correspondent's "
                + "version (other sentence order, synonyms, numbers as words or digits); `minor` = small edits. Every city has a "
                + "same-place, same-day different story (hard negatives). Correspondents write in their own hand (`Hands`: Eastern "
                + "digits, ة as ه, missing hamza, ى/ي swaps, tatweel, letter-swap typos).\n\n"
                + "## At the chosen settings (" + chosen.bands() + " bands × " + chosen.rowsPerBand() + " row, threshold "
                + chosen.threshold() + ")\n\n"
                + "| half | precision | recall | true pairs | false pairs | missed pairs | articles / stories | joined: minor | update | rewording |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n"
                + line("tuning", tuned) + line("held", reported)
                + "\n## Threshold sweep (bands and rows as chosen)\n\n" + sweep
                + "\n## Threshold, finer (tuning half only)\n\n" + fine
                + "\n## Bands (tuning half only, threshold as chosen)\n\n" + bandTable
                + "\nThreshold rule, applied to the tuning half only: the lowest threshold on the finer grid whose tuning precision is at least 0.95 (the test checks the default follows it).\n"
                + "\nScoring: tf (1 + log) × idf over the desk's reports within retention plus " + (int) DedupSettings.IDF_PRIOR_DOCUMENTS
                + " prior reports without the term (a young desk's counts flatten), figures weighed " + DedupSettings.FIGURE_WEIGHT
                + " times a word; features after hamza-seat folding and the clitics Lucene's stemmer leaves (ب/ل/ك/ف, هم/وا/نا...).\n"
                + "\nGoal on unseen reports: precision ≥ 0.95 and recall ≥ 0.85, met on the held half at the chosen settings. What is "
                + "left, on the tuning half: rewordings by another hand that share few words (synonyms, broken plurals, verb forms) "
                + "score 0.34 to 0.39 against their story, and one negative, the same kind of event in a neighbouring town (an explosive "
                + "in a car, pair ar-diff-08), scores 0.36 against its pair, so the margin between them is a few hundredths; below 0.36 "
                + "it joins and tuning precision falls under 0.95.\n"
                + "\nThe sets are small (dozens of stories): a figure here is evidence, not proof. Grow the held half with reports "
                + "no one on the team wrote before trusting a change, and never tune on it.\n";
        System.out.println(doc);
        Files.writeString(Path.of("dedup-quality.md"), doc);

        assertThat(chosen.threshold()).as("the chosen threshold follows the rule on the tuning half").isEqualTo(ruled);
        assertThat(reported.precision()).as("held precision").isGreaterThanOrEqualTo(0.95);
        assertThat(reported.recall()).as("held recall (goal 0.85)").isGreaterThanOrEqualTo(HELD_RECALL_FLOOR);
    }

    private static String line(final String half, final Outcome o) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %d | %d | %d | %d / %d | %s | %s | %s |%n", half, o.precision(), o.recall(),
                o.truePairs(), o.falsePairs(), o.missedPairs(), o.articles(), o.stories(), joined(o, "minor"), joined(o, "update"), joined(o, "rewording"));
    }

    private static String joined(final Outcome o, final String kind) {
        final int[] j = o.joinedByKind().getOrDefault(kind, new int[2]);
        return j[0] + " of " + j[1];
    }

    private static String describe(final List<Report> reports) {
        final Map<String, Integer> kinds = new TreeMap<>();
        reports.forEach(r -> kinds.merge(r.kind(), 1, Integer::sum));
        return reports.stream().map(Report::story).distinct().count() + " stories, " + reports.size() + " reports: " + kinds;
    }

    private static String count(final List<Report> reports, final String source) {
        return describe(reports.stream().filter(r -> !r.story().startsWith("pair-")).toList());
    }

    /** Files the reports in arrival order and scores the articles they went to. */
    static Outcome run(final List<Report> reports, final DedupSettings settings) throws Exception {
        final List<Report> arrival = new ArrayList<>(reports);
        arrival.sort(Comparator.comparingLong(Report::minute));
        final List<String> articles = new ArrayList<>();
        try (DedupRig rig = new DedupRig(settings)) {
            int n = 0;
            for (final Report report : arrival) {
                final String decided = rig.file(new DedupRig.Filed("desk", "r" + n++, report.by(),
                        StoryMatcher.terms(NORMALIZER.features(Hands.write(report.by(), report.text()))), EPOCH + report.minute() * 60_000));
                articles.add(decided.substring(decided.indexOf(' ') + 1));
            }
        }
        int truePairs = 0;
        int falsePairs = 0;
        int missed = 0;
        final Map<String, int[]> joined = new HashMap<>();
        for (int j = 0; j < arrival.size(); j++) {
            boolean joinedOwn = false;
            for (int i = 0; i < j; i++) {
                final boolean same = arrival.get(i).story().equals(arrival.get(j).story());
                final boolean together = articles.get(i).equals(articles.get(j));
                if (same && together) {
                    truePairs++;
                    joinedOwn = true;
                } else if (together) {
                    falsePairs++;
                } else if (same) {
                    missed++;
                }
            }
            if (!"original".equals(arrival.get(j).kind())) {
                final int[] k = joined.computeIfAbsent(arrival.get(j).kind(), x -> new int[2]);
                k[0] += joinedOwn ? 1 : 0;
                k[1]++;
            }
        }
        return new Outcome(truePairs, falsePairs, missed, (int) articles.stream().distinct().count(),
                (int) arrival.stream().map(Report::story).distinct().count(), joined);
    }

    static List<Report> stories(final String file) throws Exception {
        try (InputStream in = DedupQualityTest.class.getResourceAsStream("/fixtures/near-duplicates/" + file)) {
            final List<Report> reports = new ArrayList<>();
            for (final JsonNode story : new ObjectMapper().readTree(in)) {
                for (final JsonNode r : story.get("reports")) {
                    reports.add(new Report(story.get("id").asText(), r.get("kind").asText(), r.get("by").asText(),
                            r.get("t").asLong(), r.get("h").asText() + "\n" + r.get("b").asText()));
                }
            }
            return reports;
        }
    }

    /**
     * The older labelled pairs, as stories. A same pair and the different pair of the same number share their first
     * text (one story), so each number gives: that text, the same pair's second text (a rewording of it) and the
     * different pair's second text (another story from the same place, a hard negative).
     */
    static List<Report> ownPairs() throws Exception {
        try (InputStream in = DedupQualityTest.class.getResourceAsStream("/fixtures/near-duplicates/pairs.json")) {
            final Map<String, Map<String, JsonNode>> byNumber = new LinkedHashMap<>();
            for (final JsonNode pair : new ObjectMapper().readTree(in)) {
                final String id = pair.get("id").asText();
                final String number = id.replace("-same-", "-").replace("-diff-", "-");
                byNumber.computeIfAbsent(number, n -> new HashMap<>()).put(id.contains("-same-") ? "same" : "diff", pair);
            }
            final List<Report> reports = new ArrayList<>();
            long minute = 10_000;
            for (final Map.Entry<String, Map<String, JsonNode>> group : byNumber.entrySet()) {
                final String story = "pair-" + group.getKey();
                final JsonNode same = group.getValue().get("same");
                final JsonNode diff = group.getValue().get("diff");
                reports.add(new Report(story, "original", "c1", minute, text((same != null ? same : diff).get("a"))));
                if (same != null) {
                    reports.add(new Report(story, "rewording", "c2", minute + 20, text(same.get("b"))));
                }
                if (diff != null) {
                    reports.add(new Report(story + "-other", "original", "c3", minute + 40, text(diff.get("b"))));
                }
                minute += 60;
            }
            return reports;
        }
    }

    private static String text(final JsonNode side) {
        return side.get("h").asText() + "\n" + side.get("b").asText();
    }
}
