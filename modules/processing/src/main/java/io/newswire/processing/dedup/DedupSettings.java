package io.newswire.processing.dedup;

/**
 * Dedup's tuning, with the reasons for the defaults.
 *
 * @param threshold     cosine at or above which a NEW report joins an earlier story
 * @param keyTerms      rarest terms each report is posted and looked up under
 * @param maxPostings   reports kept per posting list (newest win): bounds lookup cost and store size
 * @param horizonMillis how far back a report is matched (dedup.horizon.ms, 72 h by default)
 */
public record DedupSettings(double threshold, int keyTerms, int maxPostings, long horizonMillis) {

    /** Chosen on our labelled set (dedup-quality.md): the middle of the range (0.35 to 0.50) with no error there. */
    public static final double DEFAULT_THRESHOLD = 0.40;
    /** Twenty rarest terms: with ten, rewordings sharing few rare words were never even compared (recall 0.73 on our set). */
    public static final int DEFAULT_KEY_TERMS = 20;
    public static final int DEFAULT_MAX_POSTINGS = 200;

    public static DedupSettings defaults(final long horizonMillis) {
        return new DedupSettings(DEFAULT_THRESHOLD, DEFAULT_KEY_TERMS, DEFAULT_MAX_POSTINGS, horizonMillis);
    }
}
