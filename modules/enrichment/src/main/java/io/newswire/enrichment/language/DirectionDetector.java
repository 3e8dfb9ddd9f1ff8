package io.newswire.enrichment.language;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.TextDirection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Script direction of a text by its first strong character, the rule a browser or an e-mail client uses for a
 * paragraph without markup (Unicode bidi algorithm, UAX #9 rules P2 and P3): Hebrew and Arabic letters are strong
 * right-to-left, Latin letters strong left-to-right; digits, punctuation, spaces and marks are weak or neutral and
 * are skipped, and so is everything inside an isolate (LRI, RLI, FSI up to its PDI), which P2 says not to look into.
 * An Arabic report that opens with "250 مدنياً" or with a quoted "YPG" in an isolate is still right-to-left; one that
 * opens with the Latin word "NSO" is left-to-right, as it would be shown.
 *
 * <p>Per field, because a headline can be English over an Arabic body and a page lays out each on its own. A field
 * with no strong character at all (digits only) has no direction and is left out of the map, rather than guessed.
 */
public final class DirectionDetector {

    private static final int LRI = 0x2066;
    private static final int RLI = 0x2067;
    private static final int FSI = 0x2068;
    private static final int PDI = 0x2069;

    private DirectionDetector() {
    }

    /**
     * Direction of one text by its first strong character outside isolates.
     *
     * @param text any text; may be null
     * @return RTL or LTR, or null when the text has no strong character (null, empty, digits and punctuation only)
     */
    public static TextDirection direction(final String text) {
        if (text == null) {
            return null;
        }
        int isolates = 0;
        for (int i = 0; i < text.length(); ) {
            final int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == LRI || cp == RLI || cp == FSI) {
                isolates++;
                continue;
            }
            if (cp == PDI) {
                isolates = Math.max(0, isolates - 1);
                continue;
            }
            if (isolates > 0) {
                continue;
            }
            final byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return TextDirection.RTL;
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return TextDirection.LTR;
            }
        }
        return null;
    }

    /**
     * Direction of every field of the report that has one, by field name in reading order (headline, subheadline,
     * dateline, body, caption, caption.2 ..., bio): what {@code Enrichment.directions} holds.
     *
     * @param text the report's fields; never null
     * @return an unmodifiable map; fields without a strong character are absent
     */
    public static Map<String, TextDirection> directions(final ReportText text) {
        final Map<String, TextDirection> directions = new LinkedHashMap<>();
        for (final ReportText.Field field : text.fields()) {
            final TextDirection direction = direction(field.text());
            if (direction != null) {
                directions.put(field.name(), direction);
            }
        }
        return Collections.unmodifiableMap(directions);
    }

    /**
     * Direction of the body (paragraphs joined by newlines, so its first paragraph with a strong character decides):
     * what {@code Enrichment.direction} holds.
     *
     * @param text the report's fields; never null
     * @return RTL or LTR, or null when the body is missing or has no strong character
     */
    public static TextDirection bodyDirection(final ReportText text) {
        return direction(text.text(ReportText.BODY));
    }
}
