package io.newswire.enrichment.parties;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Entity;
import io.newswire.model.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartyMatcherTest {

    private static final PartyMatcher MATCHER = PartyMatcher.withShippedTable();

    private static ReportText body(final String text) {
        return new ReportText(List.of(new ReportText.Field(ReportText.BODY, text)));
    }

    private static List<String> ids(final List<Entity> entities) {
        return entities.stream().map(Entity::getId).toList();
    }

    private static Entity only(final List<Entity> entities, final String id) {
        return entities.stream().filter(e -> e.getId().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in " + ids(entities)));
    }

    @Test
    void shouldFindTheFullNameAsOnePartyWhenItContainsACountryName() {
        // given the SDF's full name, which contains سوريا; the table has no entry that would take سوريا alone
        final String text = "قالت قوات سوريا الديمقراطية إنها صدت هجوماً";
        // when
        final List<Entity> found = MATCHER.match(body(text), "ar");
        // then one entity whose span is all three words
        assertThat(ids(found)).containsExactly("newswire:sdf");
        final Evidence evidence = found.get(0).getEvidence().get(0);
        assertThat(text.substring(evidence.getStart(), evidence.getEnd())).isEqualTo("قوات سوريا الديمقراطية");
        assertThat(evidence.getRule()).isEqualTo("party.alias:قوات سوريا الديمقراطية");
        assertThat(found.get(0).getAmbiguous()).isFalse();
    }

    @Test
    void shouldPreferTheLongestNameWhenAShorterOneStartsIt() {
        // "الجيش السوري الحر" is the FSA; "الجيش السوري" alone is the army
        final List<Entity> found = MATCHER.match(body("اشتبك الجيش السوري الحر مع الجيش السوري قرب المدينة"), "en");
        assertThat(ids(found)).containsExactly("newswire:fsa", "newswire:syrian-army");
        assertThat(only(found, "newswire:fsa").getEvidence()).hasSize(1);
    }

    @Test
    void shouldMatchWhenWrittenWithoutHamzaWithHehForTehMarbutaAndWithTatweel() {
        // given three hands: ة written ه, الإسلامية without hamza, a tatweel in the middle of الدولة, سورية for سوريا
        final String text = "مقاتلو تنظيم الدولـــة الاسلاميه انسحبوا امام قوات سورية الديموقراطيه";
        final List<Entity> found = MATCHER.match(body(text), "ar");
        assertThat(ids(found)).containsExactly("Q2429253", "newswire:sdf");
        final Evidence is = found.get(0).getEvidence().get(0);
        assertThat(text.substring(is.getStart(), is.getEnd())).isEqualTo("تنظيم الدولـــة الاسلاميه");
    }

    @Test
    void shouldFindAbbreviationsWhenProcliticsAreAttached() {
        // given بقسد (ب), لداعش (ل), والمرصد السوري (و before the article)
        final String text = "ألحقت الضربة خسائر بقسد وأعادت الأرض لداعش، والمرصد السوري وثّق ذلك";
        final List<Entity> found = MATCHER.match(body(text), "ar");
        assertThat(ids(found)).containsExactly("newswire:sdf", "Q2429253", "newswire:sohr");
        // then the span leaves the proclitic out and keeps the article
        assertThat(found.stream().map(e -> e.getEvidence().get(0).getText()))
                .containsExactly("قسد", "داعش", "المرصد السوري");
        for (final Entity entity : found) {
            final Evidence e = entity.getEvidence().get(0);
            assertThat(text.substring(e.getStart(), e.getEnd())).isEqualTo(e.getText());
        }
    }

    @Test
    void shouldFindAQuotedAbbreviationAfterLamWithTatweel() {
        // the wire habit of لـ"قسد": the lam is its own word once the tatweel goes
        assertThat(ids(MATCHER.match(body("تسليم المدينة لـ\"قسد\" خلال أيام"), "ar"))).containsExactly("newswire:sdf");
    }

    @Test
    void shouldNotTakeACommonWordWithoutItsArticle() {
        // "هيئة المنافذ" and "تنظيم الصيد" are construct phrases; "الهيئة" and "والتنظيم" are the groups' short names
        assertThat(ids(MATCHER.match(body("أعلنت هيئة المنافذ الحدودية العراقية استئناف الحركة"), "ar")))
                .containsExactly("newswire:iraq-border-ports");
        assertThat(ids(MATCHER.match(body("طالبت النقابة بتنظيم الصيد في المواسم الحساسة"), "ar"))).isEmpty();
        assertThat(ids(MATCHER.match(body("وقالت الهيئة في بيان إن عناصرها انسحبوا"), "ar"))).containsExactly("newswire:hts");
        assertThat(ids(MATCHER.match(body("تبنى التنظيم الهجوم، والتنظيم ينشط في البادية"), "ar"))).containsExactly("Q2429253");
    }

    @Test
    void shouldTellLebaneseBodiesFromTheirNamesakes() {
        // the longer Lebanese names win over the shared short ones (الصليب الأحمر, وزارة الصحة)
        final List<Entity> found = MATCHER.match(body("وقال الصليب الأحمر اللبناني ووزارة الصحة العامة إن الجيش اللبناني انتشر"), "ar");
        assertThat(ids(found)).containsExactly("newswire:lebanese-red-cross", "newswire:lebanon-moph", "newswire:lebanese-army");
        assertThat(found).noneMatch(Entity::getAmbiguous);
    }

    @Test
    void shouldGiveEveryCandidateFlaggedWhenAPhraseIsShared() {
        // given "الهلال الأحمر" alone: Syrian, Iraqi, Turkish and Kurdish Red Crescent all answer to it
        final List<Entity> found = MATCHER.match(body("وصلت فرق الهلال الأحمر الى الموقع"), "ar");
        assertThat(ids(found)).containsExactlyInAnyOrder("newswire:sarc", "newswire:iraqi-red-crescent",
                "newswire:turkish-red-crescent", "newswire:kurdish-red-crescent");
        assertThat(found).allSatisfy(e -> {
            assertThat(e.getAmbiguous()).isTrue();
            assertThat(e.getEvidence().get(0).getScore()).isLessThan(0.5);
        });
    }

    @Test
    void shouldGiveASharedPhraseToTheCandidateTheReportNamesInFull() {
        // one sense per report: SARC is named unambiguously first, so the later short form is SARC's alone
        final List<Entity> found = MATCHER.match(body("قال الهلال الأحمر العربي السوري إن قافلة دخلت. وأضاف الهلال الأحمر أن الطريق آمن"), "ar");
        assertThat(ids(found)).containsExactly("newswire:sarc");
        assertThat(found.get(0).getAmbiguous()).isFalse();
        assertThat(found.get(0).getEvidence()).hasSize(2);
    }

    @Test
    void shouldFlagACommonWordAliasUnlessTheReportConfirmsIt() {
        // "التنظيم" (the organisation) stands for IS only as a common word
        final Entity alone = MATCHER.match(body("انسحب عناصر التنظيم الى البادية"), "ar").get(0);
        assertThat(alone.getId()).isEqualTo("Q2429253");
        assertThat(alone.getAmbiguous()).isTrue();
        // once داعش is named, the entity is certain
        final Entity confirmed = MATCHER.match(body("هاجم داعش القرية ثم انسحب عناصر التنظيم"), "ar").get(0);
        assertThat(confirmed.getAmbiguous()).isFalse();
        assertThat(confirmed.getEvidence()).hasSize(2);
        // حماس is also the word for enthusiasm
        assertThat(MATCHER.match(body("استقبل الأهالي القافلة بحماس"), "ar").get(0).getAmbiguous()).isTrue();
    }

    @Test
    void shouldRespectCapitalsWhenAnAbbreviationIsShortLatin() {
        // "IS" and "WHO" are parties only in capitals; "is" and "who" are English words
        final List<Entity> english = MATCHER.match(body("IS fighters attacked the town, which is near the border, said WHO staff who were there."), "en");
        assertThat(ids(english)).containsExactly("Q2429253", "Q7817");
        assertThat(only(english, "Q2429253").getEvidence()).hasSize(1);
        assertThat(only(english, "Q2429253").getAmbiguous()).isTrue(); // IS is also flagged a common word
        assertThat(only(english, "Q7817").getEvidence()).hasSize(1);
        // French: "ANS" is the Syrian National Army, "ans" is years
        // ("l'Armée" is one word to the tokenizer: French elision is a known gap, so the full name is not found here)
        final List<Entity> french = MATCHER.match(body("Des combattants de l'Armée nationale syrienne (ANS) tiennent la ville depuis trois ans."), "fr");
        assertThat(ids(french)).containsExactly("newswire:sna");
        assertThat(french.get(0).getEvidence()).extracting(Evidence::getText).containsExactly("ANS");
        assertThat(french.get(0).getName()).isEqualTo("Armée nationale syrienne");
    }

    @Test
    void shouldMatchEnglishCaseFoldedAndPossessive() {
        final List<Entity> found = MATCHER.match(body("The Syrian Democratic Forces' commander met the US-led coalition and the SDF's allies"), "en-GB");
        assertThat(ids(found)).containsExactly("newswire:sdf", "newswire:global-coalition");
        assertThat(only(found, "newswire:sdf").getEvidence()).hasSize(2);
        assertThat(found.get(0).getName()).isEqualTo("Syrian Democratic Forces");
    }

    @Test
    void shouldNameEachPartyInTheReportLanguageWhenTheTableHasIt() {
        final ReportText text = body("YPG and PKK");
        assertThat(MATCHER.match(text, "ar").stream().map(Entity::getName)).containsExactly("وحدات حماية الشعب", "حزب العمال الكردستاني");
        assertThat(MATCHER.match(text, "ku").stream().map(Entity::getName)).containsExactly("Yekîneyên Parastina Gel", "Partiya Karkerên Kurdistanê");
        // no Kurdish name for the Syrian army: English
        assertThat(MATCHER.match(body("الجيش السوري"), "ku").get(0).getName()).isEqualTo("Syrian army");
        assertThat(MATCHER.match(body("الجيش السوري"), null).get(0).getName()).isEqualTo("Syrian army");
    }

    @Test
    void shouldKeepMentionsInEachFieldWithTheirFieldName() {
        final ReportText text = new ReportText(List.of(new ReportText.Field(ReportText.HEADLINE, "الحشد الشعبي يعلن"),
                new ReportText.Field(ReportText.BODY, "أعلنت هيئة الحشد الشعبي")));
        final Entity pmf = MATCHER.match(text, "ar").get(0);
        assertThat(pmf.getId()).isEqualTo("newswire:pmf");
        assertThat(pmf.getEvidence()).extracting(Evidence::getField).containsExactly("headline", "body");
        assertThat(pmf.getEvidence()).extracting(Evidence::getText).containsExactly("الحشد الشعبي", "هيئة الحشد الشعبي");
    }

    @Test
    void shouldFindNothingWhenNoPartyIsNamed() {
        assertThat(MATCHER.match(body("هطلت أمطار غزيرة على المدينة"), "ar")).isEmpty();
        assertThat(MATCHER.match(new ReportText(List.of()), "ar")).isEmpty();
    }

    @Test
    void shouldLoadANewsroomTableFromAFileAndLetItExtendTheShippedOne(@TempDir final Path dir) throws IOException {
        // given a newsroom's own entry, in the shipped table's shape
        final Path file = dir.resolve("local.json");
        Files.writeString(file, """
                {"entries": [{"id": "newswire:local-council-raqqa", "type": "government",
                  "name": {"en": "Raqqa Civil Council", "ar": "مجلس الرقة المدني"}, "aliases": {"en": ["RCC"]}}]}
                """);
        final PartyTable table = PartyTable.fromClasspath().with(PartyTable.fromPath(file));
        final PartyMatcher matcher = new PartyMatcher(table, new MatchingTextNormalizer());
        // then both tables answer
        assertThat(ids(matcher.match(body("قال مجلس الرقة المدني وقسد"), "ar"))).containsExactly("newswire:local-council-raqqa", "newswire:sdf");
    }

    @Test
    void shouldShipAtLeastSixtyEntriesWithStableIdsEnglishNamesAndAliases() {
        final PartyTable table = PartyTable.fromClasspath();
        assertThat(table.entries()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(table.entries()).allSatisfy(entry -> {
            assertThat(entry.id()).matches("Q\\d+|newswire:[a-z0-9-]+");
            assertThat(entry.names()).containsKey("en");
            assertThat(entry.aliases()).isNotEmpty();
            assertThat(entry.type()).isIn("armed-group", "military", "government", "coalition", "party", "agency", "ngo",
                    "security", "intergovernmental", "media", "legislature", "court", "company", "local-government");
        });
        assertThat(MATCHER.aliasCount()).isGreaterThan(300);
    }

    @Test
    void shouldMakeShortCapitalAbbreviationsCaseSensitiveOnly() {
        assertThat(PartyTable.isCaseSensitive("IS")).isTrue();
        assertThat(PartyTable.isCaseSensitive("U.N.")).isTrue();
        assertThat(PartyTable.isCaseSensitive("UNICEF")).isFalse(); // six letters: no English word to confuse
        assertThat(PartyTable.isCaseSensitive("Nato")).isFalse();
        assertThat(PartyTable.isCaseSensitive("قسد")).isFalse();
    }
}
