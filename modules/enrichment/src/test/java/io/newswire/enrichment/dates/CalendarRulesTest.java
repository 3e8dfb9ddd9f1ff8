package io.newswire.enrichment.dates;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarRulesTest {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 8, 20);

    @Test
    void shouldTakeThePastOccurrenceWhenTheNextIsMoreThanAMonthAhead() {
        assertThat(CalendarRules.dayMonth(9, 25, THURSDAY, 0)).as("36 days ahead").isEqualTo(LocalDate.of(2025, 9, 25));
        assertThat(CalendarRules.dayMonth(9, 19, THURSDAY, 0)).as("30 days ahead").isEqualTo(LocalDate.of(2026, 9, 19));
        assertThat(CalendarRules.dayMonth(8, 20, THURSDAY, 0)).as("the filed day").isEqualTo(THURSDAY);
        assertThat(CalendarRules.dayMonth(1, 2, LocalDate.of(2026, 12, 30), 0)).as("across new year").isEqualTo(LocalDate.of(2027, 1, 2));
    }

    @Test
    void shouldMoveToThePastOrTheFutureWhenAModifierSaysSo() {
        assertThat(CalendarRules.dayMonth(8, 20, THURSDAY, -1)).isEqualTo(LocalDate.of(2025, 8, 20));
        assertThat(CalendarRules.dayMonth(8, 20, THURSDAY, 1)).isEqualTo(LocalDate.of(2027, 8, 20));
        assertThat(CalendarRules.dayMonth(3, 1, THURSDAY, 1)).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void shouldFindALeapDayWhenTheFiledYearHasNone() {
        assertThat(CalendarRules.dayMonth(2, 29, THURSDAY, 0)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(CalendarRules.dayMonth(2, 29, THURSDAY, 1)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(CalendarRules.dayMonth(2, 30, THURSDAY, 0)).isNull();
        assertThat(CalendarRules.dayMonth(13, 1, THURSDAY, 0)).isNull();
    }

    @Test
    void shouldResolveAWeekdayOnOrBeforeWhenUnqualifiedAndStrictlyOtherwise() {
        assertThat(CalendarRules.weekday(DayOfWeek.THURSDAY, THURSDAY, 0)).isEqualTo(THURSDAY);
        assertThat(CalendarRules.weekday(DayOfWeek.THURSDAY, THURSDAY, -1)).isEqualTo(LocalDate.of(2026, 8, 13));
        assertThat(CalendarRules.weekday(DayOfWeek.THURSDAY, THURSDAY, 1)).isEqualTo(LocalDate.of(2026, 8, 27));
        assertThat(CalendarRules.weekday(DayOfWeek.FRIDAY, THURSDAY, 0)).isEqualTo(LocalDate.of(2026, 8, 14));
    }
}
