package io.newswire.enrichment.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Warning;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The language a report is written in, how sure we are, and a {@code language-mismatch} warning when that
 * contradicts what the correspondent declared. Never an error: a wrong declaration is worth a look, not a lost report.
 *
 * <p><b>What it reads.</b> The headline and the first {@link Settings#sampleChars()} characters of the body (200 by
 * default, cut at a space), with tatweel, harakat and format characters taken out (they are absent from the models'
 * training text and only dilute the n-grams) and Arabic presentation forms folded (NFKC, for text pasted from a PDF).
 * A report's language shows in its first lines: on the benchmark's reports 200, 400, 800 characters and the whole
 * text were all right, while the cost grows with the length.
 *
 * <p><b>Arabic by its letters.</b> When most words are in Arabic script and none uses a letter outside the Arabic
 * alphabet (no Persian, Urdu or Kurdish letter: پ چ ژ گ ی ک ے ہ ...), the text is Arabic without asking Lingua
 * (rule "script.arabic"). Persian and Urdu keyboards type ی and ک, so their text nearly always shows such a letter and
 * still goes to Lingua, which then tells Arabic, Persian and Urdu apart. This takes an Arabic report from 250 to 1,100
 * µs of CPU to 15 to 45 µs (LanguageDetectorBenchmark); what it costs is Persian typed on an Arabic keyboard (ي ك),
 * which it calls Arabic (both such headlines of the benchmark). Latin-script text always goes to Lingua (English
 * against French, 250 to 480 µs).
 *
 * <p><b>Which languages.</b> Lingua restricted to those we carry (Arabic, English, French) plus every other
 * Arabic-script language it has (Persian, Urdu). Without them Lingua's script rule calls any Arabic-script text
 * Arabic at certainty 1.0, Persian and Urdu included (7 of the benchmark's 9), hiding the very mismatch we want to
 * see. Lingua has no Kurdish; Central Kurdish (Sorani) is recognised by its own letters (ڕ ڵ ێ ۆ ە, see
 * {@link ScriptProfile}) and reported as "ckb". Kurmanji, written in Latin letters, is not recognised (it comes out
 * as French or English). Low-accuracy mode: it was as accurate as high accuracy on every headline of the benchmark,
 * holds 13 MB instead of 158 MB and loads in well under a second instead of 2 to 7 s; and from 120 characters on
 * Lingua scores trigrams only in both modes, so on a report's sample the two compute the same thing.
 *
 * <p><b>Confidence.</b> Lingua 1.2 gives the top language 1.0 and every other a ratio of log-likelihoods, which does
 * not grow with the amount of text. Ours is {@code separation × evidence}: separation is how far the runner-up is
 * behind, {@code (1 - runnerUp) / 0.25} capped at 1 (1 when a script rule decided or only one candidate was left),
 * and evidence is how much text there was, {@code letters / 60} capped at 1. Under 10 letters (a name, a number)
 * there is no language at all. A mismatch is warned about from {@link Settings#warnAt()} (0.6): it takes at least 36
 * letters of clearly separated text, so a headline of a few words never warns on its own. No labelled headline of the
 * benchmark was detected wrong, in any configuration.
 *
 * <p><b>Costs.</b> Lingua keeps its models in static maps shared by every detector of the JVM; they are loaded
 * when this detector is built, not on the first report. Lingua scores on {@code ForkJoinPool.commonPool()}, so a call
 * borrows a pool thread; the benchmark reports CPU time per report, not wall time. Deterministic: the same text gives
 * the same answer. Thread-safe once built.
 */
public final class ReportLanguageDetector {

    /** Fewer letters than this is no evidence of a language at all. */
    static final int MIN_LETTERS = 10;
    /** Letters at which the evidence factor reaches 1. */
    static final int FULL_EVIDENCE_LETTERS = 60;
    /** Runner-up ratio gap at which the separation factor reaches 1. */
    static final double FULL_SEPARATION = 0.25;
    /** How far past sampleChars a cut may look for a space, so no word is split. */
    private static final int WORD_SLACK = 32;
    public static final String MISMATCH = "language-mismatch";

    /**
     * @param languages   BCP 47 primary subtags Lingua should consider (ISO 639-1 codes it knows)
     * @param lowAccuracy Lingua's low-accuracy mode (trigrams only, ~7 MB instead of ~160 MB for five languages)
     * @param sampleChars how many body characters are read after the headline; 0 reads the whole body
     * @param warnAt      confidence from which a mismatch with the declared language is warned about
     * @param arabicByLetters call a mostly Arabic-script text whose letters are all of the Arabic alphabet Arabic
     *                    without asking Lingua (see the class header); only when "ar" is among the languages
     */
    public record Settings(Set<String> languages, boolean lowAccuracy, int sampleChars, double warnAt, boolean arabicByLetters) {
        public Settings {
            languages = Set.copyOf(new TreeSet<>(languages));
            if (languages.isEmpty()) {
                throw new IllegalArgumentException("at least one language");
            }
            if (sampleChars < 0) {
                throw new IllegalArgumentException("sampleChars must be 0 (whole body) or positive: " + sampleChars);
            }
            if (warnAt < 0 || warnAt > 1) {
                throw new IllegalArgumentException("warnAt must be within 0..1: " + warnAt);
            }
        }

        /** Arabic, English, French, Persian, Urdu; low accuracy; 200 body characters; warn from 0.6; Arabic by letters. */
        public static Settings defaults() {
            return new Settings(Set.of("ar", "en", "fr", "fa", "ur"), true, 200, 0.6, true);
        }

        public Settings withLanguages(final Set<String> other) {
            return new Settings(other, lowAccuracy, sampleChars, warnAt, arabicByLetters);
        }

        public Settings withLowAccuracy(final boolean other) {
            return new Settings(languages, other, sampleChars, warnAt, arabicByLetters);
        }

        public Settings withSampleChars(final int other) {
            return new Settings(languages, lowAccuracy, other, warnAt, arabicByLetters);
        }

        public Settings withWarnAt(final double other) {
            return new Settings(languages, lowAccuracy, sampleChars, other, arabicByLetters);
        }

        public Settings withArabicByLetters(final boolean other) {
            return new Settings(languages, lowAccuracy, sampleChars, warnAt, other);
        }
    }

    private final Settings settings;
    private final LanguageDetector lingua;
    private final boolean arabicByLetters;

    /** Builds the detector and loads its models (for the defaults about half a second and 7 MB). */
    public ReportLanguageDetector(final Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        final Language[] languages = settings.languages().stream().map(ReportLanguageDetector::linguaLanguage)
                .sorted().toArray(Language[]::new);
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages).withPreloadedLanguageModels();
        if (settings.lowAccuracy()) {
            builder = builder.withLowAccuracyMode();
        }
        this.lingua = builder.build();
        this.arabicByLetters = settings.arabicByLetters() && settings.languages().contains("ar");
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The language of the report.
     *
     * @param text     the report's fields; never null
     * @param declared the declared language, a BCP 47 tag ("ar", "en-GB"); may be null or blank (then never a
     *                 mismatch)
     * @return the detection; language null when there were too few letters
     */
    public LanguageDetection detect(final ReportText text, final String declared) {
        final String body = text.text(ReportText.BODY);
        final String field = body.isBlank() ? ReportText.HEADLINE : ReportText.BODY;
        final String sample = clean(text.text(ReportText.HEADLINE) + "\n" + prefix(body, settings.sampleChars()));
        final ScriptProfile profile = ScriptProfile.of(sample);
        if (profile.letters() < MIN_LETTERS) {
            return LanguageDetection.unknown();
        }
        final double evidence = Math.min(1.0, profile.letters() / (double) FULL_EVIDENCE_LETTERS);
        final String language;
        final double separation;
        final String rule;
        if (profile.looksSorani()) {
            language = "ckb";
            separation = 1.0;
            rule = "script.kurdish";
        } else if (arabicByLetters && profile.arabicByLetters()) {
            language = "ar";
            separation = 1.0;
            rule = "script.arabic";
        } else {
            final Map<Language, Double> values = lingua.computeLanguageConfidenceValues(sample);
            Language top = null;
            double topValue = -1;
            double runnerUp = 0;
            for (final Map.Entry<Language, Double> entry : values.entrySet()) {
                final double value = entry.getValue();
                if (value > topValue) {
                    runnerUp = Math.max(runnerUp, topValue);
                    top = entry.getKey();
                    topValue = value;
                } else {
                    runnerUp = Math.max(runnerUp, value);
                }
            }
            if (top == null || top == Language.UNKNOWN || runnerUp >= topValue) {
                return LanguageDetection.unknown();
            }
            language = top.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
            separation = values.size() == 1 ? 1.0 : Math.min(1.0, (topValue - runnerUp) / topValue / FULL_SEPARATION);
            rule = values.size() == 1 ? "lingua.script" : "lingua";
        }
        final double confidence = Math.round(separation * evidence * 1000) / 1000.0;
        return new LanguageDetection(language, confidence, field, rule, mismatch(declared, language, confidence, field, rule));
    }

    private List<Warning> mismatch(final String declared, final String detected, final double confidence,
                                   final String field, final String rule) {
        if (declared == null || declared.isBlank() || confidence < settings.warnAt()) {
            return List.of();
        }
        final String primary = primaryLanguage(declared);
        if (primary.isEmpty() || primary.equals(detected)) {
            return List.of();
        }
        final String message = String.format(Locale.ROOT,
                "Declared language is %s (\"%s\") but the %s reads as %s (confidence %.2f, %s)",
                primary, declared, field, detected, confidence, rule);
        return List.of(Warning.newBuilder().setCode(MISMATCH).setField(field).setMessage(message).build());
    }

    /**
     * The primary language subtag of a BCP 47 tag, lower case, with the individual languages we may meet folded into
     * the macrolanguage detection reports: Levantine, Egyptian, Gulf, Maghrebi... Arabic to "ar", Kurdish "ku" and
     * its varieties to "ckb" (the only Kurdish we detect), Iranian Persian and Dari to "fa".
     */
    static String primaryLanguage(final String tag) {
        final String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return switch (language) {
            case "arb", "apc", "ajp", "acm", "acq", "acw", "afb", "aeb", "arq", "ary", "arz", "ars", "ayl", "ayp", "apd", "shu" -> "ar";
            case "ku", "kmr", "sdh" -> "ckb";
            case "pes", "prs" -> "fa";
            default -> language;
        };
    }

    /** The first chars of the text, cut at the next whitespace (within a few characters) so no word is split. */
    static String prefix(final String text, final int chars) {
        if (chars == 0 || text.length() <= chars) {
            return text;
        }
        int end = chars;
        final int limit = Math.min(text.length(), chars + WORD_SLACK);
        while (end < limit && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /**
     * Tatweel, harakat (and the superscript alef) and format characters (bidi marks, zero-width joiners) out;
     * Arabic presentation forms folded to letters.
     */
    static String clean(final String text) {
        final String stripped = strip(text);
        for (int i = 0; i < stripped.length(); i++) {
            final char c = stripped.charAt(i);
            if ((c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFE')) {
                // NFKC can bring harakat back out of a presentation form, so the folded text is stripped once more
                return strip(Normalizer.normalize(stripped, Normalizer.Form.NFKC));
            }
        }
        return stripped;
    }

    private static String strip(final String text) {
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '\u0640' || (c >= '\u064B' && c <= '\u065F') || c == '\u0670'
                    || Character.getType(c) == Character.FORMAT) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static Language linguaLanguage(final String code) {
        try {
            final Language language = Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
            if (language == Language.UNKNOWN) {
                throw new IllegalArgumentException("Lingua has no language " + code);
            }
            return language;
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("Lingua has no language with the ISO 639-1 code " + code, e);
        }
    }
}
