package io.newswire.enrichment.places;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Evidence;
import io.newswire.model.Place;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolver on the built-in extract, on short reports written for these tests (Arabic in several hands, and
 * English). Ids are GeoNames': 172955 Raqqa (Syria), 285728 Ar Riqqah (Kuwait), 170063 Aleppo, 169577 Homs.
 */
class PlaceResolverTest {

    private static final String RAQQA_SY = "geonames:172955";
    private static final String RAQQA_KW = "geonames:285728";
    private static final String ALEPPO = "geonames:170063";

    private static List<Place> resolve(final String body, final PlaceContext context) {
        return BuiltInGazetteer.resolver().resolve(new ReportText(List.of(new ReportText.Field("body", body))), context);
    }

    private static List<Place> resolve(final String body) {
        return resolve(body, PlaceContext.none());
    }

    private static List<String> rules(final Place place) {
        final List<String> rules = new ArrayList<>();
        for (final Evidence e : place.getEvidence()) {
            rules.add(e.getRule());
        }
        return rules;
    }

    private static Evidence evidence(final Place place, final String rule) {
        return place.getEvidence().stream().filter(e -> e.getRule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void shouldFindANameUnderClitics() {
        // و + ب + ال, ل + ال written لل, and ب: all the same city, one Place with an Evidence per mention
        final String body = "قال الأهالي في بالرقة وللرقة إن الطرق مغلقة، وعاد النازحون إلى وبالرقة.";
        final List<Place> places = resolve(body, PlaceContext.of("syria", "ar"));
        assertThat(places).extracting(Place::getId).containsExactly(RAQQA_SY);
        final Place raqqa = places.get(0);
        assertThat(raqqa.getName()).isEqualTo("الرقة");
        assertThat(raqqa.getEvidence()).filteredOn(e -> e.getRule().equals("place.name")).hasSize(3);
        for (final Evidence e : raqqa.getEvidence()) {
            // offsets point into the text as written
            assertThat(body.substring(e.getStart(), e.getEnd())).isEqualTo(e.getText());
        }
    }

    @Test
    void shouldMeetOtherOrthographies() {
        // no hamza on the alef (الاتارب), heh for teh marbuta (الرقه), tatweel (حلـــب), Eastern digits around
        final List<Place> places = resolve("وصلت ١٢ سيارة إلى الاتارب ثم إلى حلـــب، وسقطت ٣ قذائف على الرقه في ١٢ تشرين الأول.");
        assertThat(places).extracting(Place::getId).containsExactly("geonames:174030", ALEPPO, RAQQA_SY);
        assertThat(places).extracting(Place::getName).containsExactly("الاتارب", "حلب", "الرقه");
        assertThat(places.get(1).getEvidence().get(0).getText()).isEqualTo("حلـــب");
    }

    @Test
    void shouldMeetANameWrittenWithoutItsFinalHamza() {
        // "السويدا" for "السويداء": the normaliser keeps a final hamza, the importer adds the spelling without it
        assertThat(resolve("توتر في السويدا بعد اعتقال شاب.")).extracting(Place::getId).containsExactly("geonames:172408");
    }

    @Test
    void shouldTakeAnEnglishNameAfterALowerCaseArticle() {
        assertThat(resolve("Factions handed over al-Bab checkpoints near Aleppo.", PlaceContext.of(null, "en")))
                .extracting(Place::getId).containsExactly("geonames:174018", ALEPPO);
    }

    @Test
    void shouldFillEveryFieldOfAPlace() {
        final Place raqqa = resolve("وقع انفجار في مدينة الرقة.", PlaceContext.of(null, "ar")).get(0);
        assertThat(raqqa.getId()).isEqualTo(RAQQA_SY);
        assertThat(raqqa.getName()).isEqualTo("الرقة");
        assertThat(raqqa.getNameEn()).isEqualTo("Ar Raqqah");
        assertThat(raqqa.getLatitude()).isBetween(35.9, 36.0);
        assertThat(raqqa.getLongitude()).isBetween(38.9, 39.1);
        assertThat(raqqa.getFeatureType()).isEqualTo("P.PPLA");
        assertThat(raqqa.getCountryCode()).isEqualTo("SY");
        assertThat(raqqa.getDateline()).isFalse();
        assertThat(rules(raqqa)).contains("place.cue.settlement", "place.choice.population");
    }

    @Test
    void shouldChooseSyriasRaqqaByPopulationWhenNothingElseSays() {
        // الرقة is a city of 177,000 in Syria and a town of 52,000 in Kuwait; a report with no other clue
        final Place raqqa = resolve("وقع انفجار في الرقة صباح اليوم.").get(0);
        assertThat(raqqa.getId()).isEqualTo(RAQQA_SY);
        final Evidence choice = evidence(raqqa, "place.choice.population");
        assertThat(choice.getScore()).isBetween(0.5, 0.99);
    }

    @Test
    void shouldChooseKuwaitsRaqqaWhenTheReportNamesItsGovernorate() {
        // another name of the same report, unambiguous, in Kuwait's Ahmadi governorate
        final List<Place> places = resolve("أغلقت السلطات طريقاً في منطقة الرقة بمحافظة الأحمدي بعد حادث سير.");
        assertThat(places).extracting(Place::getId).containsExactly(RAQQA_KW, "geonames:KW.04");
        assertThat(evidence(places.get(0), "place.choice.report").getScore()).isGreaterThan(0.9);
    }

    @Test
    void shouldChooseByTheDeskWhenTheTextAloneCannot() {
        final String body = "وقع حادث سير قرب الرقة صباح اليوم.";
        assertThat(resolve(body, PlaceContext.of("kuwait", "ar"))).extracting(Place::getId).containsExactly(RAQQA_KW);
        assertThat(evidence(resolve(body, PlaceContext.of("kuwait", "ar")).get(0), "place.choice.desk").getScore()).isGreaterThan(0.9);
        assertThat(resolve(body, PlaceContext.of("syria", "ar"))).extracting(Place::getId).containsExactly(RAQQA_SY);
        // an Arabic desk name works as well as an English one
        assertThat(resolve(body, PlaceContext.of("الكويت", "ar"))).extracting(Place::getId).containsExactly(RAQQA_KW);
    }

    @Test
    void shouldChooseByTheDatelinePlace() {
        final ReportText report = new ReportText(List.of(
                new ReportText.Field(ReportText.DATELINE, "الكويت"),
                new ReportText.Field(ReportText.BODY, "أعلنت الشرطة إغلاق الطريق الساحلي قرب الرقة.")));
        final List<Place> places = BuiltInGazetteer.resolver().resolve(report, PlaceContext.none());
        // a dateline names a town: Kuwait City, not the country
        assertThat(places).extracting(Place::getId).containsExactly("geonames:285787", RAQQA_KW);
        assertThat(places.get(0).getDateline()).isTrue();
        assertThat(rules(places.get(1))).contains("place.choice.dateline");
    }

    @Test
    void shouldResolveACountrysideToItsCityWithARegionRule() {
        final List<Place> places = resolve("قصفت الطائرات قرى في ريف حلب الشمالي، وفي جنوب ريف إدلب، ونزحت عائلات من شمال شرق حلب.");
        assertThat(places).extracting(Place::getId).containsExactly(ALEPPO, "geonames:169389");
        final Place aleppo = places.get(0);
        assertThat(aleppo.getEvidence()).extracting(Evidence::getText, Evidence::getRule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ريف حلب الشمالي", "place.region.countryside"),
                org.assertj.core.groups.Tuple.tuple("شمال شرق حلب", "place.region.direction"));
        assertThat(evidence(places.get(1), "place.region.countryside").getText()).isEqualTo("جنوب ريف إدلب");
    }

    @Test
    void shouldPreferAGovernorateNamedLikeACountrysideOverTheRegionRule() {
        // "ريف دمشق" is itself a governorate (SY.08), so the longer dictionary phrase wins over "ريف" + "دمشق"
        final List<Place> places = resolve("قصفت قوات النظام بلدات في ريف دمشق الغربي.");
        assertThat(places).extracting(Place::getId).containsExactly("geonames:SY.08");
        assertThat(places.get(0).getFeatureType()).isEqualTo("A.ADM1");
    }

    @Test
    void shouldResolveANeighbourhoodMissingFromTheDataToItsCity() {
        final List<Place> places = resolve("اندلعت اشتباكات في حي الشيخ مقصود بحلب، ونزحت عائلات من حي بستان القصر.");
        assertThat(places).extracting(Place::getId).containsExactly(ALEPPO);
        assertThat(places.get(0).getEvidence()).filteredOn(e -> e.getRule().equals("place.neighbourhood.city"))
                .extracting(Evidence::getText).containsExactly("حي الشيخ مقصود", "حي بستان القصر");
    }

    @Test
    void shouldPutANeighbourhoodUnderTheDatelineCityWhenItsSentenceNamesNone() {
        final ReportText report = new ReportText(List.of(
                new ReportText.Field(ReportText.DATELINE, "حمص"),
                new ReportText.Field(ReportText.BODY, "قال مصدر محلي إن الاشتباكات تجددت في حي الوعر.")));
        final Place homs = BuiltInGazetteer.resolver().resolve(report, PlaceContext.none()).get(0);
        assertThat(homs.getId()).isEqualTo("geonames:169577");
        assertThat(rules(homs)).containsExactly("place.dateline", "place.neighbourhood.city");
    }

    @Test
    void shouldMarkTheDatelineFromTheFieldOrTheBodysOpening() {
        // a leading "المدينة – " in the first body line
        final Place homs = resolve("حمص – قال ناشطون إن قذائف سقطت على الأحياء الشرقية من المدينة.").get(0);
        assertThat(homs.getDateline()).isTrue();
        assertThat(evidence(homs, "place.dateline").getText()).isEqualTo("حمص");
        // the dateline handed apart from the text
        final ReportText body = new ReportText(List.of(new ReportText.Field(ReportText.BODY, "سقطت قذائف على دمشق.")));
        final List<Place> places = BuiltInGazetteer.resolver().resolve(body, new PlaceContext(null, "ar", "حلب"));
        assertThat(places).extracting(Place::getId, Place::getDateline)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ALEPPO, true), org.assertj.core.groups.Tuple.tuple("geonames:170654", false));
        // a place that merely opens a sentence is no dateline
        assertThat(resolve("حمص مدينة هادئة اليوم.").get(0).getDateline()).isFalse();
    }

