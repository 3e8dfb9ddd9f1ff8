package io.newswire.processing.dedup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the band keys each earlier report shares with a report (by id, over any {@link CandidateIndex}'s postings),
 * then keeps the best few ({@link TopCandidates}).
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
        final TopCandidates top = new TopCandidates(limit);
        found.forEach((reportId, hits) -> top.offer(reportId, hits.receivedAtMillis, hits.count));
        return top.bestFirst();
    }
}
