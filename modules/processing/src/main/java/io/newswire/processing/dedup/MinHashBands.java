package io.newswire.processing.dedup;

/**
 * Locality-sensitive band keys of a set of terms (MinHash): for each of {@code bands × rows} hash functions the
 * smallest hash over the set; each band's {@code rows} minima hashed into one key. Two sets with Jaccard similarity
 * J share a given band key with probability J^rows, so at least one of b bands with 1 - (1 - J^rows)^b, whatever
 * their terms' rarity: a reworded copy is found through the words it kept, not only through its rarest words (which
 * in a rewording are the very words that changed). Pure and deterministic: stored keys depend on it.
 */
public final class MinHashBands {

    private final int bands;
    private final int rows;
    private final long[] seeds;

    public MinHashBands(final int bands, final int rows) {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be positive: " + bands + " x " + rows);
        }
        this.bands = bands;
        this.rows = rows;
        this.seeds = new long[bands * rows];
        long seed = 0x9e3779b97f4a7c15L;
        for (int i = 0; i < seeds.length; i++) {
            seed += 0x9e3779b97f4a7c15L; // SplitMix64 sequence: fixed, well spread seeds
            seeds[i] = TermHash.mix(seed);
        }
    }

    public int bands() {
        return bands;
    }

    /** One key per band (band index mixed in, so equal minima in different bands do not collide); empty set: none. */
    public long[] keys(final long[] termHashes) {
        if (termHashes.length == 0) {
            return new long[0];
        }
        final long[] minima = new long[seeds.length];
        java.util.Arrays.fill(minima, Long.MAX_VALUE);
        for (final long term : termHashes) {
            for (int i = 0; i < seeds.length; i++) {
                final long h = TermHash.mix(term ^ seeds[i]);
                if (h < minima[i]) {
                    minima[i] = h;
                }
            }
        }
        final long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long key = TermHash.mix(b + 1L);
            for (int r = 0; r < rows; r++) {
                key = TermHash.mix(key ^ minima[b * rows + r]) + r;
            }
            keys[b] = key;
        }
        return keys;
    }
}
