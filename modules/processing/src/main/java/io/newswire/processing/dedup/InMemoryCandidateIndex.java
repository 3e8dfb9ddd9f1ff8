package io.newswire.processing.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A candidate index in plain maps: for tests, the quality evaluation and the benchmark. */
public final class InMemoryCandidateIndex implements CandidateIndex {

    private final int maxPostingsPerTerm;
    private final Map<String, List<Posting>> postings = new HashMap<>();
    private final Map<String, Fingerprint> fingerprints = new HashMap<>();
    private final Map<String, Long> documentFrequencies = new HashMap<>();
    private long documents;

    public InMemoryCandidateIndex(final int maxPostingsPerTerm) {
        this.maxPostingsPerTerm = maxPostingsPerTerm;
    }

    @Override
    public List<Posting> postings(final String term) {
        return postings.getOrDefault(term, List.of());
    }

    @Override
    public void post(final Collection<String> keyTerms, final Fingerprint fingerprint) {
        fingerprints.put(fingerprint.reportId(), fingerprint);
        for (final String term : keyTerms) {
            final List<Posting> list = postings.computeIfAbsent(term, t -> new ArrayList<>());
            list.add(new Posting(fingerprint.reportId(), fingerprint.receivedAtMillis()));
            if (list.size() > maxPostingsPerTerm) {
                list.remove(0);
            }
        }
    }

    @Override
    public Optional<Fingerprint> fingerprint(final String reportId) {
        return Optional.ofNullable(fingerprints.get(reportId));
    }

    @Override
    public long documentFrequency(final String term) {
        return documentFrequencies.getOrDefault(term, 0L);
    }

    @Override
    public long documents() {
        return documents;
    }

    @Override
    public void countDocument(final Collection<String> distinctTerms) {
        documents++;
        distinctTerms.forEach(t -> documentFrequencies.merge(t, 1L, Long::sum));
    }
}
