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

    /** One band key's reports, oldest first in [start, end): forgotten reports leave from the front. */
    private static final class PostingList {
        private long[] times = new long[2];
        private String[] reports = new String[2];
        private int start;
        private int end;

        void add(final long receivedAt, final String report) {
            if (end == times.length) {
                makeRoom();
            }
            int i = end++;
            while (i > start && times[i - 1] > receivedAt) { // arrived out of order: keep the list in time order
                times[i] = times[i - 1];
                reports[i] = reports[i - 1];
                i--;
            }
            times[i] = receivedAt;
            reports[i] = report;
        }

        /** Removes the report; the oldest go first, so it is found near the front. */
        void remove(final String report) {
            for (int i = start; i < end; i++) {
                if (reports[i].equals(report)) {
                    System.arraycopy(times, i + 1, times, i, end - i - 1);
                    System.arraycopy(reports, i + 1, reports, i, end - i - 1);
                    reports[--end] = null;
                    return;
                }
            }
        }

        void forgetFront() {
            reports[start++] = null;
        }

        int size() {
            return end - start;
        }

        private void makeRoom() {
            final int size = size();
            if (start > 0 && size * 2 <= times.length) { // room freed at the front: slide down
                System.arraycopy(times, start, times, 0, size);
                System.arraycopy(reports, start, reports, 0, size);
                Arrays.fill(reports, size, end, null);
            } else {
                final long[] t = new long[times.length * 2];
                final String[] r = new String[times.length * 2];
                System.arraycopy(times, start, t, 0, size);
                System.arraycopy(reports, start, r, 0, size);
                times = t;
                reports = r;
            }
            start = 0;
            end = size;
        }
    }

    private final Map<String, Map<Long, PostingList>> desks = new HashMap<>();
    private long postings;

    /** Posts the report under each of its band keys (a key repeated in bandKeys is posted once). */
    void add(final String desk, final String reportId, final long receivedAt, final long[] bandKeys) {
        final Map<Long, PostingList> lists = desks.computeIfAbsent(desk, d -> new HashMap<>());
        for (final long key : distinct(bandKeys)) {
            lists.computeIfAbsent(key, k -> new PostingList()).add(receivedAt, reportId);
            postings++;
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
            if (list.reports[list.start].equals(reportId)) {
                list.forgetFront();
            } else {
                list.remove(reportId);
            }
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
        final Map<Long, PostingList> lists = desks.get(desk);
        final PostingList list = lists == null ? null : lists.get(bandKey);
        if (list == null) {
            return List.of();
        }
        final List<CandidateIndex.Posting> found = new ArrayList<>(Math.min(limit, list.size()));
        for (int i = list.end - 1; i >= list.start && found.size() < limit && list.times[i] >= notBefore; i--) {
            found.add(new CandidateIndex.Posting(list.reports[i], list.times[i]));
        }
        return found;
    }

    /** Counts, into the ranking, the newest at most limit reports under the band key received at or after notBefore. */
    void hitNewest(final String desk, final long bandKey, final long notBefore, final int limit, final CandidateRanking ranking) {
        final Map<Long, PostingList> lists = desks.get(desk);
        final PostingList list = lists == null ? null : lists.get(bandKey);
        if (list == null) {
            return;
        }
        final int last = Math.max(list.start, list.end - limit);
        for (int i = list.end - 1; i >= last && list.times[i] >= notBefore; i--) {
            ranking.hit(list.reports[i], list.times[i]);
        }
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
