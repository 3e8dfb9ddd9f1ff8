package io.newswire.processing.dedup;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each desk's posting lists, in memory: band key → the retained reports posted under it, in time order. Not a store
 * of its own: the band keys of every retained report are the values of the retention store, so the lists are derived
 * state, rebuilt from it when the task starts ({@link StoreCandidateIndex}), like {@link TermCounts}. A lookup then
 * costs no RocksDB iterator and adding a report no RocksDB write or changelog byte per band; forgetting a report
 * takes it out of its lists, so they are bounded by the horizon's reports.
 *
 * <p>Layout, for the lookup's sake: a lookup walks up to bands × maxPostings entries (2,048 by default), and walking
 * one object per entry was a quarter of the articles task's time at 100k stored (JFR: a cache miss per entry). So a
 * retained report is a slot number in the desk's primitive arrays, a list is two primitive arrays (slots and times,
 * read in sequence) and the lists hang off a primitive long map: the walk reads arrays, not objects, and counts a
 * posting in one long per report.
 */
final class BandPostings {

    /** One band key's postings, oldest first in [start, end): forgotten reports leave from the front. */
    private static final class PostingList {
        private int[] slots = new int[2];
        private long[] times = new long[2];
        private int start;
        private int end;

        /** Posts the slot at its time, in time order; false if it is already posted at that time. */
        boolean add(final int slot, final long time) {
            int i = end;
            while (i > start && times[i - 1] > time) { // arrived out of order: keep time order
                i--;
            }
            for (int j = i - 1; j >= start && times[j] == time; j--) {
                if (slots[j] == slot) {
                    return false; // remembered again (same id and time: one retention entry): posted once
                }
            }
            if (end == slots.length) {
                i -= makeRoom();
            }
            System.arraycopy(slots, i, slots, i + 1, end - i);
            System.arraycopy(times, i, times, i + 1, end - i);
            slots[i] = slot;
            times[i] = time;
            end++;
            return true;
        }

        /** Removes the slot's oldest posting; the oldest go first, so it is found at or near the front. */
        boolean remove(final int slot) {
            for (int i = start; i < end; i++) {
                if (slots[i] == slot) {
                    if (i == start) {
                        start++;
                    } else {
                        System.arraycopy(slots, i + 1, slots, i, end - i - 1);
                        System.arraycopy(times, i + 1, times, i, end - i - 1);
                        end--;
                    }
                    return true;
                }
            }
            return false;
        }

        int size() {
            return end - start;
        }

        /** Makes room at the end; returns by how much the entries moved down. */
        private int makeRoom() {
            final int size = size();
            final int moved = start;
            if (start > 0 && size * 2 <= slots.length) { // room freed at the front: slide down
                System.arraycopy(slots, start, slots, 0, size);
                System.arraycopy(times, start, times, 0, size);
            } else {
                slots = Arrays.copyOfRange(slots, start, start + Math.max(2, size * 2));
                times = Arrays.copyOfRange(times, start, start + Math.max(2, size * 2));
            }
            start = 0;
            end = size;
            return moved;
        }
    }

    /** A desk's lists and its retained reports, each a slot in the arrays below (freed slots are reused). */
    private static final class Desk {
        private final Long2ObjectOpenHashMap<PostingList> lists = new Long2ObjectOpenHashMap<>();
        private final Object2IntOpenHashMap<String> slotOf = new Object2IntOpenHashMap<>();
        private String[] ids = new String[16];
        /** When the report was received (its latest posting's time). */
        private long[] receivedAt = new long[16];
        /** Postings of the slot over all lists: the slot is freed when none is left. */
        private int[] posted = new int[16];
        /**
         * The lookup that last touched the slot (high 32 bits) and the keys it shares in it (low 32 bits): one long,
         * so counting a posting touches one array element (one cache line), as one object per report did.
         */
        private long[] counted = new long[16];
        private int[] free = new int[16];
        private int freeCount;
        private int used;

        Desk() {
            slotOf.defaultReturnValue(-1);
        }

        int slotFor(final String reportId) {
            final int known = slotOf.getInt(reportId);
            if (known >= 0) {
                return known;
            }
            final int slot;
            if (freeCount > 0) {
                slot = free[--freeCount];
            } else {
                if (used == ids.length) {
                    final int grown = used * 2;
                    ids = Arrays.copyOf(ids, grown);
                    receivedAt = Arrays.copyOf(receivedAt, grown);
                    posted = Arrays.copyOf(posted, grown);
                    counted = Arrays.copyOf(counted, grown);
                }
                slot = used++;
            }
            ids[slot] = reportId;
            receivedAt[slot] = Long.MIN_VALUE;
            posted[slot] = 0;
            counted[slot] = 0;
            slotOf.put(reportId, slot);
            return slot;
        }

