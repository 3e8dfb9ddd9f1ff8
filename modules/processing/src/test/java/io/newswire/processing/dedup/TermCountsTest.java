package io.newswire.processing.dedup;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TermCountsTest {

    @Test
    void shouldAgreeWithAPlainMapThroughGrowthAndShrinking() {
        final TermCounts counts = new TermCounts();
        final Map<Long, Integer> expected = new HashMap<>();
        final Random random = new Random(7);
        final long[][] reports = new long[5_000][];
        for (int r = 0; r < reports.length; r++) {
            reports[r] = random.longs(40, 0, 20_000).map(v -> v == 0 ? 0 : TermHash.mix(v)).distinct().toArray();
            counts.count("desk", reports[r], +1);
            for (final long t : reports[r]) {
                expected.merge(t, 1, Integer::sum);
            }
            if (r >= 1_000) { // retention: the report 1,000 back is forgotten
                counts.count("desk", reports[r - 1_000], -1);
                for (final long t : reports[r - 1_000]) {
                    expected.merge(t, -1, (a, b) -> a + b == 0 ? null : a + b);
                }
            }
        }
        assertThat(counts.documents("desk")).isEqualTo(1_000);
        assertThat(counts.distinctTerms()).isEqualTo(expected.size());
        expected.forEach((term, n) -> assertThat(counts.frequency("desk", term)).isEqualTo(n.longValue()));
        assertThat(counts.frequency("other desk", reports[4_999][0])).isZero();
        for (int r = 4_000; r < 5_000; r++) {
            counts.count("desk", reports[r], -1);
        }
        assertThat(counts.distinctTerms()).isZero();
        assertThat(counts.documents("desk")).isZero();
    }
}