    @Test
    void shouldReadAnEnglishReport() {
        final List<Place> places = resolve("ALEPPO, Oct 3 (Newswire) — Shelling hit the Aleppo countryside and villages east of Raqqa, "
                + "while fighting went on in rural Damascus and in the Shaar neighbourhood of Aleppo.", PlaceContext.of(null, "en"));
        assertThat(places).extracting(Place::getId).containsExactly(ALEPPO, RAQQA_SY, "geonames:170654");
        final Place aleppo = places.get(0);
        assertThat(aleppo.getName()).isEqualTo("Aleppo");
        assertThat(aleppo.getDateline()).isTrue();
        assertThat(rules(aleppo)).containsExactly("place.dateline", "place.region.countryside", "place.neighbourhood.city", "place.name");
        assertThat(rules(places.get(1))).contains("place.region.direction");
        assertThat(rules(places.get(2))).contains("place.region.countryside");
    }

    @Test
    void shouldPreferTheCountryToItsCapitalOfTheSameNameInTheText() {
        assertThat(resolve("زار الوزير الكويت أمس.")).extracting(Place::getId).containsExactly("geonames:285570");
    }

    @Test
    void shouldNameThePlaceInTheDeclaredLanguage() {
        // an English name in an Arabic report shows the Arabic name; the evidence keeps what was written
        final Place aleppo = resolve("قال مراسلنا في Aleppo إن الوضع هادئ.", PlaceContext.of(null, "ar")).get(0);
        assertThat(aleppo.getName()).isEqualTo("حلب");
        assertThat(aleppo.getEvidence().get(0).getText()).isEqualTo("Aleppo");
    }

