package io.newswire.enrichment.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds dictionary phrases (place names, party names and abbreviations, attribution phrases, topic terms) in a
 * report, Arabic-aware: both sides are compared in matching form (hamza, alef, teh marbuta and alef maqsura
 * variants meet, digits are ASCII), and the first word of a phrase may carry the proclitics Arabic writes onto it
 * (و ف ب ل ك, the article ال and their combinations: "وبالرقة", "للرقة", "فحلب"). Words after the first must match
 * exactly: "ريف حلب الشمالي" is three words as written. Matching forms are normalised, never stemmed, because
 * Lucene's stemmer turns الرقة into رق and would make every name ambiguous.
 *
 * <p>Left to right, longest phrase first, never overlapping: "ريف حلب" wins over "حلب" at the same place. A phrase
 * may stand for several entries (الرقة in Syria and in Kuwait); the caller chooses among them.
 *
 * @param <T> the dictionary entry type
 */
public final class PhraseMatcher<T> {

    /**
     * Proclitic combinations, longest first, so "وبالرقة" loses "وبال" and not just "و". A remainder shorter than
     * {@link #MIN_REMAINDER} letters is never tried ("وب" is not "ب" + a name).
     */
    private static final String[] PROCLITICS = {
        "\u0648\u0628\u0627\u0644", "\u0648\u0643\u0627\u0644", "\u0648\u0644\u0644", "\u0641\u0628\u0627\u0644",
        "\u0648\u0627\u0644", "\u0641\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0644\u0644",
        "\u0644\u0644", "\u0627\u0644", "\u0648\u0628", "\u0648\u0644", "\u0648\u0643", "\u0641\u0628", "\u0641\u0644",
        "\u0648", "\u0641", "\u0628", "\u0644", "\u0643"};
    private static final String ARTICLE = "\u0627\u0644";
    /** The letters a proclitic combination starts with: و ف ب ل ك and the alef of ال. */
    private static final String PROCLITIC_LETTERS = "\u0648\u0641\u0628\u0644\u0643\u0627";
    static final int MIN_REMAINDER = 2;

    /** One phrase of the dictionary in matching form, and every entry it stands for. */
    private record Phrase<T>(String written, List<String> forms, List<T> entries) {
    }

    /**
     * A phrase found in the text.
     *
     * @param entries  every dictionary entry the phrase stands for; at least one
     * @param phrase   the dictionary phrase as it was added
     * @param field    the field it was found in
     * @param start    offset of the match in the field's text
     * @param end      offset after it
     * @param proclitic the proclitic taken off the first word ("" when the words matched as written)
     */
    public record Match<T>(List<T> entries, String phrase, String field, int start, int end, String proclitic) {
        /** The matched text as written, from the field it was found in. */
        public String text(final ReportText report) {
            return report.text(field).substring(start, end);
        }
    }

    private final MatchingTextNormalizer normalizer;
    private final Map<String, List<Phrase<T>>> byFirstForm;
    /**
     * One bit per first form's hash, about {@link #BITS_PER_FORM} bits a form: most words of a text open no phrase,
     * and a clear bit says so without a probe into the map (the gazetteer's is built from 98,219 names).
     */
    private final long[] firstFormBits;
    private static final int BITS_PER_FORM = 8;

    private PhraseMatcher(final MatchingTextNormalizer normalizer, final Map<String, List<Phrase<T>>> byFirstForm) {
        this.normalizer = normalizer;
        this.byFirstForm = byFirstForm;
        this.firstFormBits = new long[Math.max(1, Integer.highestOneBit(Math.max(1, byFirstForm.size() * BITS_PER_FORM / 64)) * 2)];
        for (final String form : byFirstForm.keySet()) {
            final int bit = bitOf(form);
            firstFormBits[bit >>> 6] |= 1L << bit;
        }
    }

    /** The phrases a first form opens, longest first; null for none. */
    private List<Phrase<T>> phrasesOpenedBy(final String form) {
        final int bit = bitOf(form);
        return (firstFormBits[bit >>> 6] & 1L << bit) == 0 ? null : byFirstForm.get(form);
    }

    /** A bit of {@link #firstFormBits} for a form: its hash (cached by String) mixed, within the table. */
    private int bitOf(final String form) {
        return (form.hashCode() * 0x9E3779B9 >>> 7) & (firstFormBits.length * 64 - 1);
    }

    public static <T> Builder<T> builder(final MatchingTextNormalizer normalizer) {
        return new Builder<>(normalizer);
    }

    /** Every phrase in every field of the report. */
    public List<Match<T>> find(final ReportText report) {
        final List<Match<T>> matches = new ArrayList<>();
        for (final ReportText.Field field : report.fields()) {
            matches.addAll(find(normalizer.tokens(field.name(), field.text())));
        }
        return matches;
    }

