package io.newswire.enrichment.dates;

import java.time.LocalDate;

/**
 * One written date as found, before mentions of the same date are grouped.
 *
 * @param field     the field it is in
 * @param start     offset of its first character in the field's original text
 * @param end       offset after its last
 * @param paragraph for the body, the index of the paragraph it is in (0 is the lead); 0 elsewhere
 * @param rule      the rule id that read it ("date.numeric.dmy", "date.relative.yesterday" ...)
 * @param score     how sure the reading is, 0 to 1
 * @param relative  resolved against the filed date (a relative expression or a weekday)
 * @param imprecise names a span rather than a day ("last week")
 */
record DateCandidate(LocalDate date, String field, int start, int end, int paragraph, String rule, double score,
                     boolean relative, boolean imprecise) {

    DateCandidate withStart(final int newStart) {
        return new DateCandidate(date, field, newStart, end, paragraph, rule, score, relative, imprecise);
    }

    DateCandidate withScore(final double newScore) {
        return new DateCandidate(date, field, start, end, paragraph, rule, newScore, relative, imprecise);
    }
}
