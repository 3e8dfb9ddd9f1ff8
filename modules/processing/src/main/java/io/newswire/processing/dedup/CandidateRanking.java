package io.newswire.processing.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Counts the band keys each earlier report shares with a report, then keeps the best few: most keys shared, then
 * newest, then by id, so every run picks the same. Selecting the few with a bounded heap instead of sorting every
 * report found keeps a lookup's cost near linear in the postings read (thousands once the desk holds 100k reports).
 */
final class CandidateRanking {

    /** Best first. */
    static final Comparator<CandidateIndex.Candidate> BEST_FIRST = Comparator
            .comparingInt(CandidateIndex.Candidate::sharedKeys).reversed()
            .thenComparing(Comparator.comparingLong(CandidateIndex.Candidate::receivedAtMillis).reversed())
            .thenComparing(CandidateIndex.Candidate::reportId);

    private static final class Hits {
        private final long receivedAtMillis;
        private int count;

        Hits(final long receivedAtMillis) {
            this.receivedAtMillis = receivedAtMillis;
        }
    }

    private final Map<String, Hits> found = new HashMap<>();

    /** One posting of the report under one of the looked-up band keys. */
    void hit(final String reportId, final long receivedAtMillis) {
        Hits hits = found.get(reportId);
        if (hits == null) {
            hits = new Hits(receivedAtMillis);
            found.put(reportId, hits);
        }
        hits.count++;
    }

    /** The best limit candidates, best first. */
    List<CandidateIndex.Candidate> best(final int limit) {
        if (limit <= 0) {
            return List.of();
        }
        final PriorityQueue<CandidateIndex.Candidate> kept = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed()); // worst on top
        for (final Map.Entry<String, Hits> entry : found.entrySet()) {
            final Hits hits = entry.getValue();
            if (kept.size() == limit) {
                final CandidateIndex.Candidate worst = kept.peek();
                if (hits.count < worst.sharedKeys()
                        || hits.count == worst.sharedKeys() && hits.receivedAtMillis < worst.receivedAtMillis()) {
                    continue; // cannot enter: skip building it
                }
            }
            kept.add(new CandidateIndex.Candidate(entry.getKey(), hits.receivedAtMillis, hits.count));
            if (kept.size() > limit) {
                kept.poll();
            }
        }
        final List<CandidateIndex.Candidate> best = new ArrayList<>(kept);
        best.sort(BEST_FIRST);
        return best;
    }
}
