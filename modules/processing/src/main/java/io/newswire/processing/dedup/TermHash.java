package io.newswire.processing.dedup;

/**
 * A term's 64-bit identity in dedup's stores and fingerprints: FNV-1a over the term's UTF-16 code units, then the
 * MurmurHash3 64-bit finaliser so every bit depends on every character. Fixed forever: stored keys and fingerprints
 * are written with it, so changing it is a state migration. Two terms of one desk colliding (about one pair in
 * 10^10 for a 72 h vocabulary) merges their counts, which a cosine tolerates.
 */
public final class TermHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private TermHash() {
    }

    public static long of(final CharSequence term) {
        long h = FNV_OFFSET;
        for (int i = 0; i < term.length(); i++) {
            h ^= term.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /** MurmurHash3's fmix64: a bijection that spreads every input bit over the output. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
