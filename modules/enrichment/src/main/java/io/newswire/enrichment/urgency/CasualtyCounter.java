package io.newswire.enrichment.urgency;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.ReportText;
import io.newswire.enrichment.text.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Casualty figures: a number within {@code window} words of a word for killed or wounded, in the same sentence
 * ("مقتل 12 مدنياً", "١٢ قتيلاً", "عشرات القتلى", "at least 30 people were killed", "dozens wounded"). Each number is
 * given to the nearest casualty word (a tie to the word before it: Arabic writes "مقتل 5 وإصابة 7"), so one figure
 * never counts twice. Digits are read in any script (the normaliser makes them ASCII) with thousands separators; a
 * four-digit year, a number touching '/' or ':' (dates, times) and a number followed by a unit ("12 كم", "5 years")
 * are not counts. Number words come from the data with their lower bound.
 *
 * <p>Words are matched with {@link PhraseMatcher} (clitic-aware: "بمقتل", "والقتلى"), never with regular
 * expressions over the text, so offsets are those of the text as written.
 */
public final class CasualtyCounter {

    private static final String SENTENCE_ENDS = ".!?\u061f\u061b;\n";
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;

    /** Dictionary entries: a casualty word or a number word. */
    private sealed interface Word permits Term, NumberWord {
    }

    private record Term(Casualty.Kind kind) implements Word {
    }

    private record NumberWord(long value) implements Word {
    }

    /** A number found in the tokens, with its token index. */
    private record Figure(int index, long value, int start, int end) {
    }

    /** A casualty word found in the tokens: first and last token index. */
    private record TermAt(int first, int last, Casualty.Kind kind, int start, int end, boolean conjoined) {
    }

    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", "\u0648", "\u0627\u0648");

    private final MatchingTextNormalizer normalizer;
    private final PhraseMatcher<Word> words;
    private final Set<String> notCounts;
    private final int window;

    CasualtyCounter(final JsonNode casualties, final MatchingTextNormalizer normalizer) {
        this.normalizer = normalizer;
        this.window = casualties.path("window").asInt(3);
        final PhraseMatcher.Builder<Word> builder = PhraseMatcher.builder(normalizer);
        for (final Casualty.Kind kind : Casualty.Kind.values()) {
            final Term term = new Term(kind);
            for (final JsonNode phrase : casualties.path(kind.label()).path("terms")) {
                builder.add(phrase.asText(), term);
            }
        }
        final Iterator<Map.Entry<String, JsonNode>> numbers = casualties.path("numberWords").fields();
        while (numbers.hasNext()) {
            final Map.Entry<String, JsonNode> number = numbers.next();
            builder.add(number.getKey(), new NumberWord(number.getValue().asLong()));
        }
        this.words = builder.build();
        this.notCounts = new HashSet<>();
        for (final JsonNode unit : casualties.path("notCounts")) {
            for (final Token token : normalizer.tokens("dictionary", unit.asText())) {
                notCounts.add(token.form());
            }
        }
    }

    /** The counter of the shipped urgency rules. */
    public static CasualtyCounter fromClasspath(final MatchingTextNormalizer normalizer) {
        return new CasualtyCounter(UrgencyRules.shippedJson().path("casualties"), normalizer);
    }

    /** Every casualty figure in the report's fields except the bio, in reading order. */
    public List<Casualty> find(final ReportText report) {
        final List<Casualty> found = new ArrayList<>();
        for (final ReportText.Field field : report.fields()) {
            if (!ReportText.BIO.equals(field.name())) {
                found.addAll(find(field.name(), field.text()));
            }
        }
        return found;
    }

    /** Every casualty figure in one field's text. */
    public List<Casualty> find(final String field, final String text) {
        return find(field, text, normalizer.tokens(field, text));
    }

