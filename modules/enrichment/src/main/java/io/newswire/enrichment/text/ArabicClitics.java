package io.newswire.enrichment.text;

/**
 * The clitics Lucene's light stemmer leaves on an Arabic word, taken off so two hands' forms of one word meet:
 * a single proclitic ب/ل/ك/ف ("بدمشق", "لقصف" against "دمشق", "قصف"; Lucene takes only و and the ال combinations)
 * and an attached pronoun or verb plural ending هم/هن/كم/هما/نا/وا ("محالهم", "اغلقوا"). Applied to normalised
 * words (hamza seats and alef folded). A stem is never left shorter than {@link #MIN_STEM} letters, so short words
 * ("بيت", "فهم") stay whole; a long word that merely begins with ب is cut the same way in every report, which only
 * costs when two different words meet after the cut.
 */
final class ArabicClitics {

    static final int MIN_STEM = 3;
    private static final String PROCLITICS = "\u0628\u0644\u0643\u0641"; // ب ل ك ف
    private static final String[] ARTICLES = {"\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644", "\u0627\u0644"};
    private static final String[] SUFFIXES = {"\u0647\u0645\u0627", "\u0647\u0645", "\u0647\u0646", "\u0643\u0645", "\u0646\u0627", "\u0648\u0627"};

    private ArabicClitics() {
    }

    /** The word without an attached pronoun or verb plural ending, if a stem of at least MIN_STEM letters remains. */
    static int withoutSuffix(final char[] word, final int length) {
        for (final String suffix : SUFFIXES) {
            if (length - suffix.length() >= MIN_STEM && endsWith(word, length, suffix)) {
                return length - suffix.length();
            }
        }
        return length;
    }

    /**
     * Letters to drop from the front, if a stem of at least MIN_STEM letters remains: an article with or without a
     * proclitic (what Lucene's single prefix left of "وبالقصف" or "وللمدينة"), else one proclitic ب/ل/ك/ف.
     */
    static int procliticLength(final char[] word, final int length) {
        for (final String prefix : ARTICLES) {
            if (length - prefix.length() >= MIN_STEM && startsWith(word, length, prefix)) {
                return prefix.length();
            }
        }
        return length - 1 >= MIN_STEM && PROCLITICS.indexOf(word[0]) >= 0 ? 1 : 0;
    }

    private static boolean startsWith(final char[] word, final int length, final String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (word[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(final char[] word, final int length, final String suffix) {
        for (int i = 0; i < suffix.length(); i++) {
            if (word[length - suffix.length() + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
