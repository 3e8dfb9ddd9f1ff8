package io.newswire.enrichment.dates;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words dates are written with, as one {@link PhraseMatcher} dictionary. Names come from the JDK's CLDR data
 * wherever it has them, so they are spelled as the standard spells them and not retyped here:
 * <ul>
 *   <li>Gregorian months in Arabic, in the three namings CLDR knows: Levantine and Iraqi (ar-SY: كانون الثاني ...
 *       كانون الأول), Egyptian and Gulf (ar-EG, also plain ar: يناير ... ديسمبر) and Maghrebi (ar-MA, ar-DZ, ar-TN,
 *       ar-MR: ماي, يوليوز, غشت, جانفي, أوت ...); English (full and short, en and en-GB for "Sept") and French
 *       (full and short, and without accents as often typed: "aout", "fevrier").</li>
 *   <li>Weekdays in Arabic, English and French; Hijri months (Umm al-Qura) in Arabic.</li>
 * </ul>
 * Added by hand, because CLDR lacks them: the Levantine names without the article (كانون ثاني, تشرين أول), the
 * Egyptian official يونيه and يوليه, نوڤمبر with ڤ, the Hijri genitive forms (ذي القعدة, ذي الحجة) and common
 * alternatives (ربيع الثاني, جمادى الثانية); relative expressions (اليوم, أمس, البارحة, أول أمس, قبل قليل, غداً, الأسبوع
 * الماضي, today, yesterday, last night, minutes ago, hier ...), the modifiers الماضي/المقبل/last/next and the Arabic ordinals of
 * the days of a month (الأول ... الحادي والثلاثين). Hamza, alef, teh marbuta and tatweel variants need no entries:
 * both sides are compared in matching form, so ايار, أيار and أيّار meet.
 */
final class DateVocabulary {

    static final String LEVANT = "levant";
    static final String EGYPT_GULF = "egypt-gulf";
    static final String MAGHREB = "maghreb";
    static final Locale LEVANT_LOCALE = Locale.forLanguageTag("ar-SY");
    static final Locale EGYPT_LOCALE = Locale.forLanguageTag("ar-EG");
    static final List<Locale> MAGHREB_LOCALES = List.of(Locale.forLanguageTag("ar-MA"), Locale.forLanguageTag("ar-DZ"),
            Locale.forLanguageTag("ar-TN"), Locale.forLanguageTag("ar-MR"));

