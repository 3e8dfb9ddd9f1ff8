package io.newswire.enrichment.places;

import io.newswire.enrichment.text.MatchingTextNormalizer;

import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words that are place names somewhere but far more often something else in a report: "السلام" (peace), "عين"
 * (eye, spring), "صور" (pictures, and Tyre), month and day names ("الخميس" is a town in Algeria), people's first
 * names ("سالم", and US towns that share a president's name), English words ("Police" in Poland, "Nice").
 * Two levels:
 * <ul>
 * <li>{@link Level#STOP}: never a place on its own; only a cue ("مدينة صور", "in the town of Hit") or the
 *     dateline makes it one.</li>
 * <li>{@link Level#WEAK}: a place only when the report names another place near it (same first-level division or
 *     within 150 km) or through a cue: "الباب" is a city of 130,000 near Aleppo and also "the door".</li>
 * </ul>
 * The list is data ({@value #BUILT_IN}, one word a line with its level), reviewed by hand against what the
 * resolver found in place-free Arabic text (see the package doc); month and weekday names come from the JDK's CLDR
 * data for Arabic (both month sets: يناير… and كانون الثاني…) and English, so they need no list. Words are kept in
 * matching form, so "الخميس" and "الخميس" with another hamza or teh marbuta spelling meet.
 */
public final class CommonWords {

    /** Classpath resource of the built-in list. */
    public static final String BUILT_IN = "/enrichment/places/common-words.txt";
    /**
     * Classpath resource of the derived list: gazetteer names that a general Arabic dictionary knows as words and
     * that no large entry bears (see weak_names.py), all WEAK (made by {@code data/places/derive.sh}).
     */
    public static final String DICTIONARY_WORDS = "/enrichment/places/dictionary-words.txt";

    /** How strongly a word argues against being a place. */
    public enum Level { STOP, WEAK }

    private final Map<String, Level> levels;

    private CommonWords(final Map<String, Level> levels) {
        this.levels = Map.copyOf(levels);
    }

    /** The built-in and derived lists, CLDR month and weekday names, and Lucene's Arabic and English stop words. */
    public static CommonWords builtIn(final MatchingTextNormalizer normalizer) {
        try (InputStream in = CommonWords.class.getResourceAsStream(BUILT_IN);
             InputStream derived = CommonWords.class.getResourceAsStream(DICTIONARY_WORDS)) {
            if (in == null) {
                throw new IllegalStateException("The built-in word list " + BUILT_IN + " is missing from the classpath");
            }
            final Map<String, Level> levels = new HashMap<>();
            readInto(levels, in, normalizer, BUILT_IN);
            if (derived != null) {
                readInto(levels, derived, normalizer, DICTIONARY_WORDS);
            }
            addGenerated(levels, normalizer);
            return new CommonWords(levels);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read " + BUILT_IN, e);
        }
    }

    /**
     * A list in the built-in format: {@code word<TAB>stop|weak}, '#' starts a comment; plus CLDR month and weekday
     * names as STOP.
     */
    public static CommonWords read(final InputStream in, final MatchingTextNormalizer normalizer) throws IOException {
        final Map<String, Level> levels = new HashMap<>();
        readInto(levels, in, normalizer, "word list");
        addGenerated(levels, normalizer);
        return new CommonWords(levels);
    }

    private static void readInto(final Map<String, Level> levels, final InputStream in, final MatchingTextNormalizer normalizer,
                                 final String source) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                final int hash = line.indexOf('#');
                final String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (content.isEmpty()) {
                    continue;
                }
                final String[] parts = content.split("\t+");
                if (parts.length != 2) {
                    throw new IOException(source + " line " + number + ": expected word<TAB>stop|weak, got: " + content);
                }
                put(levels, normalizer, parts[0], Level.valueOf(parts[1].strip().toUpperCase(Locale.ROOT)));
            }
        }
    }

    private static void addGenerated(final Map<String, Level> levels, final MatchingTextNormalizer normalizer) {
        // function words: "كان" (was), "حول" (around), "بين" (between) are towns somewhere
        for (final Object word : ArabicAnalyzer.getDefaultStopSet()) {
            put(levels, normalizer, new String((char[]) word), Level.STOP);
        }
        for (final Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            put(levels, normalizer, new String((char[]) word), Level.STOP);
        }
        for (final Locale locale : List.of(Locale.forLanguageTag("ar"), Locale.forLanguageTag("ar-SY"), Locale.ENGLISH)) {
            for (final Month month : Month.values()) {
                put(levels, normalizer, month.getDisplayName(TextStyle.FULL, locale), Level.STOP);
            }
            for (final DayOfWeek day : DayOfWeek.values()) {
                put(levels, normalizer, day.getDisplayName(TextStyle.FULL, locale), Level.STOP);
            }
        }
    }

    private static void put(final Map<String, Level> levels, final MatchingTextNormalizer normalizer, final String word, final Level level) {
        final String form = normalizer.matchingForm(word);
        if (!form.isEmpty()) {
            levels.merge(form, level, (a, b) -> a == Level.STOP || b == Level.STOP ? Level.STOP : Level.WEAK);
        }
    }

    /**
     * The level of a phrase in matching form ({@link MatchingTextNormalizer#matchingForm}); null when it is not
     * listed.
     */
    public Level level(final String matchingForm) {
        return levels.get(matchingForm);
    }

    /** How many words are listed (with CLDR's). */
    public int size() {
        return levels.size();
    }
}
