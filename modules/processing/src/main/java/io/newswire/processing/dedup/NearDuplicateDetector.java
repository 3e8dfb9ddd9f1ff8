package io.newswire.processing.dedup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds an earlier report of the same story: the pure core of dedup.
 *
 * <p>Why this method: two correspondents covering one event reorder sentences, swap synonyms and write numbers
 * differently, so word shingles barely overlap, while two different stories from one town and day share many
 * names and stock phrases. Unigrams of light-stemmed words weighted by rarity (tf-idf, idf from the desk's own
 * reports) and compared by cosine separate the two far better (measured on our labelled set, see
 * dedup-quality.md).
 *
 * <p>Cost: a report is compared only with the reports posted under its {@link #keyTerms} rarest terms within the
 * horizon; each posting list is bounded, and only the {@link #SCORED_CANDIDATES} sharing the most of those terms are
 * scored, so a lookup's cost has a bound that does not grow with the number of stored fingerprints.
 */
public final class NearDuplicateDetector {

    /** A match, with the evidence of why. */
    public record Match(Fingerprint matched, double similarity, String method) {
    }

    public static final String METHOD = "tfidf-cosine";
    /** Terms kept per fingerprint: enough for the cosine, bounded storage. */
    public static final int STORED_TERMS = 80;
    /** Candidates scored by cosine per lookup, the ones sharing most rare terms: the bound on a lookup's cost. */
    public static final int SCORED_CANDIDATES = 32;

    private final double threshold;
    private final int keyTerms;
    private final long horizonMillis;

    /**
     * @param threshold     cosine at or above which two reports are one story (see dedup-quality.md for the choice)
     * @param keyTerms      rarest terms a report is looked up and posted under
     * @param horizonMillis how far back to match
     */
    public NearDuplicateDetector(final double threshold, final int keyTerms, final long horizonMillis) {
        this.threshold = threshold;
        this.keyTerms = keyTerms;
        this.horizonMillis = horizonMillis;
    }

    public static Map<String, Integer> termCounts(final List<String> features) {
        final Map<String, Integer> counts = new HashMap<>();
        for (final String feature : features) {
            if (feature.length() > 1) {
                counts.merge(feature, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The best earlier report of the same story within the horizon, if any reaches the threshold. */
    public Optional<Match> findMatch(final Map<String, Integer> counts, final long receivedAtMillis, final CandidateIndex index) {
        final long notBefore = receivedAtMillis - horizonMillis;
        // how many of this report's rare terms each earlier report shares: cheap counting over bounded lists
        final Map<String, Integer> shared = new HashMap<>();
        for (final String term : keyTerms(counts, index)) {
            for (final CandidateIndex.Posting posting : index.postings(term)) {
                if (posting.receivedAtMillis() >= notBefore) {
                    shared.merge(posting.reportId(), 1, Integer::sum);
                }
            }
        }
        // only the reports sharing the most rare terms get the costlier cosine; ties by id, so every run picks the same
        final List<String> candidates = shared.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(SCORED_CANDIDATES).map(Map.Entry::getKey).toList();
        Match best = null;
        for (final String candidate : candidates) {
            final Optional<Fingerprint> fingerprint = index.fingerprint(candidate);
            if (fingerprint.isEmpty()) {
                continue;
            }
            final double similarity = cosine(counts, fingerprint.get().termCounts(), index);
            if (similarity >= threshold && (best == null || similarity > best.similarity())) {
                best = new Match(fingerprint.get(), similarity, METHOD);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Remembers a report: counted for idf, posted under its key terms, fingerprint kept (strongest terms only). */
    public Fingerprint remember(final String reportId, final String articleId, final String correspondentId,
                                final Map<String, Integer> counts, final long receivedAtMillis, final CandidateIndex index) {
        final List<String> key = keyTerms(counts, index);
        index.countDocument(counts.keySet());
        final Map<String, Integer> strongest = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingDouble(e -> -weight(e.getKey(), e.getValue(), index)).thenComparing(Map.Entry::getKey))
                .limit(STORED_TERMS).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        final Fingerprint fingerprint = new Fingerprint(reportId, articleId, correspondentId, strongest, receivedAtMillis);
        index.post(key, fingerprint);
        return fingerprint;
    }

    /** The rarest terms of the report (ties by name, so the choice is deterministic). */
    List<String> keyTerms(final Map<String, Integer> counts, final CandidateIndex index) {
        return counts.keySet().stream()
                .sorted(Comparator.<String>comparingLong(index::documentFrequency).thenComparing(Comparator.naturalOrder()))
                .limit(keyTerms).toList();
    }

    /** Cosine of the tf-idf vectors, idf from the desk's documents. */
    public static double cosine(final Map<String, Integer> a, final Map<String, Integer> b, final CandidateIndex index) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (final Map.Entry<String, Integer> e : a.entrySet()) {
            final double wa = weight(e.getKey(), e.getValue(), index);
            normA += wa * wa;
            final Integer other = b.get(e.getKey());
            if (other != null) {
                dot += wa * weight(e.getKey(), other, index);
            }
        }
        for (final Map.Entry<String, Integer> e : b.entrySet()) {
            final double wb = weight(e.getKey(), e.getValue(), index);
            normB += wb * wb;
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    private static double weight(final String term, final int count, final CandidateIndex index) {
        final double idf = Math.log((index.documents() + 1.0) / (index.documentFrequency(term) + 1.0)) + 1.0;
        return (1 + Math.log(count)) * idf;
    }
}
