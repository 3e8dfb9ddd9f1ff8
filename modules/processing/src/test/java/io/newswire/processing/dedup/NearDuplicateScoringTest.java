package io.newswire.processing.dedup;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NearDuplicateScoringTest {

    private final NearDuplicateDetector detector = new NearDuplicateDetector(DedupSettings.defaults(72L * 3600 * 1000));

    @Test
    void shouldFlattenIdfOnAYoungDeskWithThePriorReports() {
        // on a desk of 10 reports, a word in 5 of them against one in none: without the prior the rare word weighs
        // log(11)+1 = 3.4 against log(11/6)+1 = 1.6 (2.1 times); with 50 prior reports 5.1 against 3.3 (1.6 times)
        final double ratio = NearDuplicateDetector.idf(10, 0) / NearDuplicateDetector.idf(10, 5);
        assertThat(ratio).isBetween(1.4, 1.7);
        assertThat(NearDuplicateDetector.idf(10, 10)).isGreaterThan(1.0);
    }

    @Test
    void shouldTellFiguresFromWords() {
        assertThat(NearDuplicateDetector.isFigure("15000")).isTrue();
        assertThat(NearDuplicateDetector.isFigure("دمشق")).isFalse();
        assertThat(NearDuplicateDetector.isFigure("f16")).isFalse();
        assertThat(NearDuplicateDetector.isFigure("")).isFalse();
    }

    @Test
    void shouldWeighASharedFigureAboveASharedWordOfTheSameRarity() {
        final InMemoryCandidateIndex empty = new InMemoryCandidateIndex();
        final var withFigure = detector.prepare("desk", Map.of("23", 1, "قصف", 1, "حلب", 1), empty);
        final long figure = TermHash.of("23");
        final long word = TermHash.of("قصف");
        assertThat(weightOf(withFigure, figure)).isEqualTo((float) (DedupSettings.FIGURE_WEIGHT * weightOf(withFigure, word)), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void shouldKeepSingleDigitFiguresButNotSingleLetters() {
        // "4 dead" against "أربعة قتلى": both become the figure 4, which a one-character cut-off would drop
        assertThat(NearDuplicateDetector.termCounts(java.util.List.of("4", "و", "قتل", "4"))).isEqualTo(Map.of("4", 2, "قتل", 1));
    }

    private static float weightOf(final NearDuplicateDetector.Prepared prepared, final long term) {
        for (int i = 0; i < prepared.terms().length; i++) {
            if (prepared.terms()[i] == term) {
                return prepared.weights()[i];
            }
        }
        throw new AssertionError("no such term");
    }
}