    /** Every phrase in a run of tokens from one field (as {@link MatchingTextNormalizer#tokens} makes them). */
    public List<Match<T>> find(final List<Token> tokens) {
        final List<Match<T>> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            final Match<T> match = longestAt(tokens, i);
            if (match == null) {
                i++;
            } else {
                matches.add(match);
                i += wordsOf(match, tokens, i);
            }
        }
        return matches;
    }

    private Match<T> longestAt(final List<Token> tokens, final int at) {
        final LookupKeys keys = tokens instanceof TokenList list ? list.keys(at) : LookupKeys.of(tokens.get(at).form());
        Best<T> best = null;
        for (int k = 0; k < keys.forms.length; k++) {
            best = longerOf(best, phrasesOpenedBy(keys.forms[k]), tokens, at, keys.proclitics[k]);
        }
        if (best == null) {
            return null;
        }
        final Token first = tokens.get(at);
        final Token last = tokens.get(at + best.phrase().forms().size() - 1);
        return new Match<>(best.phrase().entries(), best.phrase().written(), first.field(), first.start(), last.end(), best.proclitic());
    }

    /**
     * What a word of the text is looked up under, in the order the lookups are tried: as written first, so an exact
     * name beats a name found by taking letters off ("لبنان" is not ل + "بنان"); then without each proclitic it
     * really starts with, longest first (a remainder is cut only for those); then without an English possessive
     * ("Aleppo's" is one token to the tokenizer). The same for every dictionary, so {@link TokenList} keeps them.
     */
    static final class LookupKeys {
        private static final String[] NONE = {""};
        final String[] forms;
        /** The proclitic taken off for each form ("" for the form as written and without a possessive). */
        final String[] proclitics;

        private LookupKeys(final String[] forms, final String[] proclitics) {
            this.forms = forms;
            this.proclitics = proclitics;
        }

        static LookupKeys of(final String form) {
            // most words carry no proclitic and no possessive: one key, nothing cut
            final boolean proclitic = form.length() > MIN_REMAINDER && PROCLITIC_LETTERS.indexOf(form.charAt(0)) >= 0;
            final boolean possessive = form.endsWith("'s") || form.endsWith("\u2019s");
            if (!proclitic && !possessive) {
                return new LookupKeys(new String[] {form}, NONE);
            }
            final String[] forms = new String[PROCLITICS.length + 2];
            final String[] proclitics = new String[forms.length];
            int n = 0;
            forms[n] = form;
            proclitics[n++] = "";
            if (proclitic) {
                for (final String p : PROCLITICS) {
                    if (form.length() - p.length() >= MIN_REMAINDER && form.startsWith(p)) {
                        forms[n] = form.substring(p.length());
                        proclitics[n++] = p;
                    }
                }
            }
            if (possessive) {
                forms[n] = form.substring(0, form.length() - 2);
                proclitics[n++] = "";
            }
            return new LookupKeys(Arrays.copyOf(forms, n), Arrays.copyOf(proclitics, n));
        }
    }

    private record Best<T>(Phrase<T> phrase, String proclitic) {
    }

    /** The longest of these phrases that matches at the position, if longer than the best so far. */
    private static <T> Best<T> longerOf(final Best<T> best, final List<Phrase<T>> phrases, final List<Token> tokens, final int at,
                                        final String proclitic) {
        if (phrases == null) {
            return best;
        }
        for (final Phrase<T> phrase : phrases) { // longest first
            if (best != null && phrase.forms().size() <= best.phrase().forms().size()) {
                return best;
            }
            if (restMatches(phrase, tokens, at)) {
                return new Best<>(phrase, proclitic);
            }
        }
        return best;
    }

    private static <T> boolean restMatches(final Phrase<T> phrase, final List<Token> tokens, final int at) {
        final List<String> forms = phrase.forms();
        if (at + forms.size() > tokens.size()) {
            return false;
        }
        for (int k = 1; k < forms.size(); k++) {
            if (!tokens.get(at + k).form().equals(forms.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static <T> int wordsOf(final Match<T> match, final List<Token> tokens, final int at) {
        int n = 0;
        while (at + n < tokens.size() && tokens.get(at + n).start() < match.end()) {
            n++;
        }
        return Math.max(1, n);
    }

    /** Collects phrases; the same phrase added for two entries stands for both. */
    public static final class Builder<T> {
        private final MatchingTextNormalizer normalizer;
        private final Map<String, Phrase<T>> phrases = new LinkedHashMap<>();

        private Builder(final MatchingTextNormalizer normalizer) {
            this.normalizer = normalizer;
        }

        /** Adds a phrase as written (any orthography); phrases that normalise to nothing are ignored. */
        public Builder<T> add(final String phrase, final T entry) {
            final List<String> forms = new ArrayList<>();
            for (final Token token : normalizer.tokens("dictionary", phrase)) {
                forms.add(token.form());
            }
            if (forms.isEmpty()) {
                return this;
            }
            final String key = String.join(" ", forms);
            final Phrase<T> existing = phrases.computeIfAbsent(key, k -> new Phrase<>(phrase, List.copyOf(forms), new ArrayList<>()));
            if (!existing.entries().contains(entry)) {
                existing.entries().add(entry);
            }
            return this;
        }

        public PhraseMatcher<T> build() {
            final Map<String, List<Phrase<T>>> byFirst = new HashMap<>();
            for (final Phrase<T> phrase : phrases.values()) {
                final Phrase<T> frozen = new Phrase<>(phrase.written(), phrase.forms(), List.copyOf(phrase.entries()));
                final String first = frozen.forms().get(0);
                byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(frozen);
                // "الرقة" is also reached from "للرقة" (ل + ال written as لل) and from a text that drops the article
                if (first.startsWith(ARTICLE) && first.length() - ARTICLE.length() >= MIN_REMAINDER) {
                    byFirst.computeIfAbsent(first.substring(ARTICLE.length()), k -> new ArrayList<>()).add(frozen);
                }
            }
            for (final List<Phrase<T>> list : byFirst.values()) {
                list.sort(Comparator.comparingInt((Phrase<T> p) -> p.forms().size()).reversed());
            }
            return new PhraseMatcher<>(normalizer, Collections.unmodifiableMap(byFirst));
        }
    }
}
