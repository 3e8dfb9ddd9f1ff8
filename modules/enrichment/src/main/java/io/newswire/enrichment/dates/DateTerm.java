package io.newswire.enrichment.dates;

import java.time.DayOfWeek;

/** A dictionary entry of {@link DateVocabulary}: what a matched word or phrase means to a date. */
sealed interface DateTerm {

    /** Whether the phrase, written with the Arabic article, only counts when the text has it ("الاثنين", not "اثنين" = two). */
    default boolean needsArticle() {
        return false;
    }

    /**
     * A Gregorian month name.
     *
     * @param set which naming it comes from: levant (كانون الثاني ...), egypt-gulf (يناير ...), maghreb (جانفي, ماي,
     *            غشت ...), en, fr; part of the rule id
     * @param latin written in Latin letters, so "August 15" (month first) is a way of writing it
     */
    record Month(int month, String set, boolean latin) implements DateTerm {
    }

    /** A month of the Hijri (Umm al-Qura) calendar; counts only with a Hijri year. */
    record HijriMonth(int month) implements DateTerm {
    }

    record Weekday(DayOfWeek day, boolean needsArticle) implements DateTerm {
    }

    /**
     * A day named relative to the filing day.
     *
     * @param days      offset from the filed date in the correspondent's zone
     * @param name      part of the rule id: today, yesterday, day-before-yesterday, tomorrow, last-week ...
     * @param imprecise names a span rather than a day ("last week"), resolved to a representative day with a low score
     */
    record Relative(int days, String name, boolean imprecise, boolean needsArticle) implements DateTerm {
    }

    /** An Arabic ordinal naming a day of the month ("الخامس عشر" = 15th); counts only before a month name. */
    record Ordinal(int day) implements DateTerm {
    }

    /**
     * "الماضي", "last" (-1) or "المقبل", "next" (+1) next to a weekday or a day and month without year.
     *
     * @param before written before what it qualifies (English "last Monday"); Arabic and French write it after
     *               ("الأحد الماضي", "dimanche dernier")
     */
    record Modifier(int direction, boolean before) implements DateTerm {
    }
}