        void release(final int slot) {
            slotOf.removeInt(ids[slot]);
            ids[slot] = null;
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, free.length * 2);
            }
            free[freeCount++] = slot;
        }

        boolean isEmpty() {
            return slotOf.isEmpty();
        }
    }

    private final Map<String, Desk> desks = new HashMap<>();
    private long postings;
    /** Numbers each candidate lookup, so a slot counted in an earlier one starts again from zero. */
    private int lookups;
    /** The slots touched by the lookup under way: reused, so a lookup allocates no list of its own. */
    private int[] touched = new int[256];

    /** Posts the report under each of its band keys (a key repeated in bandKeys is posted once). */
    void add(final String desk, final String reportId, final long receivedAt, final long[] bandKeys) {
        final Desk d = desks.computeIfAbsent(desk, name -> new Desk());
        final int slot = d.slotFor(reportId);
        for (final long key : distinct(bandKeys)) {
            PostingList list = d.lists.get(key);
            if (list == null) {
                list = new PostingList();
                d.lists.put(key, list);
            }
            if (list.add(slot, receivedAt)) {
                d.posted[slot]++;
                postings++;
            }
        }
        d.receivedAt[slot] = Math.max(d.receivedAt[slot], receivedAt);
        if (d.posted[slot] == 0) {
            d.release(slot); // no band keys: nothing to find it by
        }
    }

    /** Takes the report out of the lists of its band keys, dropping lists (and desks) left empty. */
    void remove(final String desk, final String reportId, final long[] bandKeys) {
        final Desk d = desks.get(desk);
        if (d == null) {
            return;
        }
        final int slot = d.slotOf.getInt(reportId);
        if (slot < 0) {
            return;
        }
        for (final long key : distinct(bandKeys)) {
            final PostingList list = d.lists.get(key);
            if (list != null && list.remove(slot)) {
                d.posted[slot]--;
                postings--;
                if (list.size() == 0) {
                    d.lists.remove(key);
                }
            }
        }
        if (d.posted[slot] == 0) {
            d.release(slot);
        }
        if (d.isEmpty()) {
            desks.remove(desk);
        }
    }

    /** Reports posted under the band key received at or after notBefore, newest first, at most limit of them. */
    List<CandidateIndex.Posting> newest(final String desk, final long bandKey, final long notBefore, final int limit) {
        final Desk d = desks.get(desk);
        final PostingList list = d == null ? null : d.lists.get(bandKey);
        if (list == null) {
            return List.of();
        }
        final List<CandidateIndex.Posting> found = new ArrayList<>(Math.min(limit, list.size()));
        for (int i = list.end - 1; i >= list.start && found.size() < limit && list.times[i] >= notBefore; i--) {
            found.add(new CandidateIndex.Posting(d.ids[list.slots[i]], list.times[i]));
        }
        return found;
    }

    /**
     * What {@link CandidateIndex#candidates} returns, over these lists: the reports among the newest perKey (received
     * at or after notBefore) of each band key that share the most keys, best first, at most limit of them.
     */
    List<CandidateIndex.Candidate> candidates(final String desk, final long[] bandKeys, final long notBefore, final int perKey,
                                              final int limit) {
        final Desk d = desks.get(desk);
        if (d == null) {
            return List.of();
        }
        if (++lookups == 0) {
            lookups = 1; // 0 is what a new slot starts with
        }
        final long lookup = (long) lookups << 32;
        final long[] counted = d.counted;
        int touchedCount = 0;
        // byHits[h]: touched reports sharing exactly h keys so far (the last slot: more than there are keys), kept as
        // the lists are walked, so no second pass over the touched reports is needed to count them
        final int most = bandKeys.length + 1;
        final int[] byHits = new int[most + 1];
        for (final long key : bandKeys) {
            final PostingList list = d.lists.get(key);
            if (list == null) {
                continue;
            }
            final int[] slots = list.slots;
            final long[] times = list.times;
            final int last = Math.max(list.start, list.end - perKey);
            for (int i = list.end - 1; i >= last && times[i] >= notBefore; i--) {
                final int slot = slots[i];
                long state = counted[slot];
                if ((state & 0xffffffff00000000L) != lookup) {
                    state = lookup; // first touched in this lookup: no keys shared yet
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touched.length * 2);
                    }
                    touched[touchedCount++] = slot;
                }
                final int hits = (int) state;
                byHits[Math.min(hits, most)]--;
                byHits[Math.min(hits + 1, most)]++;
                counted[slot] = state + 1;
            }
        }
        // most touched reports share one key; when enough share more, those sharing fewer cannot be among the
        // best, so they are not offered: the count by hits gives the fewest shared keys that can still make it
        final int fewest = fewestSharedKeysThatCanRank(byHits, limit);
        final TopCandidates top = new TopCandidates(limit);
        for (int t = 0; t < touchedCount; t++) {
            final int slot = touched[t];
            final int hits = (int) counted[slot];
            if (hits >= fewest) {
                top.offer(d.ids[slot], d.receivedAt[slot], hits);
            }
        }
        return top.bestFirst();
    }

    /**
     * The largest h such that at least limit reports share h or more keys (1 if fewer than limit share any), from
     * byHits[h] = reports sharing exactly h keys (index 0 unused).
     */
    static int fewestSharedKeysThatCanRank(final int[] byHits, final int limit) {
        int atLeast = 0;
        for (int h = byHits.length - 1; h >= 1; h--) {
            atLeast += byHits[h];
            if (atLeast >= limit) {
                return h;
            }
        }
        return 1;
    }

    /** Entries held over all desks and band keys: bounded by retention (for tests). */
    long postings() {
        return postings;
    }

    private static long[] distinct(final long[] keys) {
        final long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }
}
