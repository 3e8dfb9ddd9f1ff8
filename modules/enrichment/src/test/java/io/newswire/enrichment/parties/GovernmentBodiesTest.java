package io.newswire.enrichment.parties;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Entity;
import io.newswire.model.Evidence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Government bodies at the level written, through {@link PartyMatcher} with the shipped table and vocabulary. */
class GovernmentBodiesTest {

    private static final PartyMatcher MATCHER = PartyMatcher.withShippedTable();

    private static List<Entity> match(final String text, final String language) {
        return MATCHER.match(new ReportText(List.of(new ReportText.Field(ReportText.BODY, text))), language);
    }

    private static List<String> ids(final String text) {
        return match(text, "ar").stream().map(Entity::getId).toList();
    }

    private static Entity only(final String text, final String language) {
        final List<Entity> found = match(text, language);
        assertThat(found).as("entities of " + text).hasSize(1);
        return found.get(0);
    }

    @Test
    void shouldNameAMinistryOfAStateTheTableDoesNotHave() {
        final String text = "أعلنت وزارة الصحة الإيرانية تسجيل إصابات جديدة";
        final Entity ministry = only(text, "ar");
        assertThat(ministry.getId()).isEqualTo("newswire:gov/iran/ministry-of-health");
        assertThat(ministry.getType()).isEqualTo("government");
        assertThat(ministry.getName()).isEqualTo("وزارة الصحة الإيرانية");
        assertThat(ministry.getAmbiguous()).isFalse(); // not the bare "وزارة الصحة" of the table, shared by several states
        final Evidence evidence = ministry.getEvidence().get(0);
        assertThat(evidence.getText()).isEqualTo("وزارة الصحة الإيرانية");
        assertThat(text.substring(evidence.getStart(), evidence.getEnd())).isEqualTo(evidence.getText());
        assertThat(evidence.getRule()).isEqualTo("party.body:ministry");
        assertThat(evidence.getScore()).isEqualTo(PartyMatcher.BODY_SCORE);
        assertThat(only("Iran's health ministry said", "en").getName()).isEqualTo("Iranian Ministry of Health");
    }

    @Test
    void shouldGiveTheTablesIdWhenTheTableHasTheBody() {
        // the table's alias as written, and the same ministry written another way
        assertThat(ids("وزارة الصحة السورية")).containsExactly("newswire:syria-moh");
        final Entity written = only("قالت وزارة الصحة في سورية إن", "ar");
        assertThat(written.getId()).isEqualTo("newswire:syria-moh");
        assertThat(written.getEvidence().get(0).getRule()).isEqualTo("party.body:ministry");
        assertThat(ids("قالت وزارة الخارجية في إيران")).containsExactly("newswire:iran-foreign-ministry");
    }

    @Test
    void shouldReadAnArabicMinistryWrittenWithoutTheWordMinistry() {
        assertThat(ids("وقالت الدفاع الإيرانية إن")).containsExactly("newswire:gov/iran/ministry-of-defence");
        // the masculine adjective goes with the minister, not the ministry
        assertThat(ids("التقى وزير الداخلية المصري نظيره")).isEmpty();
    }

    @Test
    void shouldReadEnglishMinistriesInTheirUsualShapes() {
        assertThat(only("the Qatari Ministry of Foreign Affairs said", "en").getId()).isEqualTo("newswire:gov/qatar/ministry-of-foreign-affairs");
        assertThat(only("an Egyptian foreign ministry statement", "en").getId()).isEqualTo("newswire:gov/egypt/ministry-of-foreign-affairs");
        final Entity possessive = only("Egypt's health ministry said", "en");
        assertThat(possessive.getId()).isEqualTo("newswire:gov/egypt/ministry-of-health");
        assertThat(possessive.getEvidence().get(0).getText()).isEqualTo("Egypt's health ministry");
    }

