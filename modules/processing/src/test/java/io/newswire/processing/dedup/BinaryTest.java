package io.newswire.processing.dedup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinaryTest {

    @Test
    void shouldReadBackAFingerprintWithWeightsWithinTheirQuantum() {
        final Fingerprint written = new Fingerprint("r-١", "article", "مراسل", 1_790_000_000_123L,
                new long[]{Long.MIN_VALUE, -1, 7, Long.MAX_VALUE}, new float[]{0f, 0.25f, 0.5f, 1f});
        final byte[] bytes = Binary.fingerprint(written);
        final Fingerprint read = Binary.fingerprint(bytes);
        assertThat(read.reportId()).isEqualTo("r-١");
        assertThat(read.articleId()).isEqualTo("article");
        assertThat(read.correspondentId()).isEqualTo("مراسل");
        assertThat(read.receivedAtMillis()).isEqualTo(1_790_000_000_123L);
        assertThat(read.terms()).containsExactly(written.terms());
        for (int i = 0; i < 4; i++) {
            assertThat(read.weights()[i]).isCloseTo(written.weights()[i], within(1f / 65535));
        }
        // about 10 bytes a term plus the ids: compact, not JSON
        assertThat(bytes.length).isLessThan(4 * 10 + 40);
    }

    @Test
    void shouldReadBackVarints() {
        for (final long v : new long[]{0, 1, 127, 128, 300, 1L << 40}) {
            assertThat(Binary.varint(Binary.varint(v))).isEqualTo(v);
        }
        assertThat(Binary.varint(127)).hasSize(1);
    }

    @Test
    void shouldScoreIdenticalUnitVectorsAsOne() {
        final float w = (float) (1 / Math.sqrt(2));
        final Fingerprint f = new Fingerprint("r", "a", "c", 0, new long[]{1, 2}, new float[]{w, w});
        assertThat(f.cosine(new long[]{1, 2}, new float[]{w, w})).isCloseTo(1.0, within(1e-6));
        assertThat(f.cosine(new long[]{3, 4}, new float[]{w, w})).isZero();
    }

    @Test
    void shouldKeepARetainedReportsBandKeysAndFingerprintInOneValue() {
        final Fingerprint f = new Fingerprint("report-1", "article-1", "reem", 1_764_000_000_000L, new long[]{-5, 7, Long.MAX_VALUE},
                new float[]{0.5f, 0.25f, 1f});
        final long[] bandKeys = {Long.MIN_VALUE, 0, 42};

        final byte[] value = Binary.retained(bandKeys, f);

        assertThat(Binary.retainedBandKeys(value)).containsExactly(bandKeys);
        final Fingerprint back = Binary.retainedFingerprint(value);
        assertThat(back.reportId()).isEqualTo("report-1");
        assertThat(back.articleId()).isEqualTo("article-1");
        assertThat(back.receivedAtMillis()).isEqualTo(1_764_000_000_000L);
        assertThat(back.terms()).containsExactly(-5, 7, Long.MAX_VALUE);
        assertThat(Binary.retainedBandKeys(Binary.retained(new long[0], f))).isEmpty();
        // a value of another encoding (the older band-keys-only layout) is refused, not misread
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Binary.retainedFingerprint(Binary.fingerprint(f)))
                .isInstanceOf(IllegalStateException.class);
    }
}
