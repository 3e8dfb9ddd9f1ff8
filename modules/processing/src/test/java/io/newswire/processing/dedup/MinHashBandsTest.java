package io.newswire.processing.dedup;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class MinHashBandsTest {

    private final MinHashBands bands = new MinHashBands(32, 1);

    private static long[] terms(final int from, final int to) {
        return LongStream.range(from, to).map(i -> TermHash.of("t" + i)).toArray();
    }

    private long shared(final long[] a, final long[] b) {
        final long[] ka = bands.keys(a);
        final long[] kb = bands.keys(b);
        return java.util.stream.IntStream.range(0, ka.length).filter(i -> ka[i] == kb[i]).count();
    }

    @Test
    void shouldGiveTheSameKeysWhateverTheOrderOfTerms() {
        final long[] a = terms(0, 50);
        final long[] reversed = LongStream.range(0, 50).map(i -> a[a.length - 1 - (int) i]).toArray();
        assertThat(bands.keys(reversed)).containsExactly(bands.keys(a));
    }

    @Test
    void shouldShareBandsInProportionToOverlap() {
        final long[] original = terms(0, 100);
        // a rewording keeping a fifth of the words (Jaccard 20/180): still shares bands
        assertThat(shared(original, terms(80, 180))).isGreaterThan(0);
        // most words kept: shares most bands
        assertThat(shared(original, terms(10, 110))).isGreaterThan(20);
        // nothing in common: shares none
        assertThat(shared(original, terms(1000, 1100))).isZero();
    }

    @Test
    void shouldKeepBandsApartEvenWhenTheirMinimaAreEqual() {
        final long[] keys = new MinHashBands(4, 1).keys(new long[]{42L});
        assertThat(Arrays.stream(keys).distinct().count()).isEqualTo(4);
    }

    @Test
    void shouldHaveNoKeysForNoTerms() {
        assertThat(bands.keys(new long[0])).isEmpty();
    }
}
