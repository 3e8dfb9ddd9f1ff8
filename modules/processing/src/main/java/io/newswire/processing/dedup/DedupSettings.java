package io.newswire.processing.dedup;

/**
 * Dedup's tuning, with the reasons for the defaults (figures in modules/processing/dedup-quality.md).
 *
 * @param threshold        cosine at or above which a NEW report joins an earlier story
 * @param bands            MinHash bands a report is posted and looked up under
 * @param rowsPerBand      MinHash rows hashed into one band key
 * @param maxPostings      newest entries read per band key: bounds a lookup's cost whatever the history
 * @param scoredCandidates candidates (those sharing the most band keys) scored by cosine per lookup
 * @param horizonMillis    how far back a report is matched (dedup.horizon.ms, 72 h by default); also the retention
 *                         of every dedup store: fingerprints, postings and term counts older than this are deleted
 */
public record DedupSettings(double threshold, int bands, int rowsPerBand, int maxPostings, int scoredCandidates,
                            long horizonMillis) {

    /** Chosen on the tuning half of the labelled set only (see dedup-quality.md). */
    public static final double DEFAULT_THRESHOLD = 0.36;
    /**
     * 32 bands of 1 row: a pair of Jaccard 0.1 shares a band with probability 0.97, of 0.2 with 0.999. Rewordings by
     * another hand share few words (Jaccard 0.1 to 0.3 on stemmed unigrams), so bands of two rows (0.28 at 0.1)
     * missed them; one-row bands are cheap here because candidates are rescored exactly.
     */
    public static final int DEFAULT_BANDS = 32;
    public static final int DEFAULT_ROWS_PER_BAND = 1;
    /**
     * A lookup walks at most bands × this many retained reports, and walking them (one cache miss each) was most of a
     * lookup's cost at 100k stored (StoreDedupBenchmark: 200 gave 0.54 ms at 100k). Lists keep the newest, where
     * updates and rewordings are; a list only reaches 64 when a term is in 64 of the horizon's reports while still
     * under BAND_MAX_SHARE of them, i.e. past 3,200 reports on one desk within the horizon (about 1,000 a day on a
     * 72 h horizon), and a true pair shares several band keys, so one cut list rarely hides it.
     */
    public static final int DEFAULT_MAX_POSTINGS = 64;
    public static final int DEFAULT_SCORED_CANDIDATES = 16;
    /** Terms in more than this share of the desk's reports are not banded on (see NearDuplicateDetector.bandTerms). */
    public static final double BAND_MAX_SHARE = 0.02;
    /** ... but a term in this many reports or fewer always is: a young desk's counts say little. */
    public static final long BAND_MIN_FREQUENCY_CAP = 10;
    /** Reports without a term the idf pretends a desk also has (see NearDuplicateDetector.idf). */
    public static final double IDF_PRIOR_DOCUMENTS = 50;
    /**
     * A figure's weight against a word's: two reports sharing "23" dead or "15000" lira are one event more often
     * than two sharing a town's name (see dedup-quality.md).
     */
    public static final double FIGURE_WEIGHT = 2.0;
    /** Reports forgotten at most per remembered report: twice the arrival rate, so retention keeps up after a lull. */
    public static final int EXPIRED_PER_REPORT = 2;

    public static DedupSettings defaults(final long horizonMillis) {
        return new DedupSettings(DEFAULT_THRESHOLD, DEFAULT_BANDS, DEFAULT_ROWS_PER_BAND, DEFAULT_MAX_POSTINGS,
                DEFAULT_SCORED_CANDIDATES, horizonMillis);
    }

    public DedupSettings withThreshold(final double other) {
        return new DedupSettings(other, bands, rowsPerBand, maxPostings, scoredCandidates, horizonMillis);
    }

    public DedupSettings withBands(final int otherBands, final int otherRows) {
        return new DedupSettings(threshold, otherBands, otherRows, maxPostings, scoredCandidates, horizonMillis);
    }
}
