package io.newswire.enrichment.text;

/**
 * A word of a field: where it stands in the original text and its matching form (see
 * {@link MatchingTextNormalizer#matchingForm}: case folded, digits to ASCII, Arabic normalised, hamza seats bare).
 *
 * @param field the {@link ReportText} field name
 * @param start offset of the word's first UTF-16 unit in the field's text
 * @param end   offset after its last unit
 * @param form  the matching form; never empty
 */
public record Token(String field, int start, int end, String form) {
}
