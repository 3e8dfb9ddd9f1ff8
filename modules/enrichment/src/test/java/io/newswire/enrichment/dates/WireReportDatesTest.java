package io.newswire.enrichment.dates;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.DateMention;
import io.newswire.model.Evidence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole reports of our own, in the shape correspondents file them: every field, dates in several of them. */
class WireReportDatesTest {

    private static final DateExtractor EXTRACTOR = new DateExtractor();

    /** Filed Wednesday 19 August 2026 at 06:10 UTC, 09:10 in Damascus. */
    private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-08-19T06:10:00Z");

    private static final ReportText ARABIC = new ReportText(List.of(
            new ReportText.Field(ReportText.DATELINE, "ريف حلب الشمالي"),
            new ReportText.Field(ReportText.HEADLINE, "مقتل مدنيين بقصف على بلدة تل رفعت"),
            new ReportText.Field(ReportText.SUBHEADLINE, "الأهالي يتحدثون عن أعنف قصف منذ أشهر"),
            new ReportText.Field(ReportText.BODY, String.join("\n",
                    "قتل ثلاثة مدنيين بينهم طفل وأصيب سبعة آخرون، مساء أمس الثلاثاء، جراء قصف صاروخي استهدف الأحياء الشرقية لبلدة تل رفعت في ريف حلب الشمالي، بحسب ما أفاد مراسلنا.",
                    "وقال أحد سكان البلدة إن القصف بدأ قرابة الساعة التاسعة ليلاً واستمر أكثر من ساعة، مضيفاً أن فرق الإنقاذ لم تتمكن من الوصول إلى بعض المنازل حتى فجر اليوم.",
                    "وكانت البلدة قد تعرضت لقصف مماثل في 3/8/2026 أسفر عن دمار في المدرسة الوحيدة فيها، فيما يُنتظر أن يعقد المجلس المحلي اجتماعاً طارئاً يوم الأحد المقبل.")),
            new ReportText.Field(ReportText.CAPTION, "آثار القصف على أحد المنازل في 19 آب 2026"),
            new ReportText.Field(ReportText.BIO, "مراسل ميداني منذ عام 2016، غطى معارك حلب في 22 كانون الأول 2016")));

    private static final ReportText ENGLISH = new ReportText(List.of(
            new ReportText.Field(ReportText.DATELINE, "BEIRUT"),
            new ReportText.Field(ReportText.HEADLINE, "Lebanese army deploys along southern border after overnight clashes"),
            new ReportText.Field(ReportText.BODY, String.join("\n",
                    "The Lebanese army began deploying troops along the southern border on Wednesday, a day after clashes that killed two soldiers, a military spokesman said.",
                    "The fighting broke out late on Tuesday near the village of Kfar Kila and lasted until dawn, residents said. A ceasefire agreed on Aug. 2 had held until then.",
                    "Talks are due to resume in Naqoura on August 27."))));

    private static String written(final ReportText text, final Evidence e) {
        return text.text(e.getField()).substring(e.getStart(), e.getEnd());
    }

    @Test
    void shouldTakeYesterdayEveningInTheLeadWhenAnArabicReportNamesSeveralDays() {
        final List<DateMention> mentions = EXTRACTOR.extract(ARABIC, WEDNESDAY_MORNING, ZoneId.of("Asia/Damascus"), "ar");
        // in order of first appearance: Tuesday (twice in the lead), today (lead of paragraph two and the caption),
        // 3 August, next Sunday, and the bio's date, listed but never the event
        assertThat(mentions).extracting(DateMention::getDate).containsExactly(LocalDate.of(2026, 8, 18), LocalDate.of(2026, 8, 19),
                LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 23), LocalDate.of(2016, 12, 22));
        final DateMention tuesday = mentions.get(0);
        assertThat(tuesday.getEventDate()).isTrue();
        assertThat(tuesday.getRelative()).isTrue();
        assertThat(tuesday.getEvidence()).extracting(Evidence::getText).containsExactly("مساء أمس", "الثلاثاء", "مساء أمس");
        assertThat(tuesday.getEvidence()).extracting(Evidence::getRule)
                .containsExactly("date.relative.yesterday", "date.weekday", "date.event.lead");
        // today is confirmed by the caption's written date, so it is not only relative
        assertThat(mentions.get(1).getRelative()).isFalse();
        assertThat(mentions.get(1).getEvidence()).extracting(Evidence::getField).containsExactly("body", "caption");
        assertThat(mentions.get(3).getEvidence().get(0).getText()).isEqualTo("يوم الأحد المقبل");
        assertThat(mentions.get(4).getEvidence().get(0).getField()).isEqualTo("bio");
        assertThat(mentions).filteredOn(DateMention::getEventDate).hasSize(1);
        for (final DateMention mention : mentions) {
            for (final Evidence e : mention.getEvidence()) {
                assertThat(written(ARABIC, e)).isEqualTo(e.getText());
            }
        }
    }

    @Test
    void shouldTakeTheLeadsWeekdayWhenAnEnglishReportAlsoNamesAFutureDate() {
        final List<DateMention> mentions = EXTRACTOR.extract(ENGLISH, WEDNESDAY_MORNING, ZoneId.of("Asia/Beirut"), "en");
        assertThat(mentions).extracting(DateMention::getDate).containsExactly(LocalDate.of(2026, 8, 19), LocalDate.of(2026, 8, 18),
                LocalDate.of(2026, 8, 2), LocalDate.of(2026, 8, 27));
        assertThat(mentions).extracting(DateMention::getEventDate).containsExactly(true, false, false, false);
        assertThat(mentions.get(0).getEvidence()).extracting(Evidence::getText).containsExactly("Wednesday", "Wednesday");
        assertThat(mentions.get(2).getEvidence().get(0).getText()).isEqualTo("Aug. 2");
    }
}
