package io.newswire.processing.dedup;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where a desk's recent fingerprints are found by term, without scanning them all: postings per rare term, and
 * document frequencies for idf. A RocksDB-backed implementation runs in the topology; an in-memory one in tests.
 */
public interface CandidateIndex {

    /** Report ids posted under the term, newest last. */
    List<Posting> postings(String term);

    /** Adds the report under each key term (bounded per term; postings older than the horizon may be dropped). */
    void post(Collection<String> keyTerms, Fingerprint fingerprint);

    Optional<Fingerprint> fingerprint(String reportId);

    /** Documents of this desk containing the term. */
    long documentFrequency(String term);

    /** Documents of this desk. */
    long documents();

    /** Counts one more document with these distinct terms. */
    void countDocument(Collection<String> distinctTerms);

    /** One entry of a posting list. */
    record Posting(String reportId, long receivedAtMillis) {
    }
}
