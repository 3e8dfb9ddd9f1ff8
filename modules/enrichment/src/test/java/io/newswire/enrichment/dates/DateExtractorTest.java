package io.newswire.enrichment.dates;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.DateMention;
import io.newswire.model.Evidence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DateExtractorTest {

    private static final DateExtractor EXTRACTOR = new DateExtractor();
    private static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");
    /** Thursday 20 August 2026, 12:00 in Damascus. */
    private static final Instant THURSDAY_NOON = Instant.parse("2026-08-20T09:00:00Z");

    private static ReportText body(final String text) {
        return new ReportText(List.of(new ReportText.Field(ReportText.BODY, text)));
    }

    private static ReportText fields(final String... nameThenText) {
        final List<ReportText.Field> fields = new ArrayList<>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            fields.add(new ReportText.Field(nameThenText[i], nameThenText[i + 1]));
        }
        return new ReportText(fields);
    }

    private static List<DateMention> extract(final ReportText text) {
        return EXTRACTOR.extract(text, THURSDAY_NOON, DAMASCUS, "ar");
    }

    /**
     * Every reading (not the event evidence) of a text in reading order, as "date [written text] rule", checking
     * that every span points at its text.
     */
    private static List<String> readings(final ReportText text, final Instant filed, final ZoneId zone, final String declared) {
        final List<Object[]> readings = new ArrayList<>();
        for (final DateMention mention : EXTRACTOR.extract(text, filed, zone, declared)) {
            for (final Evidence e : mention.getEvidence()) {
                assertThat(text.text(e.getField()).substring(e.getStart(), e.getEnd())).as("span of " + e).isEqualTo(e.getText());
                if (!e.getRule().startsWith("date.event.")) {
                    final int field = text.fields().indexOf(new ReportText.Field(e.getField(), text.text(e.getField())));
                    readings.add(new Object[] {field * 1_000_000L + e.getStart(), mention.getDate() + " [" + e.getText() + "] " + e.getRule()});
                }
            }
        }
        readings.sort(Comparator.comparingLong(r -> (Long) r[0]));
        return readings.stream().map(r -> (String) r[1]).toList();
    }

    private static List<String> readings(final String body) {
        return readings(body(body), THURSDAY_NOON, DAMASCUS, "ar");
    }

    private static DateMention event(final List<DateMention> mentions) {
        final List<DateMention> events = mentions.stream().filter(DateMention::getEventDate).toList();
        assertThat(events).as("exactly one event date").hasSize(1);
        return events.get(0);
    }

    private static Evidence eventEvidence(final DateMention mention) {
        return mention.getEvidence().get(mention.getEvidence().size() - 1);
    }

    // ---- numeric

    @Test
    void shouldReadNumericDatesWhenWrittenInAnyDigitsAndOrder() {
        assertThat(readings("قصف في 15/8/2026 ثم في 3-8-2026 وفي 2026-08-01")).containsExactly(
                "2026-08-15 [15/8/2026] date.numeric.dmy",
                "2026-08-03 [3-8-2026] date.numeric.dmy",
                "2026-08-01 [2026-08-01] date.numeric.ymd");
        // Eastern Arabic and Persian digits, and the dotted form the tokenizer keeps as one word
        assertThat(readings("بتاريخ ١٥/٨/٢٠٢٦ و۱۴-۸-۲۰۲۶ و12.8.2026")).containsExactly(
                "2026-08-15 [١٥/٨/٢٠٢٦] date.numeric.dmy",
                "2026-08-14 [۱۴-۸-۲۰۲۶] date.numeric.dmy",
                "2026-08-12 [12.8.2026] date.numeric.dmy");
    }

    @Test
    void shouldPointAtTheDigitsWhenAProcliticOrABidiMarkIsGluedToThem() {
        // "و" written onto the day, right-to-left marks around the date, a time after an ISO date
        assertThat(readings("وصل و15/8/2026 ثم \u200f12/8/2026\u200f ثم 2026-08-10T10:00")).containsExactly(
                "2026-08-15 [15/8/2026] date.numeric.dmy",
                "2026-08-12 [12/8/2026] date.numeric.dmy",
                "2026-08-10 [2026-08-10] date.numeric.ymd");
    }

    @Test
    void shouldReadMonthFirstOnlyWhenTheDayCannotBeAMonthOrTheWriterIsAmerican() {
        assertThat(readings("8/15/2026")).containsExactly("2026-08-15 [8/15/2026] date.numeric.mdy");
        assertThat(readings("3/4/2026")).containsExactly("2026-04-03 [3/4/2026] date.numeric.dmy");
        assertThat(readings(body("3/4/2026"), THURSDAY_NOON, DAMASCUS, "en-US")).containsExactly("2026-03-04 [3/4/2026] date.numeric.mdy");
        // an ambiguous reading says so in its score
        assertThat(extract(body("3/4/2026")).get(0).getEvidence().get(0).getScore()).isEqualTo(0.8);
    }

    @Test
    void shouldNotReadANumericDateWhenItIsPartOfALongerRunOrInvalid() {
        // a phone number, four numbers, a day 32, a month 13 both ways, two-part forms and a bare year
        assertThat(readings("هاتف 0944-123-456 و 1/2/3/2026 و 32/1/2026 و 13/13/2026 و 12/10 و 2011-2026 وعام 2026")).isEmpty();
    }

    // ---- month names

    @Test
    void shouldReadEveryLevantineAndEgyptianMonthNameWhenTakenFromTheJdk() {
        for (final Month month : Month.values()) {
            for (final Locale locale : List.of(Locale.forLanguageTag("ar-SY"), Locale.forLanguageTag("ar-EG"))) {
                final String name = month.getDisplayName(TextStyle.FULL, locale);
                final String text = "في 3 " + name + " 2025";
                final List<DateMention> mentions = extract(body(text));
                assertThat(mentions).as(text).singleElement()
                        .satisfies(m -> assertThat(m.getDate()).isEqualTo(LocalDate.of(2025, month, 3)));
                assertThat(mentions.get(0).getEvidence().get(0).getRule()).as(text)
                        .isEqualTo(locale.getCountry().equals("SY") ? "date.month-name.levant" : "date.month-name.egypt-gulf");
            }
        }
    }

    @Test
    void shouldReadTheSpellingsWritersUseWhenCldrHasAnother() {
        assertThat(readings("2 ابريل 2026، 2 أبريل 2026، 3 ماي 2026، 4 يوليوز 2026، 5 اغسطس 2026، 6 يونيه 2026، "
                + "7 اذار 2026، 8 ايار 2026، 9 ايلول 2025، 10 كانون ثاني 2026، 11 تشرين أول 2025")).containsExactly(
                "2026-04-02 [2 ابريل 2026] date.month-name.egypt-gulf",
                "2026-04-02 [2 أبريل 2026] date.month-name.egypt-gulf",
                "2026-05-03 [3 ماي 2026] date.month-name.maghreb",
                "2026-07-04 [4 يوليوز 2026] date.month-name.maghreb",
                "2026-08-05 [5 اغسطس 2026] date.month-name.egypt-gulf",
                "2026-06-06 [6 يونيه 2026] date.month-name.egypt-gulf",
                "2026-03-07 [7 اذار 2026] date.month-name.levant",
                "2026-05-08 [8 ايار 2026] date.month-name.levant",
                "2025-09-09 [9 ايلول 2025] date.month-name.levant",
                "2026-01-10 [10 كانون ثاني 2026] date.month-name.levant",
                "2025-10-11 [11 تشرين أول 2025] date.month-name.levant");
    }

    @Test
    void shouldReadADayAndMonthWhenWrittenWithEasternDigitsTatweelOrBothMonthNames() {
        assertThat(readings("في ١٥ آب، و14 آب/أغسطس 2026، و13 تشرين الأول (أكتوبر) 2025، و12 أيـــار 2026، و11 من شهر آب")).containsExactly(
                "2026-08-15 [١٥ آب] date.month-name.levant",
                "2026-08-14 [14 آب/أغسطس 2026] date.month-name.levant",
                "2025-10-13 [13 تشرين الأول (أكتوبر) 2025] date.month-name.levant",
                "2026-05-12 [12 أيـــار 2026] date.month-name.levant",
                "2026-08-11 [11 من شهر آب] date.month-name.levant");
    }

    @Test
    void shouldReadAnArabicOrdinalDayWhenItComesBeforeAMonth() {
        assertThat(readings("في الخامس عشر من آب وفي الحادي والعشرين من تموز وفي أول آب")).containsExactly(
                "2026-08-15 [الخامس عشر من آب] date.ordinal-day.levant",
                "2026-07-21 [الحادي والعشرين من تموز] date.ordinal-day.levant",
                "2026-08-01 [أول آب] date.ordinal-day.levant");
        // an ordinal that is not before a month is not a day: the third day of the strike
        assertThat(readings("في اليوم الثالث من الإضراب")).isEmpty();
    }

    @Test
    void shouldReadEnglishAndFrenchDatesWhenWrittenEitherWay() {
        assertThat(readings("on 15 August 2026, on August 14, 2026, on Aug. 13, on the 12th of August and le 11 août 2026")).containsExactly(
                "2026-08-15 [15 August 2026] date.month-name.en",
                "2026-08-14 [August 14, 2026] date.month-name.en",
                "2026-08-13 [Aug. 13] date.month-name.en",
                "2026-08-12 [12th of August] date.month-name.en",
                "2026-08-11 [11 août 2026] date.month-name.fr");
    }

    @Test
    void shouldNotReadAMonthNameWhenNoDayIsNextToIt() {
        // "May" the verb, آب (father, once its hamza is folded), a month and year, a count before a month word
        assertThat(readings("We may see talks in May 2026. قال الأب إن آب كان صعباً، وقتل 15 شخصاً في آذار")).isEmpty();
    }

    @Test
    void shouldPlaceADayAndMonthWithoutYearInTheNearestYearNotFarAhead() {
        // filed 3 January 2026: 28 December is last year's, six days ago
        assertThat(readings(body("في 28 كانون الأول"), Instant.parse("2026-01-03T09:00:00Z"), DAMASCUS, "ar"))
                .containsExactly("2025-12-28 [28 كانون الأول] date.month-name.levant");
        // filed 20 August: 25 August is five days ahead, a scheduled event of this year
        assertThat(readings("في 25 آب")).containsExactly("2026-08-25 [25 آب] date.month-name.levant");
        // filed in June: 15 October is four months ahead, too far, so last October's
        assertThat(readings(body("في 15 تشرين الأول"), Instant.parse("2026-06-01T09:00:00Z"), DAMASCUS, "ar"))
                .containsExactly("2025-10-15 [15 تشرين الأول] date.month-name.levant");
        // "الماضي" and "المقبل" choose the side
        assertThat(readings("في 25 آب الماضي وفي 1 آب المقبل")).containsExactly(
                "2025-08-25 [25 آب الماضي] date.month-name.levant", "2027-08-01 [1 آب المقبل] date.month-name.levant");
    }

    @Test
    void shouldReadAHijriDateWhenItsYearIsGiven() {
        assertThat(readings("صباح 10 ذي الحجة 1447 هـ")).containsExactly("2026-05-27 [صباح 10 ذي الحجة 1447 هـ] date.month-name.hijri");
        // without its year a Hijri month is a name (رجب) or a word (صفر)
        assertThat(readings("قال رجب إن 3 صفر")).isEmpty();
    }

    // ---- weekdays

    @Test
    void shouldResolveAWeekdayToTheLatestSuchDayOnOrBeforeTheFiledDate() {
        // filed on Thursday 20 August 2026
        assertThat(readings("يوم الأحد ويوم الخميس والاحد الماضي والجمعة المقبلة")).containsExactly(
                "2026-08-16 [يوم الأحد] date.weekday",
                "2026-08-20 [ويوم الخميس] date.weekday",
                "2026-08-16 [والاحد الماضي] date.weekday.last",
                "2026-08-21 [والجمعة المقبلة] date.weekday.next");
        assertThat(readings("on Monday, last Thursday, Friday night and next Sunday")).containsExactly(
                "2026-08-17 [Monday] date.weekday",
                "2026-08-13 [last Thursday] date.weekday.last",
                "2026-08-14 [Friday night] date.weekday",
                "2026-08-23 [next Sunday] date.weekday.next");
    }

    @Test
    void shouldReadTheDateWhenAWeekdayIsFollowedByOne() {
        assertThat(readings("السبت الموافق 15 آب 2026")).containsExactly("2026-08-15 [السبت الموافق 15 آب 2026] date.month-name.levant");
        assertThat(extract(body("السبت 15 آب 2026")).get(0).getEvidence().get(0).getScore()).isEqualTo(1.0);
        // a weekday that disagrees with its date (15 August 2026 is a Saturday) lowers the score
        assertThat(extract(body("الأحد 15 آب 2026")).get(0).getEvidence().get(0).getScore()).isLessThan(1.0);
    }

    @Test
    void shouldNotReadAWeekdayWhenItsArticleIsMissing() {
        // اثنين is "two", احد is "one", خميس and جمعة are names
        assertThat(readings("قتل اثنين وأصيب أحد المقاتلين، وقال خميس وجمعة")).isEmpty();
    }

    // ---- relative days

    @Test
    void shouldResolveArabicRelativeDaysWhateverTheOrthography() {
        assertThat(readings("اليوم، فجر اليوم، صباح اليوم، امس، أمس، وأمس، بالأمس، يوم أمس، مساء أمس، ليلة أمس، البارحة، "
                + "الليلة الماضية، أول أمس، أول من أمس، غداً، بعد غد، قبل يومين، قبل ثلاثة أيام، منذ 4 أيام")).containsExactly(
                "2026-08-20 [اليوم] date.relative.today",
                "2026-08-20 [فجر اليوم] date.relative.today",
                "2026-08-20 [صباح اليوم] date.relative.today",
                "2026-08-19 [امس] date.relative.yesterday",
                "2026-08-19 [أمس] date.relative.yesterday",
                "2026-08-19 [وأمس] date.relative.yesterday",
                "2026-08-19 [بالأمس] date.relative.yesterday",
                "2026-08-19 [يوم أمس] date.relative.yesterday",
                "2026-08-19 [مساء أمس] date.relative.yesterday",
                "2026-08-19 [ليلة أمس] date.relative.yesterday",
                "2026-08-19 [البارحة] date.relative.yesterday",
                "2026-08-19 [الليلة الماضية] date.relative.yesterday",
                "2026-08-18 [أول أمس] date.relative.day-before-yesterday",
                "2026-08-18 [أول من أمس] date.relative.day-before-yesterday",
                "2026-08-21 [غداً] date.relative.tomorrow",
                "2026-08-22 [بعد غد] date.relative.day-after-tomorrow",
                "2026-08-18 [قبل يومين] date.relative.days-ago",
                "2026-08-17 [قبل ثلاثة أيام] date.relative.days-ago",
                "2026-08-16 [منذ 4 أيام] date.relative.days-ago");
    }

    @Test
    void shouldReadEnglishAndFrenchRelativeDays() {
        assertThat(readings("today, this morning, yesterday, last night, the day before yesterday, tomorrow, two days ago, hier, aujourd'hui")).containsExactly(
                "2026-08-20 [today] date.relative.today",
                "2026-08-20 [this morning] date.relative.today",
                "2026-08-19 [yesterday] date.relative.yesterday",
                "2026-08-19 [last night] date.relative.yesterday",
                "2026-08-18 [the day before yesterday] date.relative.day-before-yesterday",
                "2026-08-21 [tomorrow] date.relative.tomorrow",
                "2026-08-18 [two days ago] date.relative.days-ago",
                "2026-08-19 [hier] date.relative.yesterday",
                "2026-08-20 [aujourd'hui] date.relative.today");
    }

    @Test
    void shouldReadAMomentAgoAsToday() {
        assertThat(readings("قبل قليل، ومنذ دقائق، وقبل ساعات، minutes ago, moments ago")).containsExactly(
                "2026-08-20 [قبل قليل] date.relative.today",
                "2026-08-20 [ومنذ دقائق] date.relative.today",
                "2026-08-20 [وقبل ساعات] date.relative.today",
                "2026-08-20 [minutes ago] date.relative.today",
                "2026-08-20 [moments ago] date.relative.today");
        // counted from something else: two days before the attack, since the early morning hours, three days before it
        assertThat(readings("قبل يومين من الهجوم، يجلس منذ ساعات الصباح الأولى، وقبل ثلاثة أيام من ذلك")).isEmpty();
    }

    @Test
    void shouldPlaceAClockTimeOnTheDayItLastOccurredWhenTheReportCrossesMidnight() {
        // filed 22:10 UTC on 9 April, 01:10 on 10 April in Istanbul: 12:50 a.m. is that night, 11:40 p.m. the evening before
        final Instant filed = Instant.parse("2026-04-09T22:10:00Z");
        assertThat(readings(body("The quake struck at 12:50 a.m. local time after a tremor at 11:40 p.m. and one at 23:05"),
                filed, ZoneId.of("Europe/Istanbul"), "en")).containsExactly(
                "2026-04-10 [12:50 a.m] date.relative.clock-time",
                "2026-04-09 [11:40 p.m] date.relative.clock-time",
                "2026-04-09 [23:05] date.relative.clock-time");
        assertThat(readings(body("وقع الانفجار الساعة 9:30 مساءً"), filed, ZoneId.of("Europe/Istanbul"), "ar"))
                .containsExactly("2026-04-09 [9:30 مساءً] date.relative.clock-time");
        // without "at"/"الساعة" or a.m./p.m. two numbers with a colon are a score or a ratio
        assertThat(readings("انتهت المباراة 2:10 بخريطة مقياسها 1:50")).isEmpty();
    }

    @Test
    void shouldNotReadTodayWhenTheWordMeansTheDay() {
        // the next day, the same day, the third day, International Day; a verb that contains امس; a day
        assertThat(readings("في اليوم التالي، وفي اليوم نفسه، ولليوم الثالث، واليوم العالمي للاجئين، لامس الماء، ولامس، في يوم واحد")).isEmpty();
    }

    @Test
    void shouldResolveRelativeDaysInTheCorrespondentsZoneWhenThatCrossesMidnight() {
        // given a report filed at 23:30 UTC on 14 August, which is 02:30 on 15 August in Damascus (UTC+3)
        final Instant filed = Instant.parse("2026-08-14T23:30:00Z");
        final ReportText text = body("قتل ثلاثة مدنيين فجر اليوم بعد قصف بدأ أمس");
        // then "today" is 15 August and "yesterday" 14 August there
        assertThat(readings(text, filed, DAMASCUS, "ar")).containsExactly(
                "2026-08-15 [فجر اليوم] date.relative.today", "2026-08-14 [أمس] date.relative.yesterday");
        // while the same words read in UTC would be a day earlier
        assertThat(readings(text, filed, ZoneOffset.UTC, "ar")).containsExactly(
                "2026-08-14 [فجر اليوم] date.relative.today", "2026-08-13 [أمس] date.relative.yesterday");
        assertThat(event(EXTRACTOR.extract(text, filed, DAMASCUS, "ar")).getDate()).isEqualTo(LocalDate.of(2026, 8, 15));
    }

    // ---- the event date

    @Test
    void shouldTakeARelativeDayInTheLeadOverADateInALaterParagraphOrACaption() {
        // given a lead with "فجر اليوم", a dated later paragraph and a dated map in the caption
        final ReportText text = fields(
                ReportText.HEADLINE, "خروج مئات المدنيين من الحصار في الرقة",
                ReportText.BODY, "خرج مئات المدنيين فجر اليوم من الأحياء المحاصرة.\nوكانت المفاوضات قد بدأت في 12/8/2026 بحسب مصادر محلية.",
                ReportText.CAPTION, "خريطة السيطرة في المدينة بتاريخ 10/8/2026");
        final List<DateMention> mentions = extract(text);
        final DateMention event = event(mentions);
        assertThat(event.getDate()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(event.getRelative()).isTrue();
        assertThat(eventEvidence(event).getRule()).isEqualTo("date.event.lead");
        assertThat(eventEvidence(event).getText()).isEqualTo("فجر اليوم");
        assertThat(mentions).extracting(DateMention::getDate)
                .containsExactly(LocalDate.of(2026, 8, 20), LocalDate.of(2026, 8, 12), LocalDate.of(2026, 8, 10));
    }

    @Test
    void shouldTakeTheDatelineFirstWhenItHasADate() {
        final ReportText text = fields(ReportText.DATELINE, "حلب - 18 آب", ReportText.BODY, "قتل مدنيان اليوم في قصف على المدينة.");
        final DateMention event = event(extract(text));
        assertThat(event.getDate()).isEqualTo(LocalDate.of(2026, 8, 18));
        assertThat(eventEvidence(event).getRule()).isEqualTo("date.event.dateline");
    }

    @Test
    void shouldNotTakeADateAfterTheFiledDateOrInTheBio() {
        // given a lead announcing talks tomorrow and on 25 August, yesterday's clash in paragraph two, a date in the bio
        final ReportText text = fields(
                ReportText.BODY, "تبدأ المفاوضات غداً وتستمر حتى 25 آب.\nوكانت اشتباكات قد اندلعت أمس في ريف المدينة.",
                ReportText.BIO, "صحفي يكتب منذ 1/1/2015");
        final List<DateMention> mentions = extract(text);
        final DateMention event = event(mentions);
        assertThat(event.getDate()).isEqualTo(LocalDate.of(2026, 8, 19));
        assertThat(eventEvidence(event).getRule()).isEqualTo("date.event.body");
        // every date is still listed
        assertThat(mentions).extracting(DateMention::getDate).containsExactly(LocalDate.of(2026, 8, 21),
                LocalDate.of(2026, 8, 25), LocalDate.of(2026, 8, 19), LocalDate.of(2015, 1, 1));
    }

    @Test
    void shouldChooseNoEventDateWhenEveryDateIsAheadOrInTheBio() {
        final List<DateMention> mentions = extract(fields(ReportText.BODY, "تعقد الجولة المقبلة غداً", ReportText.BIO, "يعمل منذ 3/3/2019"));
        assertThat(mentions).hasSize(2).noneMatch(DateMention::getEventDate);
    }

    @Test
    void shouldFallBackOnAWeekWhenNothingMorePreciseQualifies() {
        final DateMention event = event(extract(body("شهدت المدينة الأسبوع الماضي موجة نزوح")));
        assertThat(event.getDate()).isEqualTo(LocalDate.of(2026, 8, 13));
        assertThat(event.getEvidence().get(0).getScore()).isEqualTo(0.3);
        assertThat(eventEvidence(event).getRule()).isEqualTo("date.event.imprecise");
        // and not when there is a day
        assertThat(event(extract(body("شهدت المدينة الأسبوع الماضي موجة نزوح واشتباكات أمس"))).getDate())
                .isEqualTo(LocalDate.of(2026, 8, 19));
    }

    @Test
    void shouldGroupTheSameDateWrittenTwiceIntoOneMention() {
        // given yesterday as a relative day in the lead and as a written date later
        final List<DateMention> mentions = extract(body("قتل خمسة أمس في المدينة.\nوقالت المصادر إن الهجوم وقع في 19 آب 2026."));
        assertThat(mentions).singleElement().satisfies(m -> {
            assertThat(m.getDate()).isEqualTo(LocalDate.of(2026, 8, 19));
            assertThat(m.getRelative()).as("an absolute date confirms it").isFalse();
            assertThat(m.getEventDate()).isTrue();
            assertThat(m.getEvidence()).extracting(Evidence::getRule)
                    .containsExactly("date.relative.yesterday", "date.month-name.levant", "date.event.lead");
        });
    }

    @Test
    void shouldFindNothingWhenThereIsNoDate() {
        assertThat(extract(body("خرج مئات المدنيين من الأحياء المحاصرة بعد فتح ممر آمن"))).isEmpty();
        assertThat(extract(new ReportText(List.of()))).isEmpty();
    }

    @Test
    void shouldGiveTheSameMentionsWhenRunTwice() {
        final ReportText text = fields(ReportText.DATELINE, "دير الزور", ReportText.HEADLINE, "اشتباكات يوم الأحد",
                ReportText.BODY, "اندلعت اشتباكات مساء أمس.\nوفي 3/8/2026 بدأت الحملة، وفي الخامس من آب توسعت.");
        assertThat(extract(text)).isEqualTo(extract(text)).isEqualTo(new DateExtractor().extract(text, THURSDAY_NOON, DAMASCUS, "ar"));
    }

    @Test
    void shouldUseTheFallbackZoneWhenTheReportsZoneIsMissingOrUnknown() {
        assertThat(DateExtractor.zoneOf("Asia/Damascus", ZoneOffset.UTC)).isEqualTo(DAMASCUS);
        assertThat(DateExtractor.zoneOf(null, DAMASCUS)).isEqualTo(DAMASCUS);
        assertThat(DateExtractor.zoneOf(" ", DAMASCUS)).isEqualTo(DAMASCUS);
        assertThat(DateExtractor.zoneOf("Asia/Raqqa", ZoneOffset.UTC)).isEqualTo(ZoneOffset.UTC);
    }
}
