package io.newswire.enrichment.urgency;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Subject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newswire.enrichment.text.ReportTexts.report;
import static org.assertj.core.api.Assertions.assertThat;

class UrgencyScorerTest {

    private static final UrgencyScorer SCORER = UrgencyScorer.withShippedRules();

    private static Urgency score(final String headline, final String body) {
        return SCORER.score(report(headline, body), null, false, List.of());
    }

    @Test
    void shouldBeUrgentWhenTheHeadlineSaysBreaking() {
        final Urgency urgency = score("عاجل: انسحاب مقاتلين من المدينة", "نص الخبر");
        assertThat(urgency.level()).isEqualTo(3);
        assertThat(urgency.reasons()).containsExactly("headline-breaking: عاجل (headline 0-4) → 3");
        assertThat(score("BREAKING: talks collapse", null).reasons().get(0)).isEqualTo("headline-breaking: BREAKING (headline 0-8) → 3");
    }

    @Test
    void shouldRaiseWithTheCasualtyFigureWhenWrittenInEasternDigits() {
        final String body = "مقتل ٢٥ مدنياً في قصف على السوق";
        final Urgency urgency = score("قصف على السوق", body);
        assertThat(urgency.level()).isEqualTo(3);
        assertThat(urgency.reasons().get(0)).isEqualTo("casualties-killed: مقتل ٢٥ (body 0-7) count 25 ≥ 20 → 3");
    }

    @Test
    void shouldCountArabicNumberWordsAndTakeTheLargestFigure() {
        final Urgency urgency = score(null, "سقط خمسة قتلى صباحاً، وارتفع العدد الى عشرات القتلى مساءً");
        assertThat(urgency.level()).isEqualTo(3);
        assertThat(urgency.reasons().get(0)).startsWith("casualties-killed: عشرات القتلى").contains("count 20 ≥ 20 → 3");
    }

    @Test
    void shouldGiveABulletinWhenOverAHundredAreKilled() {
        final Urgency urgency = score("Quake hits northern Syria", "At least 120 people were killed and hundreds were wounded.");
        assertThat(urgency.level()).isEqualTo(2);
        assertThat(urgency.reasons()).first().asString().startsWith("casualties-killed: 120 people were killed");
        assertThat(urgency.reasons()).anySatisfy(r -> assertThat(r).startsWith("event-earthquake: Quake (headline 0-5) → 3"));
        assertThat(urgency.reasons()).anySatisfy(r -> assertThat(r).startsWith("casualties-wounded: hundreds were wounded"));
    }

    @Test
    void shouldFireAnEventInTheLeadOnlyWhenItBeatsTheDefault() {
        // an explosion (4) named in the lead would be 5: not above normal, so it does not fire
        assertThat(score("تطورات في المدينة", "وقع انفجار في الحي الصناعي").level()).isEqualTo(5);
        // an earthquake (3) in the lead is 4
        final Urgency quake = score("تطورات في المدينة", "ضرب زلزال المنطقة فجراً\nفقرة ثانية");
        assertThat(quake.level()).isEqualTo(4);
        assertThat(quake.reasons()).containsExactly("event-earthquake-lead: زلزال (body 4-9) → 4");
        // named in the headline, the explosion is 4
        assertThat(score("انفجار في الحي الصناعي", null).reasons()).containsExactly("event-explosion: انفجار (headline 0-6) → 4");
    }

    @Test
    void shouldBeUrgentWithFiveDeadOrMore() {
        final Urgency urgency = score("مقتل ٧ أشخاص بهجوم مسلح", null);
        assertThat(urgency.level()).isEqualTo(3);
        assertThat(urgency.reasons().get(0)).isEqualTo("casualties-killed: مقتل ٧ (headline 0-6) count 7 ≥ 5 → 3");
        assertThat(score("Gunmen kill four fighters at a checkpoint", null).level()).isEqualTo(4);
    }

    @Test
    void shouldLowerAReportWithNoDatedEventOnlyWhenNothingRaisedIt() {
        final ReportText feature = report("صيادو صيدا.. بحر واسع ورزق ضيق", "يدفع أبو علي قاربه إلى البحر كل فجر");
        final Urgency lowered = SCORER.score(feature, "lebanon", false, List.of(), false);
        assertThat(lowered.level()).isEqualTo(7);
        assertThat(lowered.reasons()).containsExactly("undated: no dated event → 7");
        // with a dated event, or with anything raising the report, it is not lowered
        assertThat(SCORER.score(feature, "lebanon", false, List.of(), true).level()).isEqualTo(5);
        assertThat(SCORER.score(report("اشتباكات في المدينة", null), null, false, List.of(), false).level()).isEqualTo(4);
    }

    @Test
    void shouldUseTheCorrespondentsFlagTheDeskAndTheSubjects() {
        final ReportText text = report("اجتماع في المدينة", "ناقش المجلس الخدمات");
        assertThat(SCORER.score(text, null, true, List.of()).reasons()).containsExactly("correspondent-flagged-urgent → 3");
        assertThat(SCORER.score(text, "syria-breaking", false, List.of()).reasons()).containsExactly("desk: syria-breaking → 3");
        final Subject massacre = new Subject("medtop:20000071", "massacre", List.of());
        assertThat(SCORER.score(text, null, false, List.of(massacre)).reasons()).containsExactly("subject: medtop:20000071 massacre → 3");
    }

    @Test
    void shouldLowerOnlyWhenNothingRaised() {
        final ReportText analysis = report("تحليل: مستقبل المفاوضات", "نص التحليل");
        assertThat(SCORER.score(analysis, null, false, List.of()).level()).isEqualTo(7);
        assertThat(SCORER.score(analysis, "features", false, List.of()).reasons())
                .containsExactly("headline-analysis: تحليل (headline 0-5) → 7", "desk: features → 7");
        final Urgency raised = SCORER.score(analysis, "features", true, List.of());
        assertThat(raised.level()).isEqualTo(3);
        assertThat(raised.reasons()).first().isEqualTo("correspondent-flagged-urgent → 3");
        assertThat(raised.reasons()).contains("desk: features → 7 (not applied: raised)");
    }

    @Test
    void shouldDefaultToNormalWithAReason() {
        final Urgency urgency = score("افتتاح مدرسة في الحي", "افتتحت مدرسة جديدة");
        assertThat(urgency.level()).isEqualTo(5);
        assertThat(urgency.reasons()).containsExactly("default → 5");
    }

    @Test
    void shouldGiveTheSameLevelAndReasonsEveryTime() {
        final ReportText text = report("عاجل | مقتل 7 بانفجار سيارة مفخخة", "قتل 7 أشخاص وأصيب 30 بانفجار سيارة مفخخة.");
        final Urgency first = SCORER.score(text, "syria", true, List.of());
        for (int i = 0; i < 5; i++) {
            assertThat(SCORER.score(text, "syria", true, List.of())).isEqualTo(first);
        }
        assertThat(first.level()).isEqualTo(3);
        // the deciding reason first, then the others by level
        assertThat(first.reasons().get(0)).startsWith("headline-breaking: عاجل");
        assertThat(first.reasons()).contains("correspondent-flagged-urgent → 3");
        assertThat(first.reasons()).anySatisfy(r -> assertThat(r).startsWith("casualties-wounded: وأصيب 30").endsWith("≥ 20 → 4"));
    }
}