    @Test
    void shouldNotTakeCommonWordsForPlaces() {
        // every capitalised or Arabic word below is a place name somewhere in GeoNames:
        // names of people, "peace", "eye", "pictures" (Tyre), a weekday and a month, "was" (Caen), "the union",
        // "around" (al-Hawl), "between", "the source", "the coalition", "the light", "the hope", "eastern"
        final String arabic = "وقال محمد علي إن السلام لن يتحقق، وأضاف أن عين الحقيقة تكشف صور الدمار يوم الخميس في كانون الثاني، "
                + "وكان الاتحاد قد أعلن حول ذلك بين الطرفين وفق المصدر نفسه، ونشر التحالف بياناً عن النور والأمل في الأحياء الشرقية.";
        assertThat(resolve(arabic)).isEmpty();
        final String english = "Police said most residents had fled. The council said in a statement that Clinton and Jackson "
                + "had met in March, and nice words were exchanged.";
        assertThat(resolve(english, PlaceContext.of(null, "en"))).isEmpty();
        // a capitalised word opening the body before a dash is no dateline ("Same", Tanzania), nor an acronym a
        // town, nor a short English alias ("Side" is one of Fatsa's)
        assertThat(resolve("Same as last year — the RSS feed and the Side entrance were closed.", PlaceContext.of(null, "en"))).isEmpty();
    }

