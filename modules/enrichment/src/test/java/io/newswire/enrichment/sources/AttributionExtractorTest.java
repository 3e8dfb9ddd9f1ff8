package io.newswire.enrichment.sources;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Attribution;
import io.newswire.model.Evidence;
import io.newswire.model.SourceClaim;
import io.newswire.model.Warning;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionExtractorTest {

    private static final AttributionExtractor EXTRACTOR = AttributionExtractor.withShippedCues();

    private static ReportText body(final String text) {
        return new ReportText(List.of(new ReportText.Field(ReportText.BODY, text)));
    }

    private static Attributions extract(final String text) {
        return EXTRACTOR.extract(body(text), List.of());
    }

    private static Evidence evidence(final SourceClaim claim, final String rule) {
        return claim.getEvidence().stream().filter(e -> e.getRule().startsWith(rule)).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " not in " + claim.getEvidence()));
    }

    /** Every evidence span of every claim points at the words as written. */
    private static void assertSpansAreTheWrittenText(final String text, final Attributions found) {
        for (final SourceClaim claim : found.claims()) {
            for (final Evidence e : claim.getEvidence()) {
                if (e.getField().equals(ReportText.BODY)) {
                    assertThat(text.substring(e.getStart(), e.getEnd())).isEqualTo(e.getText());
                }
            }
        }
    }

    @Test
    void shouldTakeTheSourceAfterAnArabicVerbAndTheClaimAfterInna() {
        final String text = "وقال مراسل الوكالة في ريف الرقة إن أكثر من 200 مدني خرجوا من المدينة.";
        final Attributions found = extract(text);
        assertThat(found.claims()).singleElement().satisfies(claim -> {
            assertThat(claim.getSource()).isEqualTo("مراسل الوكالة في ريف الرقة");
            assertThat(claim.getClaim()).isEqualTo("أكثر من 200 مدني خرجوا من المدينة");
            final Evidence span = evidence(claim, "source.claim");
            assertThat(text.substring(span.getStart(), span.getEnd())).isEqualTo("أكثر من 200 مدني خرجوا من المدينة");
            assertThat(evidence(claim, "source.cue").getRule()).isEqualTo("source.cue.verb_before:قال");
            assertThat(evidence(claim, "source.cue").getText()).isEqualTo("وقال");
        });
        assertSpansAreTheWrittenText(text, found);
        assertThat(found.warnings()).isEmpty();
    }

    @Test
    void shouldReadPresentTenseVerbsAndMinAnna() {
        // features and background paragraphs report in the present: يقول, ترى, يحذر ... من أن
        final String text = "ويقول مزارعون في المنطقة إنهم يعملون رغم المخاطر. بينما يحذر خبراء أمنيون من أن الخلايا تعيد تنظيم صفوفها.";
        final Attributions found = extract(text);
        assertThat(found.claims()).extracting(SourceClaim::getSource).containsExactly("مزارعون في المنطقة", "خبراء أمنيون");
        assertSpansAreTheWrittenText(text, found);
    }

    @Test
    void shouldKeepTheQuotedSourceWhenAReporterCitesSomeone() {
        final String text = "ونقل مراسلنا عن مصدر مطلع في \"قسد\" أن المفاوضات بدأت قبل أيام.";
        final SourceClaim claim = extract(text).claims().get(0);
        assertThat(claim.getSource()).isEqualTo("مصدر مطلع في \"قسد");
        assertThat(claim.getClaim()).isEqualTo("المفاوضات بدأت قبل أيام");
    }

    @Test
    void shouldReadAPrepositionThatOpensTheSentenceAndTheClaimAfterFaInna() {
        final String text = "وبحسب المصدر فإن قادة الفصيل فضلوا إبقاء الاتفاق سرياً.";
        final SourceClaim claim = extract(text).claims().get(0);
        assertThat(claim.getSource()).isEqualTo("المصدر");
        assertThat(claim.getClaim()).isEqualTo("قادة الفصيل فضلوا إبقاء الاتفاق سرياً");
        assertThat(evidence(claim, "source.cue").getRule()).startsWith("source.cue.preposition:");
    }

    @Test
    void shouldTakeTheClaimBeforeAPrepositionInTheMiddleOfTheSentence() {
        final String text = "قتل ثلاثة مدنيين بقصف على البلدة، وفقاً لـ مصادر طبية. وارتفع العدد لاحقاً";
        final Attributions found = extract(text);
        assertThat(found.claims()).singleElement().satisfies(claim -> {
            assertThat(claim.getSource()).isEqualTo("مصادر طبية");
            assertThat(claim.getClaim()).isEqualTo("قتل ثلاثة مدنيين بقصف على البلدة");
        });
        // the casualty figure is in the attributed sentence: no warning
        assertThat(found.warnings()).isEmpty();
    }

    @Test
    void shouldReadEnglishAccordingToAndSaidInBothOrders() {
        final String text = "At least 12 civilians were killed, according to the Syrian Observatory for Human Rights. "
                + "The ministry said in a statement that 30 fighters had surrendered. "
                + "Five people died in the blast, a local source told Reuters.";
        final Attributions found = extract(text);
        assertThat(found.claims()).extracting(SourceClaim::getSource, SourceClaim::getClaim).containsExactly(
                org.assertj.core.groups.Tuple.tuple("the Syrian Observatory for Human Rights", "At least 12 civilians were killed"),
                org.assertj.core.groups.Tuple.tuple("The ministry", "30 fighters had surrendered"),
                org.assertj.core.groups.Tuple.tuple("a local source", "Five people died in the blast"));
        assertSpansAreTheWrittenText(text, found);
        assertThat(found.warnings()).isEmpty();
    }

    @Test
    void shouldReadTheClaimAfterToldAgencyAndActivistsSaid() {
        final SourceClaim told = extract("A commander told AFP that the road was reopened.").claims().get(0);
        assertThat(told.getSource()).isEqualTo("A commander");
        assertThat(told.getClaim()).isEqualTo("the road was reopened");
        final SourceClaim activists = extract("Activists said 40 families fled overnight.").claims().get(0);
        assertThat(activists.getSource()).isEqualTo("Activists");
        assertThat(activists.getClaim()).isEqualTo("40 families fled overnight");
    }

    @Test
    void shouldStopTheSourceAtAClaimNounWhenNoComplementizerFollows() {
        // "أكدت مصادر محلية مقتل ..." has no إن/أن: the claim noun مقتل opens the claim
        final SourceClaim claim = extract("وأكدت مصادر محلية مقتل ثلاثة عناصر من الفصيل").claims().get(0);
        assertThat(claim.getSource()).isEqualTo("مصادر محلية");
        assertThat(claim.getClaim()).isEqualTo("مقتل ثلاثة عناصر من الفصيل");
    }

    @Test
    void shouldStopTheSourceAtFiBayanAndStillFindTheClaim() {
        final SourceClaim claim = extract("وأعلنت وزارة الدفاع التركية في بيان لها أن قواتها دمرت مواقع").claims().get(0);
        assertThat(claim.getSource()).isEqualTo("وزارة الدفاع التركية");
        assertThat(claim.getClaim()).isEqualTo("قواتها دمرت مواقع");
    }

    @Test
    void shouldCarryTheSourceWhenTheNextVerbHasNone() {
        final String text = "وقال المرصد السوري إن الاشتباكات توقفت. وأضاف أن الطرفين سحبا آلياتهما.";
        final List<SourceClaim> claims = extract(text).claims();
        assertThat(claims).extracting(SourceClaim::getSource).containsExactly("المرصد السوري", "المرصد السوري");
        assertThat(claims.get(1).getClaim()).isEqualTo("الطرفين سحبا آلياتهما");
    }

    @Test
    void shouldNotTakeAWordWithTheArticleForAReportingVerb() {
        // "التابع" (affiliated) is not the verb "تابع" (he went on)
        assertThat(extract("وقدم عناصر إلى القضاء التابع للإدارة الذاتية").claims()).isEmpty();
    }

    @Test
    void shouldWarnWhenACasualtyFigureHasNoSource() {
        final String text = "قُتل ١٢ مدنياً في قصف على القرية. وقالت مصادر محلية إن القصف استمر ساعتين.";
        final Attributions found = extract(text);
        assertThat(found.warnings()).singleElement().satisfies(w -> {
            assertThat(w.getCode()).isEqualTo("unattributed-claim");
            assertThat(w.getField()).isEqualTo("body");
            assertThat(w.getMessage()).contains("قُتل ١٢").contains("body 0-");
        });
        assertThat(found.claims()).extracting(SourceClaim::getSource).containsExactly("مصادر محلية");
    }

    @Test
    void shouldWarnWhenAnAccusationHasNoSource() {
        final List<Warning> warnings = extract("ارتكبت الميليشيا مجزرة في القرية.").warnings();
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getMessage()).startsWith("accusation \"ارتكبت\""));
        // an accusation made by a named source is attributed by its own verb
        assertThat(extract("واتهمت منظمة حقوقية الفصيل بارتكاب مجزرة في القرية.").warnings()).isEmpty();
    }

    @Test
    void shouldAcceptAHeadlineFigureWhenTheBodySourcesAFigure() {
        final ReportText sourced = new ReportText(List.of(new ReportText.Field(ReportText.HEADLINE, "مقتل 5 مدنيين بانفجار في السوق"),
                new ReportText.Field(ReportText.BODY, "قال الدفاع المدني إن 5 مدنيين قتلوا بانفجار عبوة ناسفة.")));
        assertThat(EXTRACTOR.extract(sourced, List.of()).warnings()).isEmpty();
        final ReportText unsourced = new ReportText(List.of(new ReportText.Field(ReportText.HEADLINE, "مقتل 5 مدنيين بانفجار في السوق"),
                new ReportText.Field(ReportText.BODY, "انفجرت عبوة ناسفة في السوق ظهراً.")));
        assertThat(EXTRACTOR.extract(unsourced, List.of()).warnings()).singleElement()
                .satisfies(w -> assertThat(w.getField()).isEqualTo("headline"));
    }

    @Test
    void shouldTurnTheCorrespondentsOwnAttributionsIntoClaimsAndMergeTheSameSourceFoundInTheText() {
        final String text = "وأفادت مصادر طبية بأن المشفى استقبل عشرة جرحى.";
        final List<Attribution> written = new ArrayList<>();
        written.add(new Attribution("مصادر طبية", null));
        written.add(new Attribution("a resident", "the bakery closed"));
        final Attributions found = EXTRACTOR.extract(body(text), written);
        assertThat(found.claims()).hasSize(2);
        final SourceClaim medical = found.claims().get(0);
        assertThat(medical.getSource()).isEqualTo("مصادر طبية");
        assertThat(medical.getClaim()).isEqualTo("المشفى استقبل عشرة جرحى");
        assertThat(medical.getEvidence()).extracting(Evidence::getRule).contains("source.correspondent", "source.correspondent.text", "source.claim");
        assertThat(medical.getEvidence().get(0).getField()).isEqualTo("sources.1");
        final SourceClaim resident = found.claims().get(1);
        assertThat(resident.getClaim()).isEqualTo("the bakery closed");
        assertThat(resident.getEvidence()).singleElement().satisfies(e -> assertThat(e.getField()).isEqualTo("sources.2"));
        assertThat(found.warnings()).isEmpty();
    }

    @Test
    void shouldNotTakeNaqalaForAReportingVerbWithoutAn() {
        // "نقلت سيارات الإسعاف الجرحى": carried, not relayed
        assertThat(extract("ونقلت سيارات الإسعاف الجرحى إلى مشفى المدينة.").claims()).isEmpty();
    }

    @Test
    void shouldEndTheSourceAtIlaAnnaAndTheClaimBeforeTheNextAttribution() {
        final String text = "وأعلنت قوات سوريا الديمقراطية أن مقاتليها صدوا هجوماً، فيما أشار المرصد السوري إلى أن الهجوم فشل.";
        final List<SourceClaim> claims = extract(text).claims();
        assertThat(claims).extracting(SourceClaim::getSource, SourceClaim::getClaim).containsExactly(
                org.assertj.core.groups.Tuple.tuple("قوات سوريا الديمقراطية", "مقاتليها صدوا هجوماً"),
                org.assertj.core.groups.Tuple.tuple("المرصد السوري", "الهجوم فشل"));
    }
}
