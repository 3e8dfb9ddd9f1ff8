package io.newswire.enrichment.dates;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.ReportText;
import io.newswire.enrichment.text.Token;
import io.newswire.model.DateMention;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.chrono.HijrahDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a report names or implies, resolved to calendar dates, and the one taken as the date of the event.
 *
 * <p><b>Input</b>: the report's fields ({@link ReportText}), the instant it was filed, the correspondent's zone (the
 * report's {@code timeZone}, or a desk default: {@link #zoneOf}) and the declared language. <b>Output</b>: one
 * {@link DateMention} per calendar date, in order of first appearance, each with the {@code Evidence} of every place
 * it is written (offsets into the field as stored, the text as written, the rule id and a score), {@code relative}
 * when every occurrence was resolved against the filed date, and at most one {@code eventDate} (the rule is
 * {@link EventDateResolver}'s).
 *
 * <p><b>What is read</b> (rule ids in brackets), over the words of {@link MatchingTextNormalizer#tokens}, so digits of
 * any script are ASCII, hamza, alef, teh marbuta, tatweel and harakat variants meet, and Arabic proclitics (و ف ب ل
 * ك ال) come off through {@link PhraseMatcher}:
 * <ul>
 *   <li>numeric dates with / - or . between the parts, in ASCII, Eastern Arabic (١٥/٨/٢٠٢٦) or Persian digits:
 *       day-month-year [date.numeric.dmy], year-month-day [date.numeric.ymd]; month-first [date.numeric.mdy] only when
 *       the day cannot be a month (8/15/2026), or when both could and the declared language is en-US. A four-digit
 *       year is required: "12/10" alone is a score as often as a date.</li>
 *   <li>a day and a month name, with or without year: "15 آب 2026", "١٥ آب", "15 آب/أغسطس", "الخامس عشر من آب"
 *       [date.month-name.levant, .egypt-gulf, .maghreb, .en, .fr; date.ordinal-day.* for the ordinal], "August 15,
 *       2026", "Aug. 15", "15th of August"; a Hijri day and month with its year, "10 ذي الحجة 1447 هـ"
 *       [date.month-name.hijri]. Without a year, the occurrence nearest the filed date that is not more than
 *       {@link CalendarRules#FUTURE_WINDOW_DAYS} days ahead of it; "الماضي"/"last" and "المقبل"/"next" move it to
 *       the past or the future. A month name is only a date next to a day: "May" and "آب" (father, once the hamza
 *       is gone) are words too.</li>
 *   <li>weekdays, الأحد ... السبت, Sunday ... Saturday, dimanche ... samedi [date.weekday]: the latest such day on or
 *       before the filed date; "الماضي"/"last" [date.weekday.last] strictly before, "المقبل"/"next"
 *       [date.weekday.next] strictly after. A weekday followed by a date ("الأحد الموافق 15 آب") is that date.</li>
 *   <li>relative days [date.relative.today, .yesterday, .day-before-yesterday, .tomorrow, .day-after-tomorrow,
 *       .days-ago, .last-week, .next-week]: اليوم، أمس/امس، البارحة، أول أمس، قبل قليل، غداً، قبل يومين، قبل 3 أيام،
 *       الأسبوع الماضي, today, yesterday, last night, this morning, minutes ago, hier ... with the time-of-day word before them in the
 *       span (فجر اليوم، صباح اليوم، مساء أمس، ليلة أمس، يوم أمس) and any proclitic (وأمس، بالأمس). "اليوم" followed
 *       by an ordinal or التالي/نفسه/العالمي ("اليوم الثالث", "the day after") is not today, and قبل/منذ followed by
 *       من or a word with the article ("قبل يومين من الهجوم", "منذ ساعات الصباح") is not counted from the filing.</li>
 *   <li>clock times [date.relative.clock-time]: "at 12:58 a.m.", "الساعة 9:30 مساءً": the latest such time on or
 *       before the filed time, so "12:58 a.m." in a report filed at 01:10 is that day, and "11:40 p.m." in one filed
 *       at 00:20 is the day before.</li>
 * </ul>
 * Relative expressions and weekdays are resolved against the filed instant <em>in the correspondent's zone</em>: a
 * report filed at 23:30 UTC from Damascus (UTC+3) is filed at 02:30 the next day there, and its "اليوم" is that
 * next day. Spans of numbers start at the first digit ("و15/8/2026" gives "15/8/2026"); spans of words cover the word
 * as written, proclitics included ("وأمس").
 *
 * <p>Deterministic and thread-safe (the normaliser keeps its analysers per thread). Builds its dictionary once.
 */
public final class DateExtractor {

    private static final Set<String> DAY_SUFFIXES = Set.of("", "st", "nd", "rd", "th", "er");
    private static final Set<String> DAY_MONTH_FILLERS = Set.of("من", "of", "شهر", "the");
    private static final Set<String> YEAR_FILLERS = Set.of("من", "عام", "سنه", "لعام", "العام", "of");
    /** Time-of-day words (and يوم) written before a relative day, a weekday or a date; in matching form. */
    private static final Set<String> TIME_OF_DAY = Set.of("يوم", "صباح", "مساء", "فجر", "ظهر", "عصر", "ليله", "ليل",
            "ضحي", "ظهيره", "منتصف");
    private static final Set<String> LATIN_TIME_OF_DAY = Set.of("morning", "afternoon", "evening", "night", "matin", "soir");
    /** Words after "اليوم" that make it "the day" rather than today. */
    private static final Set<String> NOT_TODAY = Set.of("التالي", "نفسه", "ذاته", "العالمي", "الوطني", "الدولي", "الاخير",
            "الذي", "الموعود");
    private static final Set<String> AGO_BEFORE = Set.of("قبل", "منذ");
    private static final Set<String> DAYS_UNIT = Set.of("ايام", "يوما", "يوم", "days");
    /** Words that introduce a clock time ("at 9:30", "الساعة 9:30"); without one, only a.m./p.m. makes it a time. */
    private static final Set<String> CLOCK_INTRO = Set.of("at", "around", "about", "الساعه", "عند");
    private static final Set<String> AM = Set.of("am", "a.m");
    private static final Set<String> PM = Set.of("pm", "p.m");
    private static final Map<String, Integer> NUMBER_WORDS = numberWords();
    /**
     * The plain words a pattern may open with, found by one lookup per word: a time-of-day word or قبل/منذ, bare or
     * after و/ف ({@link #withoutConjunction}), or a number word.
     */
    private static final Set<String> START_WORDS = startWords();
    private static final Pattern DOTTED = Pattern.compile("([.\u066B])(\\d{1,2})\\1(\\d{1,4})");
    private static final String NUMBER_PROCLITICS = "وفبلك";
    private static final int MAX_DAYS_AGO = 60;

    private final MatchingTextNormalizer normalizer;
    private final PhraseMatcher<DateTerm> matcher;

    public DateExtractor() {
        this(new MatchingTextNormalizer());
    }

    /** @param normalizer the shared normaliser, so its analysers are built once per thread for every step */
    public DateExtractor(final MatchingTextNormalizer normalizer) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.matcher = DateVocabulary.matcher(normalizer);
    }

    /**
     * The dates of a report.
     *
     * @param text     the report's fields; never null
     * @param filedAt  when it was filed; never null
     * @param zone     the correspondent's zone, against which relative days are resolved; never null (see
     *                 {@link #zoneOf})
     * @param declared the declared language tag; may be null. Only decides the reading of an ambiguous numeric
     *                 date: en-US reads 3/4/2026 as March 4, every other language as 3 April
     * @return one mention per calendar date, in order of first appearance; empty when none
     */
    public List<DateMention> extract(final ReportText text, final Instant filedAt, final ZoneId zone, final String declared) {
        return extract(text, Map.of(), filedAt, zone, declared);
    }

    /**
     * The same, over words already computed: tokenising is a third of the cost, so a caller running several steps
     * on one report can do it once per field.
     *
     * @param tokens {@link MatchingTextNormalizer#tokens} of fields by name, as made by the same normaliser; a field
     *               missing from the map is tokenised here
     */
    public List<DateMention> extract(final ReportText text, final Map<String, List<Token>> tokens, final Instant filedAt,
                                     final ZoneId zone, final String declared) {
        final LocalDateTime filedLocal = LocalDateTime.ofInstant(Objects.requireNonNull(filedAt, "filedAt"), Objects.requireNonNull(zone, "zone"));
        final boolean monthFirst = monthFirst(declared);
        final List<DateCandidate> found = new ArrayList<>();
        for (final ReportText.Field field : text.fields()) {
            final List<Token> words = tokens.get(field.name());
            found.addAll(new FieldScan(field, words != null ? words : normalizer.tokens(field.name(), field.text()), filedLocal, monthFirst).scan());
        }
        return EventDateResolver.mentions(found, filedLocal.toLocalDate(), text);
    }

    /**
     * The zone to resolve a report's relative days in: its IANA {@code timeZone} when that is a zone this JVM knows,
     * else the fallback (a desk's zone, or UTC). Never throws on a bad id: a misspelt zone must not lose the report.
     */
    public static ZoneId zoneOf(final String timeZone, final ZoneId fallback) {
        if (timeZone == null || timeZone.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (final DateTimeException e) {
            return fallback;
        }
    }

    static boolean monthFirst(final String declared) {
        if (declared == null || declared.isBlank()) {
            return false;
        }
        final Locale locale = Locale.forLanguageTag(declared.trim().replace('_', '-'));
        return locale.getLanguage().equals("en") && locale.getCountry().equals("US");
    }

    private static Set<String> startWords() {
        final Set<String> words = new HashSet<>(NUMBER_WORDS.keySet());
        for (final Set<String> cues : List.of(TIME_OF_DAY, AGO_BEFORE)) {
            for (final String word : cues) {
                words.add(word);
                words.add('\u0648' + word);
                words.add('\u0641' + word);
            }
        }
        return Set.copyOf(words);
    }

    /** A number written as a word, after قبل/منذ or before "days ago": ثلاثة أيام, three days ago. */
    private static Map<String, Integer> numberWords() {
        final Map<String, Integer> words = new HashMap<>();
        final String[][] arabic = {{"ثلاثه", "ثلاث"}, {"اربعه", "اربع"}, {"خمسه", "خمس"}, {"سته", "ست"}, {"سبعه", "سبع"},
            {"ثمانيه", "ثماني"}, {"تسعه", "تسع"}, {"عشره", "عشر"}};
        for (int i = 0; i < arabic.length; i++) {
            for (final String word : arabic[i]) {
                words.put(word, i + 3);
            }
        }
        final String[] english = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        for (int i = 0; i < english.length; i++) {
            words.put(english[i], i + 2);
        }
        return words;
    }

    /**
     * A word of the field: one token, or the tokens of a dictionary phrase. For a number, where its digits are in
     * the original text ({@code digitsStart} .. {@code digitsEnd}) and what follows them in the same word.
     */
    private record Item(int start, int end, String form, DateTerm term, Num num) {
    }

    /**
     * @param value  the number
     * @param digits how many digits
     * @param suffix what follows the digits in the word, in matching form ("th", "م", "ه", ".8.2026")
     * @param start  offset of the first digit in the original
     * @param digitsEnd offset after the last digit
     * @param end    offset after the word without trailing format characters
     */
    private record Num(int value, int digits, String suffix, int start, int digitsEnd, int end) {
    }

    /** The dates of one field. */
    private final class FieldScan {
        private final String field;
        private final String text;
        private final LocalDate filed;
        private final LocalTime filedTime;
        private final boolean monthFirst;
        private final List<Item> items;

        FieldScan(final ReportText.Field field, final List<Token> tokens, final LocalDateTime filedLocal, final boolean monthFirst) {
            this.field = field.name();
            this.text = field.text();
            this.filed = filedLocal.toLocalDate();
            this.filedTime = filedLocal.toLocalTime();
            this.monthFirst = monthFirst;
            this.items = items(tokens);
        }

        List<DateCandidate> scan() {
            final List<DateCandidate> found = new ArrayList<>();
            int i = 0;
            while (i < items.size()) {
                if (!canStart(items.get(i))) { // most words: no pattern needs looking at
                    i++;
                    continue;
                }
                // up to two time-of-day words before what they qualify: "صباح يوم الأحد"
                int at = i;
                while (at < i + 2 && at + 1 < items.size() && isTimeOfDay(items.get(at)) && joinable(at, at + 1)) {
                    at++;
                }
                Found result = dateAt(at);
                if (result == null && at > i) {
                    at = i;
                    result = dateAt(at);
                }
                if (result == null) {
                    i++;
                    continue;
                }
                final DateCandidate candidate = at > i ? result.candidate().withStart(items.get(i).start()) : result.candidate();
                found.add(candidate);
                i = result.next();
            }
            return found;
        }

        /** A candidate and the index of the first item after it. */
        private record Found(DateCandidate candidate, int next) {
        }

        private Found dateAt(final int i) {
            Found found = numeric(i);
            if (found == null) {
                found = dotted(i);
            }
            if (found == null) {
                found = dayMonth(i);
            }
            if (found == null) {
                found = monthDay(i);
            }
            if (found == null) {
                found = weekday(i);
            }
            if (found == null) {
                found = relative(i);
            }
            if (found == null) {
                found = daysAgo(i);
            }
            if (found == null) {
                found = clockTime(i);
            }
            return found;
        }

        // ---- numeric: 15/8/2026, 2026-08-15, ١٥-٨-٢٠٢٦

        private Found numeric(final int i) {
            if (i + 2 >= items.size()) {
                return null;
            }
            final Num a = num(i);
            final Num b = num(i + 1);
            final Num c = num(i + 2);
            if (a == null || b == null || c == null || !a.suffix().isEmpty() || !b.suffix().isEmpty()) {
                return null;
            }
            final String separator = separator(i, i + 1);
            if (separator == null || !separator.equals(separator(i + 1, i + 2))) {
                return null;
            }
            // part of a longer run of numbers (1/2/3/4, a phone number): not a date
            if ((i > 0 && num(i - 1) != null && separator(i - 1, i) != null)
                    || (i + 3 < items.size() && num(i + 3) != null && separator(i + 2, i + 3) != null)) {
                return null;
            }
            final boolean iso = a.digits() == 4;
            if (!(c.suffix().isEmpty() || c.suffix().equals("م") || (iso && c.suffix().startsWith("t")))) {
                return null;
            }
            final int end = c.suffix().equals("م") ? c.end() : c.digitsEnd();
            if (iso) {
                return found(date(a.value(), b.value(), c.value()), a.start(), end, "date.numeric.ymd", 1.0, false, i + 3);
            }
            if (c.digits() != 4 || a.digits() > 2 || b.digits() > 2) {
                return null;
            }
            return dayMonthYear(a.value(), b.value(), c.value(), a.start(), end, i + 3);
        }

        /** 15.8.2026 and ١٥٫٨٫٢٠٢٦ are one word to the tokenizer. */
        private Found dotted(final int i) {
            final Num a = num(i);
            if (a == null || a.digits() > 2) {
                return null;
            }
            final Matcher m = DOTTED.matcher(a.suffix());
            if (!m.matches() || m.group(3).length() != 4) {
                return null;
            }
            return dayMonthYear(a.value(), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), a.start(), a.end(), i + 1);
        }

        private Found dayMonthYear(final int first, final int second, final int year, final int start, final int end, final int next) {
            final boolean firstIsMonth = first <= 12;
            final boolean secondIsMonth = second <= 12;
            if (secondIsMonth && (!firstIsMonth || !monthFirst)) {
                final double score = firstIsMonth && first != second ? 0.8 : 1.0;
                return found(date(year, second, first), start, end, "date.numeric.dmy", score, false, next);
            }
            if (firstIsMonth) {
                final double score = secondIsMonth && first != second ? 0.8 : 1.0;
                return found(date(year, first, second), start, end, "date.numeric.mdy", score, false, next);
            }
            return null;
        }

        // ---- day and month name: 15 آب 2026, الخامس عشر من آب, 15 August, 15 رمضان 1447 هـ

        private Found dayMonth(final int i) {
            final Item first = items.get(i);
            final int day;
            final int start;
            if (first.term() instanceof DateTerm.Ordinal ordinal) {
                day = ordinal.day();
                start = first.start();
            } else {
                final Num n = num(i);
                if (n == null || n.digits() > 2 || !DAY_SUFFIXES.contains(n.suffix())) {
                    return null;
                }
                day = n.value();
                start = n.start();
            }
            int j = skip(i + 1, DAY_MONTH_FILLERS, 2);
            if (j >= items.size() || !joinable(j - 1, j)) {
                return null;
            }
            final DateTerm term = items.get(j).term();
            if (!(term instanceof DateTerm.Month) && !(term instanceof DateTerm.HijriMonth)) {
                return null;
            }
            final String rule = (first.term() instanceof DateTerm.Ordinal ? "date.ordinal-day." : "date.month-name.")
                    + (term instanceof DateTerm.Month month ? month.set() : "hijri");
            final int month = term instanceof DateTerm.Month m ? m.month() : ((DateTerm.HijriMonth) term).month();
            int end = items.get(j).end();
            j++;
            // "15 آب/أغسطس", "15 تشرين الأول (أكتوبر)": the same month in the other naming
            if (j < items.size() && items.get(j).term() instanceof DateTerm.Month other && other.month() == month
                    && term instanceof DateTerm.Month && joinable(j - 1, j)) {
                end = closingParenthesis(items.get(j).end());
                j++;
            }
            return withYear(term instanceof DateTerm.HijriMonth, month, day, start, end, j, rule);
        }

        /** "August 15, 2026", "Aug. 15": a Latin month name, then the day. */
        private Found monthDay(final int i) {
            if (!(items.get(i).term() instanceof DateTerm.Month month) || !month.latin() || i + 1 >= items.size() || !joinable(i, i + 1)) {
                return null;
            }
            final Num n = num(i + 1);
            if (n == null || n.digits() > 2 || !DAY_SUFFIXES.contains(n.suffix())) {
                return null;
            }
            return withYear(false, month.month(), n.value(), items.get(i).start(), n.end(), i + 2, "date.month-name." + month.set());
        }

        /** The year after a day and month ("2026", "عام 2026", "1447 هـ"), or the modifier, or neither. */
        private Found withYear(final boolean hijri, final int month, final int day, final int start, final int end,
                               final int next, final String rule) {
            final int y = skip(next, YEAR_FILLERS, 2);
            final Num year = y < items.size() && joinable(y - 1, y) ? num(y) : null;
            if (year != null && year.digits() == 4) {
                if (hijri) {
                    if (year.value() < 1300 || year.value() > 1600 || !(year.suffix().isEmpty() || year.suffix().equals("ه"))) {
                        return null;
                    }
                    int after = y + 1;
                    int yearEnd = year.end();
                    // "1447 هـ": the era mark as a word of its own
                    if (year.suffix().isEmpty() && after < items.size() && items.get(after).term() == null
                            && "ه".equals(items.get(after).form()) && joinable(y, after)) {
                        yearEnd = items.get(after).end();
                        after++;
                    }
                    return found(hijri(year.value(), month, day), start, yearEnd, rule, 0.9, false, after);
                }
                if (!(year.suffix().isEmpty() || year.suffix().equals("م"))) {
                    return null;
                }
                return found(date(year.value(), month, day), start, year.suffix().isEmpty() ? year.digitsEnd() : year.end(),
                        rule, 1.0, false, y + 1);
            }
            if (hijri) {
                return null; // a Hijri day and month without the year: too easily a name (رجب) or a word (صفر)
            }
            if (next < items.size() && items.get(next).term() instanceof DateTerm.Modifier modifier && !modifier.before()
                    && spaced(next - 1, next)) {
                return found(CalendarRules.dayMonth(month, day, filed, modifier.direction()), start, items.get(next).end(),
                        rule, 0.9, false, next + 1);
            }
            return found(CalendarRules.dayMonth(month, day, filed, 0), start, end, rule, 0.9, false, next);
        }

        // ---- weekdays: الأحد، يوم الجمعة الماضي، last Monday, Sunday, August 15

        private Found weekday(final int i) {
            int w = i;
            int direction = 0;
            if (items.get(i).term() instanceof DateTerm.Modifier before && before.before() && i + 1 < items.size()
                    && spaced(i, i + 1) && items.get(i + 1).term() instanceof DateTerm.Weekday) {
                direction = before.direction();
                w = i + 1;
            }
            if (!(items.get(w).term() instanceof DateTerm.Weekday weekday)) {
                return null;
            }
            int next = w + 1;
            int end = items.get(w).end();
            if (next < items.size() && LATIN_TIME_OF_DAY.contains(items.get(next).form()) && joinable(w, next)) {
                end = items.get(next).end();
                next++;
            }
            if (direction == 0 && next < items.size() && items.get(next).term() instanceof DateTerm.Modifier after
                    && !after.before() && spaced(next - 1, next)) {
                direction = after.direction();
                end = items.get(next).end();
                next++;
            }
            // "الأحد 15 آب", "الأحد الموافق 15/8/2026", "Sunday, August 15": the date, read from the weekday on
            int dateAt = w + 1;
            if (dateAt < items.size() && "الموافق".equals(items.get(dateAt).form()) && joinable(w, dateAt)) {
                dateAt++;
            }
            if (dateAt < items.size() && joinable(dateAt - 1, dateAt)) {
                Found date = numeric(dateAt);
                if (date == null) {
                    date = dotted(dateAt);
                }
                if (date == null) {
                    date = dayMonth(dateAt);
                }
                if (date == null) {
                    date = monthDay(dateAt);
                }
                if (date != null) {
                    final DateCandidate candidate = date.candidate().withStart(items.get(i).start());
                    // a weekday that disagrees with its date: one of them is a typo, and we cannot tell which
                    final boolean agrees = candidate.date().getDayOfWeek() == weekday.day();
                    return new Found(agrees ? candidate : candidate.withScore(candidate.score() * 0.7), date.next());
                }
            }
            final String rule = "date.weekday" + (direction < 0 ? ".last" : direction > 0 ? ".next" : "");
            return found(CalendarRules.weekday(weekday.day(), filed, direction), items.get(i).start(), end, rule, 0.9, true, next);
        }

        // ---- relative days: اليوم، أمس، أول أمس، غداً، الأسبوع الماضي، yesterday, last night, hier

        private Found relative(final int i) {
            if (!(items.get(i).term() instanceof DateTerm.Relative relative)) {
                return null;
            }
            int next = i + 1;
            if (relative.name().equals("today") && items.get(i).form().endsWith("يوم") && next < items.size() && joinable(i, next)) {
                final Item after = items.get(next);
                if (after.term() instanceof DateTerm.Ordinal || after.term() instanceof DateTerm.Modifier
                        || NOT_TODAY.contains(after.form())) {
                    return null;
                }
            }
            if (isAgo(items.get(i).form()) && relativeToSomethingElse(next)) {
                return null;
            }
            int end = items.get(i).end();
            if (next < items.size() && LATIN_TIME_OF_DAY.contains(items.get(next).form()) && joinable(i, next)) {
                end = items.get(next).end();
                next++;
            }
            return found(filed.plusDays(relative.days()), items.get(i).start(), end, "date.relative." + relative.name(),
                    relative.imprecise() ? 0.3 : 1.0, true, next, relative.imprecise());
        }

        /** "قبل ثلاثة أيام", "منذ 3 أيام", "three days ago". */
        private Found daysAgo(final int i) {
            if (i + 2 >= items.size()) {
                return null;
            }
            final boolean arabic = isAgo(items.get(i).form());
            final int countAt = arabic ? i + 1 : i;
            final Integer count = count(countAt);
            if (count == null || count < 1 || count > MAX_DAYS_AGO || !DAYS_UNIT.contains(items.get(countAt + 1).form())
                    || !joinable(i, i + 1) || !joinable(i + 1, i + 2)) {
                return null;
            }
            if (arabic && !relativeToSomethingElse(i + 3)) {
                return found(filed.minusDays(count), items.get(i).start(), items.get(i + 2).end(), "date.relative.days-ago", 0.9, true, i + 3);
            }
            if (i + 2 < items.size() && "ago".equals(items.get(i + 2).form()) && joinable(i + 1, i + 2)) {
                return found(filed.minusDays(count), items.get(i).start(), items.get(i + 2).end(), "date.relative.days-ago", 0.9, true, i + 3);
            }
            return null;
        }

        /**
         * "at 12:58 a.m.", "الساعة 9:30 مساءً": the latest such time on or before the filed time, so a time later in
         * the day than the filing is yesterday's. Needs "at"/"الساعة" before it or a.m./p.m. after it: a bare "2:30"
         * is as often a score or a ratio.
         */
        private Found clockTime(final int i) {
            final Num hour = num(i);
            final Num minute = num(i + 1);
            if (hour == null || minute == null || hour.digits() > 2 || !hour.suffix().isEmpty() || minute.digits() != 2
                    || !":".equals(gap(i, i + 1))) {
                return null;
            }
            String marker = minute.suffix();
            int end = minute.end();
            int next = i + 2;
            if (marker.isEmpty() && next < items.size() && items.get(next).term() == null && spaced(i + 1, next)) {
                final String after = items.get(next).form();
                if (AM.contains(after) || PM.contains(after) || after.equals("مساء") || after.equals("ليلا")) {
                    marker = after;
                    end = items.get(next).end();
                    next++;
                }
            }
            final boolean introduced = i > 0 && items.get(i - 1).term() == null && CLOCK_INTRO.contains(items.get(i - 1).form())
                    && spaced(i - 1, i);
            if (!introduced && !AM.contains(marker) && !PM.contains(marker)) {
                return null;
            }
            int h = hour.value();
            final int m = minute.value();
            if (AM.contains(marker) || PM.contains(marker)) {
                if (h < 1 || h > 12) {
                    return null;
                }
                h = (h % 12) + (PM.contains(marker) ? 12 : 0);
            } else if (!marker.isEmpty() && !marker.equals("مساء") && !marker.equals("ليلا")) {
                return null; // digits glued to something else
            } else if ((marker.equals("مساء") && h >= 1 && h < 12) || (marker.equals("ليلا") && h >= 6 && h < 12)) {
                h += 12;
            }
            if (h > 23 || m > 59) {
                return null;
            }
            final LocalDate date = LocalTime.of(h, m).isAfter(filedTime) ? filed.minusDays(1) : filed;
            return found(date, hour.start(), end, "date.relative.clock-time", 0.8, true, next);
        }

        private boolean isAgo(final String form) {
            return AGO_BEFORE.contains(form) || AGO_BEFORE.contains(withoutConjunction(form));
        }

        /**
         * After "قبل يومين", "منذ ساعات": "من" or a word with the article makes it "two days before the attack", "since
         * the morning hours", not two days or hours before the filing.
         */
        private boolean relativeToSomethingElse(final int next) {
            if (next >= items.size() || !spaced(next - 1, next)) {
                return false;
            }
            final String form = items.get(next).form();
            return form.equals("من") || form.startsWith("ال");
        }

        private Integer count(final int at) {
            final Num n = num(at);
            if (n != null) {
                return n.suffix().isEmpty() ? n.value() : null;
            }
            return items.get(at).term() == null ? NUMBER_WORDS.get(items.get(at).form()) : null;
        }

        // ---- helpers

        private Found found(final LocalDate date, final int start, final int end, final String rule, final double score,
                            final boolean relative, final int next) {
            return found(date, start, end, rule, score, relative, next, false);
        }

        private Found found(final LocalDate date, final int start, final int end, final String rule, final double score,
                            final boolean relative, final int next, final boolean imprecise) {
            if (date == null) {
                return null;
            }
            final int paragraph = field.equals(ReportText.BODY) ? paragraphOf(start) : 0;
            return new Found(new DateCandidate(date, field, start, end, paragraph, rule, score, relative, imprecise), next);
        }

        private int paragraphOf(final int offset) {
            int paragraph = 0;
            for (int k = 0; k < offset; k++) {
                paragraph += text.charAt(k) == '\n' ? 1 : 0;
            }
            return paragraph;
        }

        /** Skips up to max plain filler words, each joined to what precedes it. */
        private int skip(final int from, final Set<String> fillers, final int max) {
            int j = from;
            while (j < items.size() && j - from < max && items.get(j).term() == null && fillers.contains(items.get(j).form())
                    && joinable(j - 1, j)) {
                j++;
            }
            return j;
        }

        private Num num(final int at) {
            return at >= 0 && at < items.size() ? items.get(at).num() : null;
        }

        /** Whether any pattern can begin at this word: a dictionary word, a number, or a word one of them opens with. */
        private boolean canStart(final Item item) {
            return item.term() != null || item.num() != null || START_WORDS.contains(item.form());
        }

        private boolean isTimeOfDay(final Item item) {
            return item.term() == null && (TIME_OF_DAY.contains(item.form()) || TIME_OF_DAY.contains(withoutConjunction(item.form())));
        }

        /** The text between two items, without format characters (bidi marks). */
        private String gap(final int left, final int right) {
            final String between = text.substring(items.get(left).end(), items.get(right).start());
            final StringBuilder kept = new StringBuilder(between.length());
            for (int k = 0; k < between.length(); k++) {
                if (Character.getType(between.charAt(k)) != Character.FORMAT) {
                    kept.append(between.charAt(k));
                }
            }
            return kept.toString();
        }

        /** The separator of a numeric date between two numbers: one of / - . with spaces around at most. */
        private String separator(final int left, final int right) {
            final String gap = gap(left, right).strip();
            return gap.equals("/") || gap.equals("-") || gap.equals(".") ? gap : null;
        }

        /** Two words of one date: on the same line, with only spaces and light punctuation between them. */
        private boolean joinable(final int left, final int right) {
            if (left < 0) {
                return true;
            }
            final String gap = gap(left, right);
            if (gap.length() > 4) {
                return false;
            }
            for (int k = 0; k < gap.length(); k++) {
                final char c = gap.charAt(k);
                if (c == '\n' || !(c == ' ' || c == '\u00A0' || c == '\t' || ",،./()-–".indexOf(c) >= 0)) {
                    return false;
                }
            }
            return true;
        }

        /** Two words with nothing but spaces between them: a modifier belongs to the word next to it, not across a comma. */
        private boolean spaced(final int left, final int right) {
            return gap(left, right).isBlank() && gap(left, right).indexOf('\n') < 0;
        }

        /** After "تشرين الأول (أكتوبر": the closing parenthesis, when it follows at once. */
        private int closingParenthesis(final int end) {
            return end < text.length() && text.charAt(end) == ')' ? end + 1 : end;
        }

        private List<Item> items(final List<Token> tokens) {
            final Map<Integer, PhraseMatcher.Match<DateTerm>> matches = new HashMap<>();
            for (final PhraseMatcher.Match<DateTerm> match : matcher.find(tokens)) {
                matches.put(match.start(), match);
            }
            final List<Item> result = new ArrayList<>(tokens.size());
            int t = 0;
            while (t < tokens.size()) {
                final Token token = tokens.get(t);
                final String form = withoutFormatCharacters(token.form());
                final PhraseMatcher.Match<DateTerm> match = matches.get(token.start());
                if (match != null && accepted(match, form)) {
                    int last = t;
                    while (last + 1 < tokens.size() && tokens.get(last + 1).start() < match.end()) {
                        last++;
                    }
                    result.add(new Item(match.start(), match.end(), form, match.entries().get(0), null));
                    t = last + 1;
                } else {
                    result.add(new Item(token.start(), token.end(), form, null, number(token, form)));
                    t++;
                }
            }
            return result;
        }

        /**
         * Whether a dictionary match stands: a phrase written with the article needs it in the text (the matcher also
         * finds "الاثنين" in "اثنين", two), and a relative day or weekday never takes the prepositions ل or ك without
         * an article ("لامس", touched, is not ل + أمس).
         */
        private boolean accepted(final PhraseMatcher.Match<DateTerm> match, final String form) {
            final DateTerm term = match.entries().get(0);
            final String proclitic = match.proclitic();
            if (term.needsArticle()) {
                final String rest = form.substring(Math.min(proclitic.length(), form.length()));
                if (!(proclitic.endsWith("ال") || proclitic.endsWith("لل") || rest.startsWith("ال"))) {
                    return false;
                }
            }
            // ل or ك as the last proclitic, not part of an article ("لامس", "ولامس"; "لليوم" and "بالأمس" stand)
            final boolean barePreposition = (proclitic.endsWith("ل") && !proclitic.endsWith("ال") && !proclitic.endsWith("لل"))
                    || proclitic.endsWith("ك");
            return !(barePreposition && (term instanceof DateTerm.Relative || term instanceof DateTerm.Weekday));
        }

        /** The number a token is, if it is one: digits after at most two proclitic letters ("و15"), then a suffix. */
        private Num number(final Token token, final String form) {
            int p = 0;
            while (p < 2 && p < form.length() && NUMBER_PROCLITICS.indexOf(form.charAt(p)) >= 0) {
                p++;
            }
            int q = p;
            while (q < form.length() && form.charAt(q) >= '0' && form.charAt(q) <= '9') {
                q++;
            }
            if (q == p || q - p > 9) {
                return null;
            }
            int start = token.start();
            while (start < token.end() && !Character.isDigit(text.charAt(start))) {
                start++;
            }
            int end = token.end();
            while (end > start && Character.getType(text.charAt(end - 1)) == Character.FORMAT) {
                end--;
            }
            int digitsEnd = start;
            while (digitsEnd < end && Character.isDigit(text.charAt(digitsEnd))) {
                digitsEnd++;
            }
            return new Num(Integer.parseInt(form.substring(p, q)), q - p, form.substring(q), start, digitsEnd, end);
        }
    }

    private static LocalDate date(final int year, final int month, final int day) {
        if (year < 1900 || year > 2100) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (final DateTimeException e) {
            return null;
        }
    }

    private static LocalDate hijri(final int year, final int month, final int day) {
        try {
            return LocalDate.from(HijrahDate.of(year, month, day));
        } catch (final DateTimeException e) {
            return null;
        }
    }

    private static String withoutConjunction(final String form) {
        return form.length() > 2 && (form.charAt(0) == '\u0648' || form.charAt(0) == '\u0641') ? form.substring(1) : form;
    }

    private static String withoutFormatCharacters(final String form) {
        for (int k = 0; k < form.length(); k++) {
            if (Character.getType(form.charAt(k)) == Character.FORMAT) {
                final StringBuilder kept = new StringBuilder(form.length());
                for (int m = 0; m < form.length(); m++) {
                    if (Character.getType(form.charAt(m)) != Character.FORMAT) {
                        kept.append(form.charAt(m));
                    }
                }
                return kept.toString();
            }
        }
        return form;
    }
}
