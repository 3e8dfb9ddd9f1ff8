package io.newswire.processing.dedup;

import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The candidate index of one desk in Kafka Streams state stores (RocksDB, with changelogs, so it survives a
 * restart and moves with its task). Keys are prefixed by desk. Posting lists are bounded and drop entries past
 * the horizon, deleting their fingerprints, so storage stays bounded by the horizon.
 */
public final class StoreCandidateIndex implements CandidateIndex {

    /** A posting list as stored. */
    public record PostingList(List<Posting> postings) {
    }

    public static final String FINGERPRINTS_STORE = "dedup-fingerprints";
    public static final String POSTINGS_STORE = "dedup-postings";
    public static final String FREQUENCIES_STORE = "dedup-frequencies";
    private static final String DOCUMENTS_KEY = "\u0000documents";

    private final String desk;
    private final KeyValueStore<String, Fingerprint> fingerprints;
    private final KeyValueStore<String, PostingList> postings;
    private final KeyValueStore<String, Long> frequencies;
    private final int maxPostings;
    private final long horizonMillis;

    public StoreCandidateIndex(final String desk, final KeyValueStore<String, Fingerprint> fingerprints,
                               final KeyValueStore<String, PostingList> postings, final KeyValueStore<String, Long> frequencies,
                               final int maxPostings, final long horizonMillis) {
        this.desk = desk;
        this.fingerprints = fingerprints;
        this.postings = postings;
        this.frequencies = frequencies;
        this.maxPostings = maxPostings;
        this.horizonMillis = horizonMillis;
    }

    @Override
    public List<Posting> postings(final String term) {
        final PostingList list = postings.get(key(term));
        return list == null ? List.of() : list.postings();
    }

    @Override
    public void post(final Collection<String> keyTerms, final Fingerprint fingerprint) {
        fingerprints.put(fingerprint.reportId(), fingerprint);
        final long notBefore = fingerprint.receivedAtMillis() - horizonMillis;
        for (final String term : keyTerms) {
            final List<Posting> list = new ArrayList<>(postings(term));
            list.add(new Posting(fingerprint.reportId(), fingerprint.receivedAtMillis()));
            final List<Posting> kept = new ArrayList<>();
            for (final Posting posting : list) {
                if (posting.receivedAtMillis() < notBefore) {
                    fingerprints.delete(posting.reportId()); // past the horizon: nothing will match it again
                } else {
                    kept.add(posting);
                }
            }
            postings.put(key(term), new PostingList(List.copyOf(kept.subList(Math.max(0, kept.size() - maxPostings), kept.size()))));
        }
    }

    @Override
    public Optional<Fingerprint> fingerprint(final String reportId) {
        return Optional.ofNullable(fingerprints.get(reportId));
    }

    @Override
    public long documentFrequency(final String term) {
        final Long count = frequencies.get(key(term));
        return count == null ? 0 : count;
    }

    @Override
    public long documents() {
        final Long count = frequencies.get(key(DOCUMENTS_KEY));
        return count == null ? 0 : count;
    }

    @Override
    public void countDocument(final Collection<String> distinctTerms) {
        frequencies.put(key(DOCUMENTS_KEY), documents() + 1);
        for (final String term : distinctTerms) {
            frequencies.put(key(term), documentFrequency(term) + 1);
        }
    }

    private String key(final String term) {
        return desk + "|" + term;
    }
}
