package io.newswire.enrichment.urgency;

/**
 * A casualty figure found in a report: a number (digits or a number word) next to a word for killed or wounded.
 *
 * @param kind   killed or wounded
 * @param count  the figure; number words count as their lower bound ("عشرات" 20, "hundreds" 200)
 * @param field  the report field
 * @param start  start of the span from the number to the casualty word (or back), in the field as written
 * @param end    end of that span, exclusive
 * @param text   the span as written
 * @param figure the number as written
 */
public record Casualty(Kind kind, long count, String field, int start, int end, String text, String figure) {

    /** Which side of the toll. */
    public enum Kind {
        KILLED, WOUNDED;

        /** "killed" / "wounded", for rule names. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