    @Test
    void shouldNotTakeTheCityForMedinaAfterADirection() {
        // "شرق المدينة": east of the city (the report's), and "مدينة" alone found as Medina's name without its article
        final List<Place> places = resolve("سقطت قذائف على أطراف مدينة مارع وعلى مواقع شرق المدينة.", PlaceContext.of("syria", "ar"));
        assertThat(places).extracting(Place::getId).containsExactly("geonames:167245");
    }

    @Test
    void shouldResolveAWholeReportOfOurOwn() throws java.io.IOException {
        // src/test/resources/places/report-ar-2kb.txt: a report written for this test, 1,488 characters
        final String body;
        try (java.io.InputStream in = getClass().getResourceAsStream("/places/report-ar-2kb.txt")) {
            body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        final List<Place> places = resolve(body, PlaceContext.of(null, "ar"));
        assertThat(places).extracting(Place::getNameEn).containsExactly("Aleppo", "Māri‘", "I‘zāz", "Al Bāb", "Manbij",
                "Ar Raqqah", "Deir ez-Zor", "Al Mayādīn", "Idlib", "Syria", "Ḩamāh", "Ankara", "Moscow");
        assertThat(places.get(0).getDateline()).isTrue();
        assertThat(rules(places.get(5))).contains("place.neighbourhood.city"); // حي المشلب in الرقه
        // a rough figure with each build; the integrator's benchmark measures properly
        for (int i = 0; i < 200; i++) {
            resolve(body, PlaceContext.none());
        }
        final long started = System.nanoTime();
        final int runs = 500;
        for (int i = 0; i < runs; i++) {
            resolve(body, PlaceContext.none());
        }
        System.out.printf("resolve: %.0f us per report of %d characters%n", (System.nanoTime() - started) / 1e3 / runs, body.length());
    }

    @Test
    void shouldTakeACommonWordForAPlaceWhenACueSaysSo() {
        // "صور" alone is pictures; "مدينة صور" is Tyre
        final List<Place> places = resolve("نشرت صفحات محلية صور الدمار في مدينة صور جنوب لبنان.");
        assertThat(places).extracting(Place::getId).containsExactly("geonames:267008", "geonames:272103");
        assertThat(places.get(0).getEvidence()).singleElement().satisfies(e -> assertThat(e.getText()).isEqualTo("مدينة صور"));
    }

    @Test
    void shouldNeedTheReportsContextForASmallVillageName() {
        // مارع: a small town north of Aleppo (no population in GeoNames), four letters: alone it is not trusted
        assertThat(resolve("وصلت التعزيزات إلى مارع.")).isEmpty();
        // named with Aleppo (same governorate), or on the Syria desk, it is
        assertThat(resolve("وصلت التعزيزات من حلب إلى مارع.")).extracting(Place::getId).contains("geonames:167245");
        assertThat(resolve("وصلت التعزيزات إلى مارع.", PlaceContext.of("syria", "ar"))).extracting(Place::getId).containsExactly("geonames:167245");
    }

    @Test
    void shouldListPlacesInOrderOfFirstMentionAcrossFields() {
        final ReportText report = new ReportText(List.of(
                new ReportText.Field(ReportText.HEADLINE, "قصف على منبج وتل أبيض"),
                new ReportText.Field(ReportText.BODY, "قالت مصادر إن القصف طال مدينة منبج، ووصل إلى القامشلي والحسكة ودير الزور.")));
        final List<Place> places = BuiltInGazetteer.resolver().resolve(report, PlaceContext.none());
        assertThat(places).extracting(Place::getNameEn).containsExactly("Manbij", "Tall Abyaḑ", "Al Qāmishlī", "Al Ḩasakah", "Deir ez-Zor");
        assertThat(places.get(0).getEvidence()).extracting(Evidence::getField).containsExactly("headline", "body");
        // the same input gives the same output
        assertThat(BuiltInGazetteer.resolver().resolve(report, PlaceContext.none())).isEqualTo(places);
    }

    @Test
    void shouldReturnNothingForAnEmptyReport() {
        assertThat(BuiltInGazetteer.resolver().resolve(new ReportText(List.of()), PlaceContext.none())).isEmpty();
    }
}
