package io.newswire.processing.dedup;

/**
 * What dedup keeps of a report to compare later ones with: every distinct stemmed term (as its {@link TermHash}),
 * each with its tf-idf weight in the report's unit vector as it was when the report was decided, and where the
 * report went. Keeping all terms (not the strongest 80) lets a rewording that shares only the plain words still
 * score; freezing the weights lets a lookup score a candidate without reading the candidate's document frequencies.
 *
 * @param reportId         the report
 * @param articleId        the article it belongs to
 * @param correspondentId  who filed it
 * @param receivedAtMillis when the gateway received it: the horizon and the retention are measured from here
 * @param terms            distinct term hashes, ascending
 * @param weights          unit-vector weight of each term, same order
 */
public record Fingerprint(String reportId, String articleId, String correspondentId, long receivedAtMillis,
                          long[] terms, float[] weights) {

    public Fingerprint {
        if (terms.length != weights.length) {
            throw new IllegalArgumentException("one weight per term: " + terms.length + " terms, " + weights.length + " weights");
        }
    }

    /** Cosine with a unit vector over sorted term hashes: a merge of two sorted arrays. */
    public double cosine(final long[] otherTerms, final float[] otherWeights) {
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < terms.length && j < otherTerms.length) {
            if (terms[i] == otherTerms[j]) {
                dot += (double) weights[i++] * otherWeights[j++];
            } else if (terms[i] < otherTerms[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Math.min(1.0, dot);
    }
}
