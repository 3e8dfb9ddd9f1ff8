package io.newswire.enrichment.parties;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Entity;
import io.newswire.model.Evidence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A capital in its government's place, through {@link PartyMatcher} with the shipped table and vocabulary. */
class CapitalMetonymyTest {

    private static final PartyMatcher MATCHER = PartyMatcher.withShippedTable();

    private static List<Entity> match(final String text) {
        return MATCHER.match(new ReportText(List.of(new ReportText.Field(ReportText.BODY, text))), "ar");
    }

    private static List<String> ids(final String text) {
        return match(text).stream().map(Entity::getId).toList();
    }

    private static Evidence evidenceOf(final String text, final String id) {
        return match(text).stream().filter(e -> e.getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not found in " + text)).getEvidence().get(0);
    }

    @Test
    void shouldGiveTheGovernmentWhenAStatementVerbComesRightBeforeTheArabicCapital() {
        final String text = "أعلنت دمشق رفضها للقرار الأخير";
        final Evidence evidence = evidenceOf(text, "newswire:syrian-government");
        assertThat(evidence.getText()).isEqualTo("دمشق");
        assertThat(text.substring(evidence.getStart(), evidence.getEnd())).isEqualTo("دمشق");
        assertThat(evidence.getRule()).isEqualTo("party.capital:verb-before");
        assertThat(evidence.getScore()).isEqualTo(PartyMatcher.CAPITAL_SCORE);
    }

    @Test
    void shouldReadTheVerbThroughItsConjunctionAndTheCapitalWithoutItsHamza() {
        // و on the verb, انقرة written without hamza
        assertThat(ids("وتقول انقرة إن عملياتها تستهدف مواقع المسلحين")).containsExactly("newswire:turkish-government");
    }

    @Test
    void shouldGiveTheGovernmentWhenTheArabicCapitalIsTheSubjectOfAPresentVerb() {
        // headline order: subject then verb; the object capital right after the verb is a government too
        assertThat(ids("طهران تتهم واشنطن بالتصعيد")).containsExactly("newswire:iranian-government", "newswire:us-government");
    }

    @Test
    void shouldGiveEveryGovernmentOfAnEnglishChainBeforeTheVerb() {
        final List<Entity> found = match("Baghdad and Erbil agree to resume oil exports");
        assertThat(found).extracting(Entity::getId).containsExactly("newswire:iraqi-government", "newswire:krg");
        assertThat(found.get(0).getEvidence().get(0).getRule()).isEqualTo("party.capital:subject");
    }

    @Test
    void shouldAllowAFewWordsBetweenTheEnglishCapitalAndItsVerb() {
        assertThat(ids("Ankara has also denied any role in the strike")).containsExactly("newswire:turkish-government");
        assertThat(ids("Damascus on Monday accused the rebels of breaking the truce")).containsExactly("newswire:syrian-government");
    }

    @Test
    void shouldGiveTheGovernmentForAPossessiveOfStanceWithoutThePossessiveInTheSpan() {
        final String text = "The deal still needs Damascus's approval";
        final Evidence evidence = evidenceOf(text, "newswire:syrian-government");
        assertThat(evidence.getText()).isEqualTo("Damascus");
        assertThat(evidence.getRule()).isEqualTo("party.capital:stance");
    }

    @Test
    void shouldGiveTheGovernmentsOfTalksWithOrBetweenCapitals() {
        assertThat(ids("قبل المفاوضات مع دمشق الشهر المقبل")).containsExactly("newswire:syrian-government");
        assertThat(ids("new talks between Baghdad and Erbil")).containsExactly("newswire:iraqi-government", "newswire:krg");
        assertThat(ids("بسبب موقف أنقرة من الملف")).containsExactly("newswire:turkish-government");
    }

    @Test
    void shouldGiveBothGovernmentsOfAnArabicChainWithTheConjunctionLeftOutOfTheSpan() {
        final String text = "تصاعد الخلاف بين بغداد وأربيل حول النفط";
        assertThat(ids(text)).containsExactly("newswire:iraqi-government", "newswire:krg");
        final Evidence erbil = evidenceOf(text, "newswire:krg");
        assertThat(erbil.getText()).isEqualTo("أربيل");
        assertThat(text.substring(erbil.getStart(), erbil.getEnd())).isEqualTo("أربيل");
        assertThat(erbil.getRule()).isEqualTo("party.capital:relation");
    }

    @Test
    void shouldGiveTheGovernmentWhenAnEnglishVerbOfAskingComesBefore() {
        assertThat(ids("The provincial council urged Baghdad to release more water")).contains("newswire:iraqi-government");
        assertThat(evidenceOf("Washington called on Tehran to stop", "newswire:iranian-government").getRule()).isEqualTo("party.capital:object");
    }

    @Test
    void shouldNotTurnACapitalNamedAsAPlaceIntoItsGovernment() {
        assertThat(ids("سقطت قذيفة في دمشق صباح اليوم")).isEmpty();
        assertThat(ids("قالت مصادر في دمشق إن الطريق مغلق")).isEmpty();
        assertThat(ids("وصل الوفد إلى بغداد أمس")).isEmpty();
        assertThat(ids("بدمشق أعلنت المحافظة إغلاق الطرق")).isEmpty(); // ب on the capital: a place
        assertThat(ids("في ريف دمشق قالت مصادر")).isEmpty();
        assertThat(ids("Officials in Damascus said the road was closed")).isEmpty();
        assertThat(ids("He flew to Ankara on Monday")).isEmpty();
        assertThat(ids("Prices in Baghdad rose sharply")).isEmpty();
        assertThat(ids("Baghdad will see temperatures above 50C")).isEmpty(); // a modal is no statement
        assertThat(ids("The Washington Post said")).isEmpty();
    }

    @Test
    void shouldLeaveACapitalInsideATableNameToTheTable() {
        final List<Entity> found = match("قالت حكومة دمشق إنها لن تشارك");
        assertThat(found).extracting(Entity::getId).containsExactly("newswire:syrian-government");
        assertThat(found.get(0).getEvidence()).extracting(Evidence::getRule).containsExactly("party.alias:حكومة دمشق");
    }

    @Test
    void shouldNameTheGovernmentInTheReportsLanguage() {
        final List<Entity> found = MATCHER.match(new ReportText(List.of(new ReportText.Field(ReportText.BODY, "Tehran denied the report"))), "en");
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("Iranian government");
            assertThat(e.getType()).isEqualTo("government");
            assertThat(e.getAmbiguous()).isFalse();
        });
    }
}