    private static final String[] UNITS = {"", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"};

    private DateVocabulary() {
    }

    /** The dictionary every {@link DateExtractor} matches with. */
    static PhraseMatcher<DateTerm> matcher(final MatchingTextNormalizer normalizer) {
        final PhraseMatcher.Builder<DateTerm> builder = PhraseMatcher.builder(normalizer);
        arabicMonths().forEach((set, months) -> months.forEach((name, month) -> builder.add(name, new DateTerm.Month(month, set, false))));
        latinMonths(Locale.ENGLISH, "en", "Sept").forEach((name, month) -> builder.add(name, new DateTerm.Month(month, "en", true)));
        latinMonths(Locale.forLanguageTag("en-GB"), "en", "Sept").forEach((name, month) -> builder.add(name, new DateTerm.Month(month, "en", true)));
        latinMonths(Locale.FRENCH, "fr", null).forEach((name, month) -> builder.add(name, new DateTerm.Month(month, "fr", true)));
        hijriMonths().forEach((name, month) -> builder.add(name, new DateTerm.HijriMonth(month)));
        for (final DayOfWeek day : DayOfWeek.values()) {
            builder.add(day.getDisplayName(TextStyle.FULL, Locale.forLanguageTag("ar")), new DateTerm.Weekday(day, true));
            builder.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), new DateTerm.Weekday(day, false));
            builder.add(day.getDisplayName(TextStyle.FULL, Locale.FRENCH), new DateTerm.Weekday(day, false));
        }
        relatives(builder);
        for (final String past : List.of("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق", "dernier")) {
            builder.add(past, new DateTerm.Modifier(-1, false));
        }
        for (final String next : List.of("المقبل", "المقبلة", "القادم", "القادمة", "prochain")) {
            builder.add(next, new DateTerm.Modifier(1, false));
        }
        builder.add("last", new DateTerm.Modifier(-1, true));
        builder.add("next", new DateTerm.Modifier(1, true));
        ordinals().forEach((name, day) -> builder.add(name, new DateTerm.Ordinal(day)));
        return builder.build();
    }

    /**
     * Arabic month names by naming, each name with its month: from CLDR, then the spellings it lacks. A name two
     * namings share (مارس is Egyptian and Maghrebi) is kept under the first.
     */
    static Map<String, Map<String, Integer>> arabicMonths() {
        final Map<String, Map<String, Integer>> sets = new LinkedHashMap<>();
        final Set<String> seen = new LinkedHashSet<>();
        sets.put(LEVANT, cldrMonths(List.of(LEVANT_LOCALE), seen));
        sets.put(EGYPT_GULF, cldrMonths(List.of(EGYPT_LOCALE), seen));
        sets.put(MAGHREB, cldrMonths(MAGHREB_LOCALES, seen));
        // written without the article, as Levantine and Iraqi writers often do
        sets.get(LEVANT).putAll(Map.of("كانون ثاني", 1, "تشرين أول", 10, "تشرين ثاني", 11, "كانون أول", 12));
        // the Egyptian official spellings, and ڤ for the v of November
        sets.get(EGYPT_GULF).putAll(Map.of("يونيه", 6, "يوليه", 7, "نوڤمبر", 11));
        return sets;
    }

    private static Map<String, Integer> cldrMonths(final List<Locale> locales, final Set<String> seen) {
        final Map<String, Integer> names = new LinkedHashMap<>();
        for (final Locale locale : locales) {
            for (final Month month : Month.values()) {
                for (final TextStyle style : List.of(TextStyle.FULL, TextStyle.FULL_STANDALONE)) {
                    final String name = month.getDisplayName(style, locale);
                    if (seen.add(name)) {
                        names.put(name, month.getValue());
                    }
                }
            }
        }
        return names;
    }

    /** Full and short names, with and without accents; the trailing dot of "janv." is not part of a word. */
    private static Map<String, Integer> latinMonths(final Locale locale, final String language, final String septemberShort) {
        final Map<String, Integer> names = new LinkedHashMap<>();
        for (final Month month : Month.values()) {
            for (final TextStyle style : List.of(TextStyle.FULL, TextStyle.SHORT)) {
                final String name = month.getDisplayName(style, locale).replace(".", "");
                names.put(name, month.getValue());
                names.put(withoutAccents(name), month.getValue());
            }
        }
        if (septemberShort != null) {
            names.put(septemberShort, 9);
        }
        return names;
    }

    /** Hijri month names from CLDR (Umm al-Qura calendar, Arabic), with the genitive and alternative forms in use. */
    static Map<String, Integer> hijriMonths() {
        final Map<String, Integer> names = new LinkedHashMap<>();
        final DateTimeFormatter format = DateTimeFormatter.ofPattern("MMMM", Locale.forLanguageTag("ar"))
                .withChronology(HijrahChronology.INSTANCE);
        for (int month = 1; month <= 12; month++) {
            names.put(format.format(HijrahDate.of(1440, month, 1)), month);
        }
        names.putAll(Map.of("ربيع الثاني", 4, "جمادى الأول", 5, "جمادى الثانية", 6, "جمادى الثاني", 6,
                "ذي القعدة", 11, "ذي الحجة", 12));
        return names;
    }

    private static void relatives(final PhraseMatcher.Builder<DateTerm> builder) {
        final Map<String, DateTerm.Relative> relatives = new LinkedHashMap<>();
        final DateTerm.Relative today = new DateTerm.Relative(0, "today", false, false);
        final DateTerm.Relative yesterday = new DateTerm.Relative(-1, "yesterday", false, false);
        final DateTerm.Relative beforeYesterday = new DateTerm.Relative(-2, "day-before-yesterday", false, false);
        final DateTerm.Relative tomorrow = new DateTerm.Relative(1, "tomorrow", false, false);
        final DateTerm.Relative afterTomorrow = new DateTerm.Relative(2, "day-after-tomorrow", false, false);
        final DateTerm.Relative lastWeek = new DateTerm.Relative(-7, "last-week", true, true);
        final DateTerm.Relative nextWeek = new DateTerm.Relative(7, "next-week", true, true);
        // Arabic; time-of-day words before them (صباح، مساء، فجر، ليلة، يوم ...) are read by DateExtractor
        relatives.put("اليوم", new DateTerm.Relative(0, "today", false, true));
        relatives.put("الليلة", new DateTerm.Relative(0, "today", false, true));
        relatives.put("هذا الصباح", today);
        relatives.put("هذا المساء", today);
        relatives.put("أمس", yesterday);
        relatives.put("البارحة", new DateTerm.Relative(-1, "yesterday", false, true));
        relatives.put("الليلة الماضية", new DateTerm.Relative(-1, "yesterday", false, true));
        relatives.put("أول أمس", beforeYesterday);
        relatives.put("أول من أمس", beforeYesterday);
        relatives.put("أمس الأول", beforeYesterday);
        relatives.put("قبل يومين", new DateTerm.Relative(-2, "days-ago", false, false));
        relatives.put("منذ يومين", new DateTerm.Relative(-2, "days-ago", false, false));
        // a moment ago is today, as the wire means it ("قبل قليل", "minutes ago")
        for (final String ago : List.of("قبل", "منذ")) {
            for (final String moment : List.of("قليل", "دقائق", "ساعات", "ساعة")) {
                relatives.put(ago + " " + moment, today);
            }
        }
        relatives.put("غداً", tomorrow);
        relatives.put("الغد", new DateTerm.Relative(1, "tomorrow", false, true));
        relatives.put("يوم غد", tomorrow);
        relatives.put("بعد غد", afterTomorrow);
        for (final String past : List.of("الماضي", "المنصرم", "الفائت")) {
            relatives.put("الأسبوع " + past, lastWeek);
        }
        relatives.put("الأسبوع المقبل", nextWeek);
        relatives.put("الأسبوع القادم", nextWeek);
        // English
        relatives.put("today", today);
        relatives.put("earlier today", today);
        relatives.put("this morning", today);
        relatives.put("this afternoon", today);
        relatives.put("this evening", today);
        relatives.put("tonight", today);
        relatives.put("minutes ago", today);
        relatives.put("moments ago", today);
        relatives.put("hours ago", today);
        relatives.put("an hour ago", today);
        relatives.put("shortly after midnight", today);
        relatives.put("yesterday", yesterday);
        relatives.put("last night", yesterday);
        relatives.put("the day before yesterday", beforeYesterday);
        relatives.put("tomorrow", tomorrow);
        relatives.put("the day after tomorrow", afterTomorrow);
        relatives.put("last week", new DateTerm.Relative(-7, "last-week", true, false));
        relatives.put("next week", new DateTerm.Relative(7, "next-week", true, false));
        // French
        relatives.put("aujourd'hui", today);
        relatives.put("aujourd\u2019hui", today);
        relatives.put("ce matin", today);
        relatives.put("ce soir", today);
        relatives.put("hier", yesterday);
        relatives.put("hier soir", yesterday);
        relatives.put("avant-hier", beforeYesterday);
        relatives.put("demain", tomorrow);
        relatives.put("la semaine dernière", new DateTerm.Relative(-7, "last-week", true, false));
        relatives.forEach(builder::add);
    }

    /** الأول (1) ... التاسع عشر (19), العشرين (20), الحادي والعشرين (21) ... الثلاثين (30), الحادي والثلاثين (31). */
    static Map<String, Integer> ordinals() {
        final Map<String, Integer> ordinals = new LinkedHashMap<>();
        for (int unit = 1; unit <= 9; unit++) {
            ordinals.put(UNITS[unit], unit);
        }
        ordinals.put("العاشر", 10);
        ordinals.put("الحادي عشر", 11);
        for (int unit = 2; unit <= 9; unit++) {
            ordinals.put(UNITS[unit] + " عشر", 10 + unit);
        }
        final String[] tens = {"العشرين", "الثلاثين"};
        for (int t = 0; t < tens.length; t++) {
            final int base = (t + 2) * 10;
            ordinals.put(tens[t], base);
            for (int unit = 1; unit <= 9 && base + unit <= 31; unit++) {
                final String first = unit == 1 ? "الحادي" : UNITS[unit];
                ordinals.put(first + " و" + tens[t], base + unit);
            }
        }
        ordinals.put("الواحد والعشرين", 21);
        ordinals.put("الواحد والثلاثين", 31);
        return ordinals;
    }

    static String withoutAccents(final String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Every Arabic month name CLDR has in any Arabic locale of this JDK (for the test that no naming is missed). */
    static List<String> everyCldrArabicMonthName() {
        final List<String> names = new ArrayList<>();
        for (final Locale locale : Locale.getAvailableLocales()) {
            if (locale.getLanguage().equals("ar")) {
                for (final Month month : Month.values()) {
                    names.add(month.getDisplayName(TextStyle.FULL, locale));
                }
            }
        }
        return names;
    }
}
