package io.newswire.enrichment.language;

import io.newswire.model.Warning;

import java.util.List;

/**
 * What {@link ReportLanguageDetector} found in one report.
 *
 * @param language   BCP 47 primary language subtag ("ar", "en", "fr", "fa", "ur", "ckb"), or null when the text is
 *                   too short or has too few letters to tell (a headline of digits, a body of one word)
 * @param confidence 0 to 1 (three decimals), or null exactly when language is null; see
 *                   {@link ReportLanguageDetector} for how it is made
 * @param field      the field the detector read ("body", or "headline" when the body had too few letters); null
 *                   when language is null
 * @param rule       what decided: "lingua" (n-gram models), "lingua.script" (the only language we carry in that
 *                   script), "script.arabic" (Arabic by its letters) or "script.kurdish" (Sorani letters); null when language is null
 * @param warnings   empty, or one {@code language-mismatch} warning; never null
 */
public record LanguageDetection(String language, Double confidence, String field, String rule, List<Warning> warnings) {

    public LanguageDetection {
        warnings = List.copyOf(warnings);
    }

    static LanguageDetection unknown() {
        return new LanguageDetection(null, null, null, null, List.of());
    }
}
