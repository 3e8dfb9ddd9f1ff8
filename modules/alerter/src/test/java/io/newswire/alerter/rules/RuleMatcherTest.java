package io.newswire.alerter.rules;

import io.newswire.alerter.RealArticles;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.AlertEvidence;
import io.newswire.model.AlertRule;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The matcher on article versions enriched by the real built-in enrichment. */
class RuleMatcherTest {

    private static final MatchingTextNormalizer NORMALIZER = new MatchingTextNormalizer();
    private static final RuleParser PARSER = new RuleParser(NORMALIZER, Clock.systemUTC());

    /** The README's first example, as processing enriches it. */
    private static final ArticleUpdate ALEPPO = RealArticles.story().arabic(
            "نزوح عشرات العائلات من قرى ريف حلب الجنوبي بعد قصف مدفعي ليلي", "ريف حلب الجنوبي",
            "نزحت عشرات العائلات فجر اليوم من قرى تل الضمان والحاضر في ريف حلب الجنوبي، بعد قصف مدفعي استمر حتى ساعات الصباح الأولى.",
            "وقال مراسلنا في ريف حلب إن أكثر من ٦٠ عائلة وصلت إلى مخيمات قرب بلدة الأتارب، معظمها من النساء والأطفال، وسط نقص في الخيام والمياه.");

    private static Optional<RuleMatch> match(final String ruleJson, final ArticleUpdate update) {
        final AlertRule rule = PARSER.parse(ruleJson);
        return RuleMatcher.match(CompiledRule.compile(rule, NORMALIZER), ArticleText.of(update, NORMALIZER));
    }

    private static List<AlertEvidence> evidence(final String ruleJson, final ArticleUpdate update) {
        return match(ruleJson, update).orElseThrow(() -> new AssertionError("rule did not fire: " + ruleJson)).evidence();
    }