    @Test
    void shouldNameADirectorateOfACityInEveryArabicShape() {
        // construct without the article; في with a filler word; ب on the city and و on the body
        assertThat(ids("سجلت مديرية صحة حمص إصابات")).containsExactly("newswire:gov/syria/homs/health-directorate");
        assertThat(ids("دعت مديرية التربية في محافظة حلب")).containsExactly("newswire:gov/syria/aleppo/education-directorate");
        final String text = "وقالت ومديرية الزراعة بطرطوس";
        final Evidence evidence = only(text, "ar").getEvidence().get(0);
        assertThat(only(text, "ar").getId()).isEqualTo("newswire:gov/syria/tartus/agriculture-directorate");
        assertThat(evidence.getText()).isEqualTo("مديرية الزراعة بطرطوس");
        assertThat(text.substring(evidence.getStart(), evidence.getEnd())).isEqualTo(evidence.getText());
        // alef maqsura written as yeh-less: فى for في
        assertThat(ids("مديرية الصحة فى حمص")).containsExactly("newswire:gov/syria/homs/health-directorate");
    }

    @Test
    void shouldNameLocalBodiesOfACity() {
        assertThat(ids("تجمع الأهالي أمام المجلس المحلي لمدينة اعزاز")).containsExactly("newswire:gov/syria/azaz/local-council");
        assertThat(ids("أعلنت بلدية صيدا")).containsExactly("newswire:gov/lebanon/sidon/municipality");
        assertThat(ids("قال مجلس محافظة البصرة")).containsExactly("newswire:gov/iraq/basra/provincial-council");
        assertThat(ids("وقال مدير فوج إطفاء طرطوس")).containsExactly("newswire:gov/syria/tartus/fire-brigade");
        final Entity council = only("the Basra provincial council voted", "en");
        assertThat(council.getId()).isEqualTo("newswire:gov/iraq/basra/provincial-council");
        assertThat(council.getName()).isEqualTo("Basra provincial council");
        assertThat(council.getType()).isEqualTo("local-government");
        assertThat(only("the local council in Afrin said", "en").getId()).isEqualTo("newswire:gov/syria/afrin/local-council");
    }

    @Test
    void shouldGiveABodyWrittenWithoutItsCityToTheReportsFirstCity() {
        final ReportText report = new ReportText(List.of(new ReportText.Field(ReportText.HEADLINE, "حرائق في ريف طرطوس"),
                new ReportText.Field(ReportText.BODY, "ودعت مديرية الزراعة في المحافظة المزارعين إلى الحذر")));
        final Entity directorate = MATCHER.match(report, "ar").get(0);
        assertThat(directorate.getId()).isEqualTo("newswire:gov/syria/tartus/agriculture-directorate");
        assertThat(directorate.getEvidence().get(0).getRule()).isEqualTo("party.body:anaphor:directorate");
        assertThat(directorate.getEvidence().get(0).getScore()).isEqualTo(PartyMatcher.ANAPHORIC_BODY_SCORE);
        assertThat(match("Salt water reached Basra. The provincial government said", "en")).extracting(Entity::getId)
                .containsExactly("newswire:gov/iraq/basra/provincial-government");
    }

    @Test
    void shouldFindNoBodyWithoutAStateOrACityItCanTell() {
        assertThat(ids("ودعت مديرية الزراعة في المحافظة المزارعين")).isEmpty(); // no city anywhere in the report
        assertThat(ids("المجلس المحلي في قرية الزيتونة بريف حلب")).isEmpty(); // an unknown village, not an anaphor
        assertThat(ids("وقال مسؤول في المديرية")).isEmpty();
        assertThat(match("He changed a flat tyre. The provincial government said", "en")).isEmpty(); // a city is capitalised
        assertThat(ids("وزارة التموين")).isEmpty();
        // the bare table alias keeps its meaning: several ministries, flagged ambiguous
        assertThat(match("قالت وزارة الصحة إن", "ar")).allSatisfy(e -> assertThat(e.getAmbiguous()).isTrue());
    }

    @Test
    void shouldRebuildTheEnglishNameOfAGeneratedId() {
        assertThat(MATCHER.englishName("newswire:gov/syria/homs/health-directorate")).contains("Homs Health Directorate");
        assertThat(MATCHER.englishName("newswire:gov/turkey/ministry-of-health")).contains("Turkish Ministry of Health");
        assertThat(MATCHER.englishName("newswire:gov/syria/busra-al-sham/local-council")).contains("Busra al-Sham local council");
        assertThat(MATCHER.englishName("newswire:sdf")).contains("Syrian Democratic Forces");
        assertThat(MATCHER.englishName("newswire:gov/atlantis/ministry-of-health")).isEqualTo(Optional.empty());
        assertThat(MATCHER.englishName("newswire:gov/syria/homs/ministry-of-nothing")).isEmpty();
    }
}
