package io.newswire.enrichment.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The matching form of a text: what dedup compares, never what anyone reads. Built from Lucene's analysis
 * chain rather than our own tables: Unicode NFC; words split by Unicode rules; case folded; every script's decimal
 * digits (Eastern Arabic, Persian) to ASCII; Arabic normalised (alef variants to bare alef, teh marbuta to heh,
 * alef maqsura to yeh, harakat and tatweel removed), hamza on waw and yeh to the bare seat, and Persian yeh/keheh
 * folded.
 * {@link #features} goes further for similarity: stop words out, Arabic light stemming (clitics and affixes off,
 * with the proclitics and pronoun endings Lucene's stemmer leaves: {@link ArabicClitics})
 * and Porter stemming for Latin words, so "the reports" and "reported" or "والمدنيين" and "المدني" meet.
 */
public final class MatchingTextNormalizer {

    private static final CharArraySet STOP_WORDS = stopWords();

    private final Analyzer normalizing = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(final String fieldName) {
            final Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, normalizingChain(tokenizer));
        }
    };

    private final Analyzer stemming = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(final String fieldName) {
            final Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = normalizingChain(tokenizer);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new ArabicCliticFilters.Suffixes(stream);
            stream = new ArabicStemFilter(stream);
            stream = new ArabicCliticFilters.Proclitics(stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    private static TokenStream normalizingChain(final TokenStream tokens) {
        TokenStream stream = new LowerCaseFilter(tokens);
        stream = new DecimalDigitFilter(stream);
        stream = new ArabicNormalizationFilter(stream);
        stream = new ArabicCliticFilters.HamzaSeats(stream);
        return new PersianNormalizationFilter(stream);
    }

    /** The normalised words of the text, joined by single spaces. */
    public String matchingForm(final String text) {
        return String.join(" ", tokens(normalizing, text));
    }

    /**
     * The words of one field with their spans in the original text, in matching form: what dictionaries and rules
     * match against, so a match can point at the words as written. The text is taken as stored (already NFC at the
     * gateway), so offsets are offsets into the field as the report carries it.
     */
    public List<Token> tokens(final String field, final String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        // every enrichment step reads the same fields of the same report: analyse each once per thread, not per step
        final RecentTokens recent = RECENT_TOKENS.get();
        final TokenList cached = recent.get(field, text);
        if (cached != null) {
            return cached;
        }
        final TokenList tokens = new TokenList(analyse(field, text));
        recent.put(field, text, tokens);
        return tokens;
    }

    /**
     * The last fields analysed on this thread, matched by the text's identity (only the very same string is a hit):
     * a report's fields are read by seven steps in a row. Oldest out first, so a report of up to {@link #SIZE} fields
     * is analysed once whatever the strings' hash codes.
     */
    private static final class RecentTokens {
        static final int SIZE = 16;
        private final String[] fields = new String[SIZE];
        private final String[] texts = new String[SIZE];
        private final TokenList[] tokens = new TokenList[SIZE];
        private int next;

        TokenList get(final String field, final String text) {
            for (int i = 0; i < SIZE; i++) {
                if (texts[i] == text && field.equals(fields[i])) {
                    return tokens[i];
                }
            }
            return null;
        }

        void put(final String field, final String text, final TokenList list) {
            fields[next] = field;
            texts[next] = text;
            tokens[next] = list;
            next = (next + 1) % SIZE;
        }
    }

    private static final ThreadLocal<RecentTokens> RECENT_TOKENS = ThreadLocal.withInitial(RecentTokens::new);

    private List<Token> analyse(final String field, final String text) {
        final List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = normalizing.tokenStream(field, text)) {
            final CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            final OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 0) {
                    tokens.add(new Token(field, offset.startOffset(), offset.endOffset(), term.toString()));
                }
            }
            stream.end();
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading from a string cannot fail", e);
        }
        return tokens;
    }

    /** Normalised, stemmed words without stop words: the features similarity is computed on. */
    public List<String> features(final String text) {
        return tokens(stemming, text);
    }

    private static List<String> tokens(final Analyzer analyzer, final String text) {
        final List<String> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream("text", Normalizer.normalize(text, Normalizer.Form.NFC))) {
            final CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading from a string cannot fail", e);
        }
        return tokens;
    }

    private static CharArraySet stopWords() {
        // Arabic stop words are normalised like the text, or "إلى" would survive as "الى"
        final CharArraySet set = new CharArraySet(1_000, true);
        final Analyzer normalizer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(final String fieldName) {
                final Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, normalizingChain(tokenizer));
            }
        };
        for (final Object word : ArabicAnalyzer.getDefaultStopSet()) {
            set.addAll(tokens(normalizer, new String((char[]) word)));
        }
        set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        normalizer.close();
        return CharArraySet.unmodifiableSet(set);
    }
}
