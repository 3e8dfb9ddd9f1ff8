package io.newswire.processing.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * A report's terms as dedup weighs them, before the desk's document frequencies are known: each distinct term's
 * {@link TermHash} (sorted) and its term-frequency weight {@code (1 + ln count)}, times
 * {@link DedupSettings#FIGURE_WEIGHT} for a figure. Computed where reports are normalised (in parallel over the
 * reports topic's partitions) and carried to the articles step in {@code Enrichment.dedupTerms}, so the one task
 * a desk's reports go through does not analyse their text again.
 *
 * <p>Each term is kept as its hash and one byte: the count (1 to 127; larger counts capped, as ln 127 already
 * weighs a term more than any report repeats one) with the top bit set for a figure. {@link #encode} writes the two
 * side by side, nine bytes a term.
 *
 * @param terms  distinct term hashes, ascending
 * @param codes  per term: its count, with the top bit set for a figure
 */
public record TermVector(long[] terms, byte[] codes) {

    private static final int MAX_COUNT = 127;
    private static final int FIGURE = 0x80;
    private static final float[] LOG_TF = new float[MAX_COUNT + 1];

    static {
        for (int c = 1; c <= MAX_COUNT; c++) {
            LOG_TF[c] = (float) (1 + Math.log(c));
        }
    }

    public static final TermVector EMPTY = new TermVector(new long[0], new byte[0]);

    /** From a report's terms and their counts ({@link NearDuplicateDetector#termCounts}). */
    public static TermVector of(final Map<String, Integer> counts) {
        // hash, then sort by hash with counts alongside: two terms with one hash (vanishingly rare) add up
        final long[][] pairs = new long[counts.size()][];
        int n = 0;
        for (final Map.Entry<String, Integer> e : counts.entrySet()) {
            pairs[n++] = new long[] {TermHash.of(e.getKey()), e.getValue(), NearDuplicateDetector.isFigure(e.getKey()) ? FIGURE : 0};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        final long[] hashes = new long[n];
        final long[] merged = new long[n];
        final int[] figure = new int[n];
        int distinct = 0;
        for (final long[] p : pairs) {
            if (distinct > 0 && hashes[distinct - 1] == p[0]) {
                merged[distinct - 1] += p[1];
                figure[distinct - 1] |= (int) p[2];
            } else {
                hashes[distinct] = p[0];
                merged[distinct] = p[1];
                figure[distinct] = (int) p[2];
                distinct++;
            }
        }
        final byte[] codes = new byte[distinct];
        for (int i = 0; i < distinct; i++) {
            codes[i] = (byte) (Math.max(1, Math.min(MAX_COUNT, merged[i])) | figure[i]);
        }
        return new TermVector(Arrays.copyOf(hashes, distinct), codes);
    }

    /** The term-frequency weight of term {@code i}: (1 + ln count), times the figure weight for a figure. */
    public float tf(final int i) {
        final int code = codes[i] & 0xff;
        final float tf = LOG_TF[Math.max(1, code & MAX_COUNT)];
        return (code & FIGURE) != 0 ? tf * (float) DedupSettings.FIGURE_WEIGHT : tf;
    }

    /** Nine bytes a term: its hash (8, big-endian) and its code. */
    public ByteBuffer encode() {
        final ByteBuffer out = ByteBuffer.allocate(terms.length * 9);
        for (int i = 0; i < terms.length; i++) {
            out.putLong(terms[i]).put(codes[i]);
        }
        return out.flip();
    }

    /** The vector {@link #encode} wrote; {@link #EMPTY} for no bytes. */
    public static TermVector decode(final ByteBuffer bytes) {
        final ByteBuffer in = bytes.duplicate();
        if (in.remaining() % 9 != 0) {
            throw new IllegalArgumentException("a term vector is 9 bytes a term, not " + in.remaining() + " bytes");
        }
        final int n = in.remaining() / 9;
        final long[] terms = new long[n];
        final byte[] codes = new byte[n];
        for (int i = 0; i < n; i++) {
            terms[i] = in.getLong();
            codes[i] = in.get();
        }
        return new TermVector(terms, codes);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof TermVector v && Arrays.equals(terms, v.terms) && Arrays.equals(codes, v.codes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return "TermVector[" + terms.length + " terms]";
    }
}
