package io.newswire.processing.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best few candidates offered, by a bounded heap: most band keys shared, then newest, then by id, so every run
 * picks the same. Near linear in the candidates offered (thousands once a desk holds 100k reports), where sorting
 * them all was not; one that cannot enter is not even built.
 */
final class TopCandidates {

    private final int limit;
    private final PriorityQueue<CandidateIndex.Candidate> kept;

    TopCandidates(final int limit) {
        this.limit = limit;
        this.kept = new PriorityQueue<>(Math.max(1, limit + 1), CandidateRanking.BEST_FIRST.reversed()); // worst on top
    }

    void offer(final String reportId, final long receivedAtMillis, final int sharedKeys) {
        if (limit <= 0) {
            return;
        }
        if (kept.size() == limit) {
            final CandidateIndex.Candidate worst = kept.peek();
            if (sharedKeys < worst.sharedKeys() || sharedKeys == worst.sharedKeys() && receivedAtMillis < worst.receivedAtMillis()) {
                return;
            }
        }
        kept.add(new CandidateIndex.Candidate(reportId, receivedAtMillis, sharedKeys));
        if (kept.size() > limit) {
            kept.poll();
        }
    }

    /** Best first. */
    List<CandidateIndex.Candidate> bestFirst() {
        final List<CandidateIndex.Candidate> best = new ArrayList<>(kept);
        best.sort(CandidateRanking.BEST_FIRST);
        return best;
    }
}
