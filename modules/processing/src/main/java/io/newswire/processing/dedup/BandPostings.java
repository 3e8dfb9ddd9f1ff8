package io.newswire.processing.dedup;

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
 */
final class BandPostings {

    /**
     * A retained report, one object shared by all its lists, with room to count the keys it shares with the report
     * being looked up: counting needs no map.
     */
    private static final class Held {
        private final String reportId;
        private final long receivedAt;
        private int lookup;
        private int hits;

        Held(final String reportId, final long receivedAt) {
            this.reportId = reportId;
            this.receivedAt = receivedAt;
        }
    }

    /** One band key's reports, oldest first in [start, end): forgotten reports leave from the front. */
    private static final class PostingList {
        private Held[] held = new Held[2];
        private int start;
        private int end;

        void add(final Held report) {
            if (end == held.length) {
                makeRoom();
            }
            int i = end;
            while (i > start && held[i - 1].receivedAt > report.receivedAt) { // arrived out of order: keep time order
                i--;
            }
            for (int j = i - 1; j >= start && held[j].receivedAt == report.receivedAt; j--) {
                if (held[j].reportId.equals(report.reportId)) {
                    return; // remembered again (same id and time: one retention entry): posted once
                }
            }
            System.arraycopy(held, i, held, i + 1, end - i);
            held[i] = report;
            end++;
        }

        /** Removes the report; the oldest go first, so it is found at or near the front. */
        void remove(final String reportId) {
            if (held[start].reportId.equals(reportId)) {
                held[start++] = null;
                return;
            }
            for (int i = start + 1; i < end; i++) {
                if (held[i].reportId.equals(reportId)) {
                    System.arraycopy(held, i + 1, held, i, end - i - 1);
                    held[--end] = null;
                    return;
                }
            }
        }

        int size() {
            return end - start;
        }

        private void makeRoom() {
            final int size = size();
            if (start > 0 && size * 2 <= held.length) { // room freed at the front: slide down
                System.arraycopy(held, start, held, 0, size);
                java.util.Arrays.fill(held, size, end, null);
            } else {
                final Held[] grown = new Held[held.length * 2];
                System.arraycopy(held, start, grown, 0, size);
                held = grown;
            }
            start = 0;
            end = size;
        }
    }

    private final Map<String, Map<Long, PostingList>> desks = new HashMap<>();
    private long postings;
    /** Numbers each candidate lookup, so a Held counted in an earlier one starts again from zero. */
    private int lookups;

    /** Posts the report under each of its band keys (a key repeated in bandKeys is posted once). */
    void add(final String desk, final String reportId, final long receivedAt, final long[] bandKeys) {
        final Map<Long, PostingList> lists = desks.computeIfAbsent(desk, d -> new HashMap<>());
        final Held report = new Held(reportId, receivedAt);
        for (final long key : distinct(bandKeys)) {
            final PostingList list = lists.computeIfAbsent(key, k -> new PostingList());
            final int before = list.size();
            list.add(report);
            postings += list.size() - before;
        }
    }

    /** Takes the report out of the lists of its band keys, dropping lists (and desks) left empty. */
    void remove(final String desk, final String reportId, final long[] bandKeys) {
        final Map<Long, PostingList> lists = desks.get(desk);
        if (lists == null) {
            return;
        }
        for (final long key : distinct(bandKeys)) {
            final PostingList list = lists.get(key);
            if (list == null) {
                continue;
            }
            final int before = list.size();
            list.remove(reportId);
            postings -= before - list.size();
            if (list.size() == 0) {
                lists.remove(key);
            }
        }
        if (lists.isEmpty()) {
            desks.remove(desk);
        }
    }

    /** Reports posted under the band key received at or after notBefore, newest first, at most limit of them. */
    List<CandidateIndex.Posting> newest(final String desk, final long bandKey, final long notBefore, final int limit) {
        final PostingList list = list(desk, bandKey);
        if (list == null) {
            return List.of();
        }
        final List<CandidateIndex.Posting> found = new ArrayList<>(Math.min(limit, list.size()));
        for (int i = list.end - 1; i >= list.start && found.size() < limit && list.held[i].receivedAt >= notBefore; i--) {
            found.add(new CandidateIndex.Posting(list.held[i].reportId, list.held[i].receivedAt));
        }
        return found;
    }

    /**
     * What {@link CandidateIndex#candidates} returns, over these lists: the reports among the newest perKey (received
     * at or after notBefore) of each band key that share the most keys, best first, at most limit of them.
     */
    List<CandidateIndex.Candidate> candidates(final String desk, final long[] bandKeys, final long notBefore, final int perKey,
                                              final int limit) {
        if (++lookups == 0) {
            lookups = 1; // 0 is what a new Held starts with
        }
        final int lookup = lookups;
        final List<Held> touched = new ArrayList<>(Math.min(bandKeys.length * perKey, 4_096));
        // byHits[h]: touched reports sharing exactly h keys so far (the last slot: more than there are keys), kept as
        // the lists are walked, so no second pass over the touched reports is needed to count them
        final int most = bandKeys.length + 1;
        final int[] byHits = new int[most + 1];
        for (final long key : bandKeys) {
            final PostingList list = list(desk, key);
            if (list == null) {
                continue;
            }
            final int last = Math.max(list.start, list.end - perKey);
            for (int i = list.end - 1; i >= last && list.held[i].receivedAt >= notBefore; i--) {
                final Held report = list.held[i];
                if (report.lookup != lookup) {
                    report.lookup = lookup;
                    report.hits = 0;
                    touched.add(report);
                }
                byHits[Math.min(report.hits, most)]--;
                byHits[Math.min(++report.hits, most)]++;
            }
        }
        // most touched reports share one key; when enough share more, those sharing fewer cannot be among the
        // best, so they are not offered: the count by hits gives the fewest shared keys that can still make it
        final int fewest = fewestSharedKeysThatCanRank(byHits, limit);
        final TopCandidates top = new TopCandidates(limit);
        for (final Held report : touched) {
            if (report.hits >= fewest) {
                top.offer(report.reportId, report.receivedAt, report.hits);
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

    private PostingList list(final String desk, final long bandKey) {
        final Map<Long, PostingList> lists = desks.get(desk);
        return lists == null ? null : lists.get(bandKey);
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