    /**
     * Every casualty figure in one field's text, from its tokens as {@link MatchingTextNormalizer#tokens} made them
     * (so a caller that has them does not tokenise the field again).
     */
    public List<Casualty> find(final String field, final String text, final List<Token> tokens) {
        final int[] sentence = sentenceOf(tokens, text);
        final List<Figure> figures = new ArrayList<>();
        final List<TermAt> terms = new ArrayList<>();
        final Set<Integer> inPhrase = new HashSet<>();
        for (final PhraseMatcher.Match<Word> match : words.find(tokens)) {
            final int first = indexAt(tokens, match.start());
            final int last = indexAt(tokens, match.end() - 1);
            for (int i = first; i <= last; i++) {
                inPhrase.add(i);
            }
            final Word word = match.entries().get(0);
            if (word instanceof Term term) {
                terms.add(new TermAt(first, last, term.kind(), match.start(), match.end(),
                        match.proclitic().startsWith("\u0648") || match.proclitic().startsWith("\u0641")));
            } else if (word instanceof NumberWord number && isCount(tokens, last)) {
                figures.add(new Figure(first, number.value(), match.start(), match.end()));
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (!inPhrase.contains(i)) {
                final long value = digits(tokens.get(i).form());
                if (value >= 0 && !isYear(tokens.get(i).form(), value) && !touchesDateOrTime(text, tokens.get(i))
                        && isCount(tokens, i)) {
                    figures.add(new Figure(i, value, tokens.get(i).start(), tokens.get(i).end()));
                }
            }
        }
        figures.sort(java.util.Comparator.comparingInt(Figure::index));
        final List<Casualty> result = new ArrayList<>();
        for (final Figure figure : figures) {
            final TermAt term = nearest(tokens, terms, figure, sentence);
            if (term != null) {
                final int start = Math.min(figure.start(), term.start());
                final int end = Math.max(figure.end(), term.end());
                result.add(new Casualty(term.kind(), figure.value(), field, start, end, text.substring(start, end),
                        text.substring(figure.start(), figure.end())));
            }
        }
        return result;
    }

    /**
     * The casualty word a figure belongs to: within the window and the sentence; one not across a conjunction
     * first ("killed and hundreds wounded": hundreds go with wounded; "مقتل 5 وإصابة 7": 5 with مقتل), then the
     * nearest, then the one before the figure.
     */
    private TermAt nearest(final List<Token> tokens, final List<TermAt> terms, final Figure figure, final int[] sentence) {
        TermAt best = null;
        int bestRank = Integer.MAX_VALUE;
        for (final TermAt term : terms) {
            if (sentence[term.first()] != sentence[figure.index()]) {
                continue;
            }
            final boolean before = term.last() < figure.index();
            final int distance = before ? figure.index() - term.last() : term.first() - figure.index();
            if (distance < 1 || distance > window) {
                continue;
            }
            final boolean crosses = (!before && term.conjoined()) || conjunctionBetween(tokens,
                    before ? term.last() : figure.index(), before ? figure.index() : term.first());
            final int rank = (crosses ? 1000 : 0) + distance * 2 + (before ? 0 : 1);
            if (rank < bestRank) {
                best = term;
                bestRank = rank;
            }
        }
        return best;
    }

    private static boolean conjunctionBetween(final List<Token> tokens, final int from, final int to) {
        for (int i = from + 1; i < to; i++) {
            if (CONJUNCTIONS.contains(tokens.get(i).form())) {
                return true;
            }
        }
        return false;
    }

    private boolean isCount(final List<Token> tokens, final int last) {
        return last + 1 >= tokens.size() || !notCounts.contains(tokens.get(last + 1).form());
    }

    /** The value of a token of digits (with ',' or '.' thousands separators), or -1. */
    static long digits(final String form) {
        if (form.isEmpty() || !Character.isDigit(form.charAt(0))) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < form.length(); i++) {
            final char c = form.charAt(i);
            if (c >= '0' && c <= '9') {
                value = Math.min(value * 10 + (c - '0'), 1_000_000_000L);
            } else if (c == '.' && form.length() - i - 1 != 3) {
                return value; // a decimal point: the whole part counts
            } else if (c != ',' && c != '.' && c != '\u066c') {
                return -1; // "3rd", "2km": not a plain number
            }
        }
        return value;
    }

    private static boolean isYear(final String form, final long value) {
        return form.length() == 4 && value >= MIN_YEAR && value <= MAX_YEAR;
    }

    private static boolean touchesDateOrTime(final String text, final Token token) {
        final char before = token.start() > 0 ? text.charAt(token.start() - 1) : ' ';
        final char after = token.end() < text.length() ? text.charAt(token.end()) : ' ';
        return before == '/' || after == '/' || before == ':' || after == ':';
    }

    /** Sentence number of each token: a new sentence after . ! ? ؟ ؛ ; or a line break between two tokens. */
    static int[] sentenceOf(final List<Token> tokens, final String text) {
        final int[] sentence = new int[tokens.size()];
        int current = 0;
        for (int i = 1; i < tokens.size(); i++) {
            for (int c = tokens.get(i - 1).end(); c < tokens.get(i).start(); c++) {
                if (SENTENCE_ENDS.indexOf(text.charAt(c)) >= 0) {
                    current++;
                    break;
                }
            }
            sentence[i] = current;
        }
        return sentence;
    }

    private static int indexAt(final List<Token> tokens, final int offset) {
        int low = 0;
        int high = tokens.size() - 1;
        while (low <= high) {
            final int mid = (low + high) >>> 1;
            final Token token = tokens.get(mid);
            if (token.end() <= offset) {
                low = mid + 1;
            } else if (token.start() > offset) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return Math.max(0, Math.min(low, tokens.size() - 1));
    }
}