    @Test
    void shouldMatchTermsWrittenWithHamzaTehMarbutaAndTatweelVariantsAndAClitic() {
        // Given a story whose text writes "وبالمدرسه" (و + بال + teh marbuta as heh), "وادلب" (bare alef for إ) and "حـــماة" (tatweel)
        final ArticleUpdate update = RealArticles.story().arabic("قصف يطال المدرسة الوحيدة في البلدة", null,
                "سقطت قذيفة وبالمدرسه الابتدائية صباح اليوم، وامتد القصف الى وادلب وريفها.", "ونزح سكان من حـــماة أيضا.");

        // When rules watch "مدرسة", "إدلب" and "حماة" as an editor would type them
        final List<AlertEvidence> school = evidence("{\"ruleId\":\"school\",\"desk\":\"syria\",\"terms\":[\"مدرسة\"]}", update);
        final List<AlertEvidence> idlib = evidence("{\"ruleId\":\"idlib\",\"desk\":\"syria\",\"terms\":[\"إدلب\"]}", update);
        final List<AlertEvidence> hama = evidence("{\"ruleId\":\"hama\",\"desk\":\"syria\",\"terms\":[\"حماة\"]}", update);

        // Then each fires, pointing at the words as written
        assertThat(school).extracting(AlertEvidence::getText).contains("المدرسة", "وبالمدرسه");
        final AlertEvidence inBody = school.stream().filter(e -> e.getField().equals("body")).findFirst().orElseThrow();
        assertThat(String.join("\n", update.getBody()).substring(inBody.getStart(), inBody.getEnd())).isEqualTo("وبالمدرسه");
        assertThat(idlib).singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo("term");
            assertThat(e.getValue()).isEqualTo("إدلب");
            assertThat(e.getText()).isEqualTo("وادلب");
        });
        assertThat(hama).singleElement().extracting(AlertEvidence::getText).isEqualTo("حـــماة");
    }

    @Test
    void shouldMatchAWatchListFigureWrittenInEasternArabicDigits() {
        // Given a body that writes "٦٠ عائلة" in Eastern Arabic digits
        // When a rule watches "60 عائلة" in ASCII digits
        final List<AlertEvidence> found = evidence("{\"ruleId\":\"sixty\",\"desk\":\"syria\",\"terms\":[\"60 عائلة\"]}", ALEPPO);

        // Then it matches the two words as written
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.getText()).isEqualTo("٦٠ عائلة");
            assertThat(e.getField()).isEqualTo("body");
        });
    }

    @Test
    void shouldNotMatchATermThatIsOnlyPartOfAWord() {
        // "حلب" inside "حلبة" (a ring) is not Aleppo: words match whole, after the clitics
        final ArticleUpdate update = RealArticles.story().arabic("افتتاح حلبة سباق جديدة", null, "افتتحت حلبة سباق للخيول.");

        assertThat(match("{\"ruleId\":\"aleppo\",\"desk\":\"syria\",\"terms\":[\"حلب\"]}", update)).isEmpty();
    }

    @Test
    void shouldMatchAPlaceByItsGeoNamesIdWithEnrichmentsEvidence() {
        // Given the Aleppo story, whose enrichment resolves Aleppo (geonames:170063)
        // When a rule watches that id
        final List<AlertEvidence> found = evidence("{\"ruleId\":\"aleppo\",\"desk\":\"syria\",\"placeIds\":[\"geonames:170063\"]}", ALEPPO);

        // Then it fires on the place, with the span enrichment found it at
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo("place");
            assertThat(e.getValue()).isEqualTo("geonames:170063");
            assertThat(e.getText()).contains("حلب");
            assertThat(e.getStart()).isNotNull();
        });
    }

    @Test
    void shouldMatchPlacesWithinARadiusAndNotOutsideIt() {
        // Given the Aleppo story: Aleppo, its villages and al-Atarib, all within about 40 km of the city
        // When one rule draws 60 km around Aleppo's centre and another 50 km around Damascus
        final List<AlertEvidence> near = evidence("{\"ruleId\":\"north\",\"desk\":\"syria\",\"areas\":[\"36.2021,37.1343,60\"]}", ALEPPO);
        final Optional<RuleMatch> far = match("{\"ruleId\":\"damascus\",\"desk\":\"syria\",\"areas\":[{\"latitude\":33.5102,\"longitude\":36.2913,\"radiusKm\":50}]}", ALEPPO);

        // Then the near one fires with each place's distance, the far one does not
        assertThat(near).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getKind()).isEqualTo("area");
            assertThat(e.getDistanceKm()).isBetween(0.0, 60.0);
        });
        assertThat(far).isEmpty();
    }

    @Test
    void shouldMatchAPartyById() {
        // Given a story naming the SDF by its Arabic abbreviation
        final ArticleUpdate update = RealArticles.story().arabic("اشتباكات بين قسد ومسلحين في ريف دير الزور", "دير الزور",
                "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية (قسد) ومسلحين محليين في بلدة ذيبان بريف دير الزور الشرقي.");

        // When a rule follows the party by its id
        final List<AlertEvidence> found = evidence("{\"ruleId\":\"sdf\",\"desk\":\"syria\",\"partyIds\":[\"newswire:sdf\"]}", update);

        // Then it fires on the party, with its name and where it was found
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo("party");
            assertThat(e.getValue()).isEqualTo("newswire:sdf");
            assertThat(e.getText()).isNotBlank();
        });
        assertThat(match("{\"ruleId\":\"other\",\"desk\":\"syria\",\"partyIds\":[\"Q487069\"]}", update)).isEmpty();
    }

    @Test
    void shouldMatchASignalOnlyOnThatSignal() {
        // Given a story and its correction
        final RealArticles story = RealArticles.story();
        final ArticleUpdate first = story.arabic("انقطاع المياه عن أحياء في حلب", "حلب", "انقطعت المياه عن أحياء في مدينة حلب.");
        final ArticleUpdate correction = story.next(Signal.CORRECTION, "reem", SourceRole.CORRECTION, "syria", "ar",
                "انقطاع المياه عن أحياء في حلب", "حلب", "انقطعت المياه عن ثلاثة أحياء في مدينة حلب.");
        final String rule = "{\"ruleId\":\"corrections\",\"desk\":\"syria\",\"signals\":[\"CORRECTION\",\"WITHDRAWAL\"]}";

        // Then a rule on corrections and withdrawals fires on the correction only
        assertThat(match(rule, first)).isEmpty();
        assertThat(evidence(rule, correction)).singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo("signal");
            assertThat(e.getValue()).isEqualTo("CORRECTION");
        });
    }

    @Test
    void shouldMatchUrgencyAtOrAboveTheLevel() {
        // urgency 1 is flash: "at least 3" takes 1, 2 and 3, not 4
        final String rule = "{\"ruleId\":\"flash\",\"desk\":\"syria\",\"urgencyAtLeast\":3}";

        assertThat(evidence(rule, RealArticles.withUrgency(ALEPPO, 2))).singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo("urgency");
            assertThat(e.getText()).isEqualTo("2");
        });
        assertThat(match(rule, RealArticles.withUrgency(ALEPPO, 3))).isPresent();
        assertThat(match(rule, RealArticles.withUrgency(ALEPPO, 4))).isEmpty();
        assertThat(match(rule, RealArticles.withUrgency(ALEPPO, null))).isEmpty();
    }

    @Test
    void shouldRequireEveryConditionTheRuleGives() {
        // a place that matches and a term that does not: no alert; both: an alert with evidence of each
        assertThat(match("{\"ruleId\":\"both\",\"desk\":\"syria\",\"placeIds\":[\"geonames:170063\"],\"terms\":[\"زلزال\"]}", ALEPPO)).isEmpty();
        assertThat(evidence("{\"ruleId\":\"both\",\"desk\":\"syria\",\"placeIds\":[\"geonames:170063\"],\"terms\":[\"قصف\"]}", ALEPPO))
                .extracting(AlertEvidence::getKind).contains("place", "term");
    }

    @Test
    void shouldMatchALanguageByItsPrefix() {
        final ArticleUpdate syrianArabic = ArticleUpdate.newBuilder(ALEPPO).setLanguage("ar-SY").build();

        assertThat(match("{\"ruleId\":\"arabic\",\"desk\":\"syria\",\"languages\":[\"ar\"]}", syrianArabic)).isPresent();
        assertThat(match("{\"ruleId\":\"english\",\"desk\":\"syria\",\"languages\":[\"en\"]}", syrianArabic)).isEmpty();
    }
}
