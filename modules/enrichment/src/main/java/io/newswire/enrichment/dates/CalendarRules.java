package io.newswire.enrichment.dates;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How a date written without its year, or as a weekday, is placed on the calendar, relative to the day the report
 * was filed in the correspondent's zone. News reports what happened, so the past is preferred; a date a little
 * ahead (an announced vote, a deadline) is allowed up to {@link #FUTURE_WINDOW_DAYS} days.
 */
final class CalendarRules {

    /** How far after the filed date a day and month without year may fall before the past occurrence is taken. */
    static final int FUTURE_WINDOW_DAYS = 31;
    private static final int LEAP_SEARCH_YEARS = 8;

    private CalendarRules() {
    }

    /**
     * The year of a day and month written without one.
     *
     * @param direction -1 for "الماضي"/"last" (the latest occurrence before the filed date), +1 for "المقبل"/"next"
     *                  (the first after it), 0 for none: the occurrence nearest the filed date among those no more than
     *                  FUTURE_WINDOW_DAYS after it (a tie goes to the past)
     * @return the date, or null when no year has that day (31 February)
     */
    static LocalDate dayMonth(final int month, final int day, final LocalDate filed, final int direction) {
        final MonthDay monthDay;
        try {
            monthDay = MonthDay.of(month, day);
        } catch (final DateTimeException e) {
            return null;
        }
        if (direction < 0) {
            for (int year = filed.getYear(); year >= filed.getYear() - LEAP_SEARCH_YEARS; year--) {
                if (monthDay.isValidYear(year) && monthDay.atYear(year).isBefore(filed)) {
                    return monthDay.atYear(year);
                }
            }
            return null;
        }
        if (direction > 0) {
            for (int year = filed.getYear(); year <= filed.getYear() + LEAP_SEARCH_YEARS; year++) {
                if (monthDay.isValidYear(year) && monthDay.atYear(year).isAfter(filed)) {
                    return monthDay.atYear(year);
                }
            }
            return null;
        }
        LocalDate best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int year = filed.getYear() - LEAP_SEARCH_YEARS; year <= filed.getYear() + 1; year++) {
            if (!monthDay.isValidYear(year)) {
                continue;
            }
            final LocalDate candidate = monthDay.atYear(year);
            final long days = ChronoUnit.DAYS.between(filed, candidate);
            if (days > FUTURE_WINDOW_DAYS) {
                continue;
            }
            if (Math.abs(days) < bestDistance) { // years ascend, so on a tie the earlier (past) one stays
                best = candidate;
                bestDistance = Math.abs(days);
            }
        }
        return best;
    }

    /**
     * The date of a weekday named without a date.
     *
     * @param direction 0: the latest such day on or before the filed date ("on Sunday", filed on Sunday, is that
     *                  day); -1 ("الماضي", "last"): the latest strictly before it; +1 ("المقبل", "next"): the first
     *                  strictly after it
     */
    static LocalDate weekday(final DayOfWeek day, final LocalDate filed, final int direction) {
        if (direction < 0) {
            return filed.with(TemporalAdjusters.previous(day));
        }
        if (direction > 0) {
            return filed.with(TemporalAdjusters.next(day));
        }
        return filed.with(TemporalAdjusters.previousOrSame(day));
    }
}
