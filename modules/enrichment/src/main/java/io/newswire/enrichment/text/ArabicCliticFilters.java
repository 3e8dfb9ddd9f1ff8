package io.newswire.enrichment.text;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Token filters over {@link ArabicClitics} and the hamza seats, for {@link MatchingTextNormalizer}'s chains. */
final class ArabicCliticFilters {

    private ArabicCliticFilters() {
    }

    /** Pronoun and verb plural endings off, before Lucene's stemmer so it can then take a plural ("سياراتهم"). */
    static final class Suffixes extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        Suffixes(final TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            if (!input.incrementToken()) {
                return false;
            }
            term.setLength(ArabicClitics.withoutSuffix(term.buffer(), term.length()));
            return true;
        }
    }

    /** One proclitic ب/ل/ك/ف off, after Lucene's stemmer (which takes و, ال, بال, لل...): "وبدمشق" → "دمشق". */
    static final class Proclitics extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        Proclitics(final TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            if (!input.incrementToken()) {
                return false;
            }
            final int drop = ArabicClitics.procliticLength(term.buffer(), term.length());
            if (drop > 0) {
                final String rest = new String(term.buffer(), drop, term.length() - drop);
                term.setEmpty().append(rest);
            }
            return true;
        }
    }

    /**
     * ؤ to و and ئ to ي: writers who skip the hamza put its seat's bare letter ("سايق", "موسسه"); Lucene's
     * ArabicNormalizationFilter folds the alef seats (أ إ آ) but not these two.
     */
    static final class HamzaSeats extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        HamzaSeats(final TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            if (!input.incrementToken()) {
                return false;
            }
            final char[] buffer = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                if (buffer[i] == '\u0624') {
                    buffer[i] = '\u0648';
                } else if (buffer[i] == '\u0626') {
                    buffer[i] = '\u064a';
                }
            }
            return true;
        }
    }
}
