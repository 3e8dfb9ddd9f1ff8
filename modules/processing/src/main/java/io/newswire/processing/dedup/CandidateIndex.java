package io.newswire.processing.dedup;

import java.util.List;
import java.util.Optional;

/**
 * Where a desk's recent fingerprints are found without scanning them all: postings per MinHash band key, document
 * frequencies for idf, and retention. A RocksDB-backed implementation runs in the topology
 * ({@link StoreCandidateIndex}); an in-memory one ({@link InMemoryCandidateIndex}) in unit tests.
 */
public interface CandidateIndex {

    /** Documents of the desk within retention. */
    long documents(String desk);

    /** Documents of the desk within retention containing each term: one read per term, in the terms' order. */
    long[] documentFrequencies(String desk, long[] terms);

    /** Reports posted under the band key received at or after notBefore, newest first, at most limit of them. */
    List<Posting> postings(String desk, long bandKey, long notBefore, int limit);

    /** The fingerprint of a report found as a candidate (its desk and time are how it is keyed). */
    Optional<Fingerprint> fingerprint(String desk, String reportId, long receivedAtMillis);

    /** Keeps the fingerprint, posts it under its band keys and counts its terms as one more document of the desk. */
    void add(String desk, Fingerprint fingerprint, long[] bandKeys);

    /**
     * Forgets at most max reports (of any desk) received before notBefore: fingerprint, postings and their share of
     * the counts. Bounded per call so a report never pays for a backlog at once.
     *
     * @return how many were forgotten
     */
    int expire(long notBefore, int max);

    /**
     * The earlier reports of the desk sharing the most band keys with bandKeys, reading at most perKey newest postings
     * of each key (received at or after notBefore): at most limit of them, most keys shared first, then newest, then
     * by id.
     */
    default List<Candidate> candidates(final String desk, final long[] bandKeys, final long notBefore, final int perKey,
                                       final int limit) {
        final CandidateRanking ranking = new CandidateRanking();
        for (final long key : bandKeys) {
            for (final Posting posting : postings(desk, key, notBefore, perKey)) {
                ranking.hit(posting.reportId(), posting.receivedAtMillis());
            }
        }
        return ranking.best(limit);
    }

    /** An earlier report found through the band keys, with how many of them it shares. */
    record Candidate(String reportId, long receivedAtMillis, int sharedKeys) {
    }

    /** One entry of a posting list. */
    record Posting(String reportId, long receivedAtMillis) {
    }
}
