package io.newswire.processing.dedup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an earlier report of the same story: the pure core of dedup, over any {@link CandidateIndex}.
 *
 * <p>Why this method: two correspondents covering one event reorder sentences, swap synonyms and write numbers
 * differently, so word shingles barely overlap, while two different stories from one town and day share many
 * names and stock phrases. Unigrams of light-stemmed words weighted by rarity (tf-idf, idf from the desk's reports
 * within retention) and compared by cosine separate the two (see dedup-quality.md).
 *
 * <p>Candidates: the reports sharing at least one MinHash band key of the report's distinct terms (see
 * {@link MinHashBands}), which finds a rewording through whichever words it kept, whatever their rarity. Cost per
 * lookup is bounded whatever the history: one frequency read per distinct term, {@code bands} postings reads of at
 * most {@code maxPostings} entries, and {@code scoredCandidates} fingerprint reads and sorted-array cosines.
 */
public final class NearDuplicateDetector {

    /** A match, with the evidence of why. */
    public record Match(Fingerprint matched, double similarity, String method) {
    }

    /**
     * A report prepared for lookup and remembering: its terms, their unit tf-idf weights (document frequencies read
     * once, here) and its band keys.
     */
    public record Prepared(String desk, long[] terms, float[] weights, long[] bandKeys) {
    }

    public static final String METHOD = "tfidf-cosine";

    private final DedupSettings settings;
    private final MinHashBands bands;

    public NearDuplicateDetector(final DedupSettings settings) {
        this.settings = settings;
        this.bands = new MinHashBands(settings.bands(), settings.rowsPerBand());
    }

    public MinHashBands bands() {
        return bands;
    }

    public static Map<String, Integer> termCounts(final List<String> features) {
        final Map<String, Integer> counts = new HashMap<>();
        for (final String feature : features) {
            // one letter is a clitic or initial left over; one digit is a casualty figure ("4 dead"), worth keeping
            if (feature.length() > 1 || isFigure(feature)) {
                counts.merge(feature, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Hashes the terms and prepares them ({@link #prepare(String, TermVector, CandidateIndex)}). */
    public Prepared prepare(final String desk, final Map<String, Integer> counts, final CandidateIndex index) {
        return prepare(desk, TermVector.of(counts), index);
    }

    /** Reads each term's document frequency once and weighs the terms (tf-idf, unit length); computes the band keys. */
    public Prepared prepare(final String desk, final TermVector vector, final CandidateIndex index) {
        final long[] terms = vector.terms();
        final long[] frequencies = index.documentFrequencies(desk, terms);
        final long documents = index.documents(desk);
        final float[] weights = new float[terms.length];
        double norm = 0;
        for (int i = 0; i < terms.length; i++) {
            final double w = vector.tf(i) * idf(documents, frequencies[i]);
            weights[i] = (float) w;
            norm += w * w;
        }
        final double length = Math.sqrt(norm);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (weights[i] / length);
        }
        return new Prepared(desk, terms, weights, bands.keys(bandTerms(terms, frequencies, documents)));
    }

    /**
     * The terms a report is banded on: those in at most {@link DedupSettings#BAND_MAX_SHARE} of the desk's reports
     * (and never fewer than {@link DedupSettings#BAND_MIN_FREQUENCY_CAP}). A band keyed by a word nearly every report
     * has is a posting list of every report, which costs a lookup much and finds nothing; both copies of a story see
     * about the same frequencies, so they still band on the same words. All terms if every one is that common.
     */
    static long[] bandTerms(final long[] terms, final long[] frequencies, final long documents) {
        final long cap = Math.max(DedupSettings.BAND_MIN_FREQUENCY_CAP, (long) (documents * DedupSettings.BAND_MAX_SHARE));
        final long[] kept = new long[terms.length];
        int n = 0;
        for (int i = 0; i < terms.length; i++) {
            if (frequencies[i] <= cap) {
                kept[n++] = terms[i];
            }
        }
        return n == 0 ? terms : Arrays.copyOf(kept, n);
    }

    /**
     * Inverse document frequency over the desk's reports within retention, as if the desk also had
     * {@link DedupSettings#IDF_PRIOR_DOCUMENTS} more reports without the term (never zero). Why the prior: on a young
     * desk (a few dozen reports) a word seen in two of them looks common and a rewording's few shared plain words
     * (street, hospital, crop) weigh next to nothing, while the place names every story of the town shares still
     * dominate; the prior flattens idf until the desk's own counts say more.
     */
    static double idf(final long documents, final long frequency) {
        return Math.log((documents + DedupSettings.IDF_PRIOR_DOCUMENTS + 1.0) / (frequency + 1.0)) + 1.0;
    }

    /** A figure (digits, number words already turned to digits by {@link NumberWords}): casualties, sums, dates. */
    static boolean isFigure(final String term) {
        for (int i = 0; i < term.length(); i++) {
            if (term.charAt(i) < '0' || term.charAt(i) > '9') {
                return false;
            }
        }
        return !term.isEmpty();
    }

    /** The best earlier report of the same story within the horizon, if any reaches the threshold. */
    public Optional<Match> findMatch(final Prepared report, final long receivedAtMillis, final CandidateIndex index) {
        final long notBefore = receivedAtMillis - settings.horizonMillis();
        // the reports sharing the most band keys get the cosine; ties newest first, then by id, so every run picks the same
        final List<CandidateIndex.Candidate> candidates = index.candidates(report.desk(), report.bandKeys(), notBefore,
                settings.maxPostings(), settings.scoredCandidates());
        Match best = null;
        for (final CandidateIndex.Candidate candidate : candidates) {
            final Optional<Fingerprint> fingerprint = index.fingerprint(report.desk(), candidate.reportId(), candidate.receivedAtMillis());
            if (fingerprint.isEmpty()) {
                continue;
            }
            final double similarity = fingerprint.get().cosine(report.terms(), report.weights());
            if (similarity >= settings.threshold() && (best == null || similarity > best.similarity())) {
                best = new Match(fingerprint.get(), similarity, METHOD);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Remembers a decided report, then lets retention forget a bounded number of reports past the horizon. */
    public Fingerprint remember(final Prepared report, final String reportId, final String articleId, final String correspondentId,
                                final long receivedAtMillis, final CandidateIndex index) {
        final Fingerprint fingerprint = new Fingerprint(reportId, articleId, correspondentId, receivedAtMillis,
                report.terms(), Arrays.copyOf(report.weights(), report.weights().length));
        index.add(report.desk(), fingerprint, report.bandKeys());
        index.expire(receivedAtMillis - settings.horizonMillis(), DedupSettings.EXPIRED_PER_REPORT);
        return fingerprint;
    }
}
