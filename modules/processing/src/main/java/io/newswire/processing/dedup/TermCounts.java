package io.newswire.processing.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * Document frequencies of each desk over the reports within retention, in memory. Not a store of its own: the counts
 * are derived state, rebuilt from the retained fingerprints when the task starts ({@link StoreCandidateIndex}), so
 * they cost no RocksDB read or write and no changelog byte per report, and they are bounded by the horizon's
 * vocabulary because forgetting a report takes its terms back out.
 */
final class TermCounts {

    /** One desk's counts: open addressing over term hashes (linear probing, no boxing). */
    private static final class Desk {
        private long[] keys = new long[1024];
        private int[] counts = new int[1024];
        private boolean hasZeroKey;
        private int zeroKeyCount;
        private int size;
        private long documents;

        int get(final long term) {
            if (term == 0) {
                return hasZeroKey ? zeroKeyCount : 0;
            }
            int i = slot(term, keys.length);
            while (keys[i] != 0) {
                if (keys[i] == term) {
                    return counts[i];
                }
                i = (i + 1) & (keys.length - 1);
            }
            return 0;
        }

        void add(final long term, final int delta) {
            if (term == 0) {
                zeroKeyCount = Math.max(0, zeroKeyCount + delta);
                hasZeroKey = zeroKeyCount > 0;
                return;
            }
            int i = slot(term, keys.length);
            while (keys[i] != 0 && keys[i] != term) {
                i = (i + 1) & (keys.length - 1);
            }
            if (keys[i] == 0) {
                if (delta <= 0) {
                    return;
                }
                keys[i] = term;
                counts[i] = delta;
                if (++size * 2 > keys.length) {
                    resize(keys.length * 2);
                }
                return;
            }
            counts[i] += delta;
            if (counts[i] <= 0) {
                remove(i);
            }
        }

        /** Backward-shift deletion keeps probe chains intact without tombstones. */
        private void remove(final int at) {
            int hole = at;
            keys[hole] = 0;
            counts[hole] = 0;
            size--;
            int i = (hole + 1) & (keys.length - 1);
            while (keys[i] != 0) {
                final int home = slot(keys[i], keys.length);
                if (((i - home) & (keys.length - 1)) >= ((i - hole) & (keys.length - 1))) {
                    keys[hole] = keys[i];
                    counts[hole] = counts[i];
                    keys[i] = 0;
                    counts[i] = 0;
                    hole = i;
                }
                i = (i + 1) & (keys.length - 1);
            }
            if (keys.length > 1024 && size * 8 < keys.length) {
                resize(keys.length / 2);
            }
        }

        private void resize(final int capacity) {
            final long[] oldKeys = keys;
            final int[] oldCounts = counts;
            keys = new long[capacity];
            counts = new int[capacity];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = slot(oldKeys[j], capacity);
                    while (keys[i] != 0) {
                        i = (i + 1) & (capacity - 1);
                    }
                    keys[i] = oldKeys[j];
                    counts[i] = oldCounts[j];
                }
            }
        }

        private static int slot(final long term, final int capacity) {
            return (int) (TermHash.mix(term) & (capacity - 1));
        }
    }

    private final Map<String, Desk> desks = new HashMap<>();

    long documents(final String desk) {
        final Desk d = desks.get(desk);
        return d == null ? 0 : d.documents;
    }

    long frequency(final String desk, final long term) {
        final Desk d = desks.get(desk);
        return d == null ? 0 : d.get(term);
    }

    /** Counts (delta +1) or uncounts (delta -1) one report's distinct terms. */
    void count(final String desk, final long[] terms, final int delta) {
        final Desk d = desks.computeIfAbsent(desk, k -> new Desk());
        for (final long term : terms) {
            d.add(term, delta);
        }
        d.documents = Math.max(0, d.documents + delta);
        if (d.documents == 0 && d.size == 0) {
            desks.remove(desk);
        }
    }

    /** Distinct terms counted, over all desks (for tests of retention). */
    long distinctTerms() {
        return desks.values().stream().mapToLong(d -> d.size + (d.hasZeroKey ? 1 : 0)).sum();
    }
}
