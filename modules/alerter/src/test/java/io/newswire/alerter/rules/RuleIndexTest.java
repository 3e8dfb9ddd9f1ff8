package io.newswire.alerter.rules;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.AlertRule;
import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Enrichment;
import io.newswire.model.Entity;
import io.newswire.model.Evidence;
import io.newswire.model.GeoArea;
import io.newswire.model.Place;
import io.newswire.model.PubStatus;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import io.newswire.model.Subject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index finds exactly what trying every rule finds: the same rules, the same evidence, on many generated rules
 * and versions built to sit on the edges the index relies on (proclitics and the article on a term's first word, an
 * English possessive, language subtags, urgency levels, areas across a cell edge, the antimeridian and near a pole).
 */
class RuleIndexTest {

    private static final MatchingTextNormalizer NORMALIZER = new MatchingTextNormalizer();

    /** Words with the variants the matcher lets meet: proclitics, the article left off, teh marbuta as heh, hamza, a possessive. */
    private static final List<String> TERMS = List.of("حلب", "الرقة", "مدرسة", "إدلب", "ريف حلب", "ريف حلب الجنوبي", "قصف مدفعي",
            "Aleppo", "White Helmets", "ceasefire", "60 عائلة", "الأتارب", "مخيمات");
    private static final List<String> TEXT_WORDS = List.of("حلب", "وبحلب", "لحلب", "الرقة", "للرقة", "رقة", "وبالرقة", "المدرسه",
            "وبالمدرسة", "مدرسة", "ادلب", "وادلب", "إدلب", "ريف", "الجنوبي", "قصف", "مدفعي", "Aleppo's", "Aleppo", "aleppo", "White",
            "Helmets", "ceasefire", "٦٠", "عائلة", "الاتارب", "مخيمات", "في", "من", "بعد", "حلبة", "the", "of");
    private static final List<String> PARTIES = List.of("Q487069", "Q1049425", "newswire:sdf", "newswire:white-helmets");
    private static final List<String> SUBJECTS = List.of("medtop:16000000", "medtop:20000139", "medtop:03000000");
    private static final List<String> PLACE_IDS = List.of("geonames:170063", "geonames:163915", "geonames:172955", "geonames:1");
    private static final List<String> LANGUAGES = List.of("ar", "ar-SY", "en", "en-GB", "fr", "ar-sy-x");

    @Test
    void shouldFindExactlyTheMatchesOfTryingEveryRule() {
        final Random random = new Random(20261204);
        long matches = 0;
        long candidates = 0;
        long judged = 0;
        for (int round = 0; round < 8; round++) {
            final List<CompiledRule> rules = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                rules.add(CompiledRule.compile(rule(random, "r" + round + "-" + i), NORMALIZER));
            }
            final RuleIndex index = RuleIndex.of(rules);
            for (int v = 0; v < 50; v++) {
                final ArticleText text = ArticleText.of(version(random), NORMALIZER);

                final List<RuleMatch> everyRule = rules.stream().map(rule -> RuleMatcher.match(rule, text)).flatMap(Optional::stream)
                        .sorted(Comparator.comparing(m -> m.rule().ruleId())).toList();
                final List<RuleMatch> indexed = index.matches(text);
                matches += everyRule.size();
                candidates += index.candidates(text).cardinality();
                judged += rules.size();

                assertThat(indexed).extracting(m -> m.rule().ruleId()).containsExactlyElementsOf(everyRule.stream().map(m -> m.rule().ruleId()).toList());
                assertThat(indexed).extracting(RuleMatch::evidence).containsExactlyElementsOf(everyRule.stream().map(RuleMatch::evidence).toList());
            }
        }
        // not vacuous: rules fire often, and the index still leaves most rules untried
        assertThat(matches).isGreaterThan(200);
        assertThat(candidates).isLessThan(judged / 2);
    }

    @Test
    void shouldTryOnlyTheRulesFiledUnderWhatAVersionOffers() {
        // Given 300 rules watching parties no version names, and one watching a party this version names
        final List<CompiledRule> rules = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rules.add(CompiledRule.compile(AlertRule.newBuilder().setRuleId("other-" + i).setDesk("d").setPartyIds(List.of("newswire:p" + i))
                    .setCreatedAt(Instant.EPOCH).build(), NORMALIZER));
        }
        rules.add(CompiledRule.compile(AlertRule.newBuilder().setRuleId("sdf").setDesk("d").setPartyIds(List.of("newswire:sdf"))
                .setCreatedAt(Instant.EPOCH).build(), NORMALIZER));
        final ArticleUpdate update = ArticleUpdate.newBuilder(version(new Random(1))).setEnrichment(Enrichment.newBuilder()
                .setMatchingHeadline("").setMatchingBody("").setEntities(List.of(entity("newswire:sdf"))).build()).build();

        // When the index is asked which rules can fire
        final RuleIndex index = RuleIndex.of(rules);

        // Then one candidate is tried, and it fires
        assertThat(index.candidates(ArticleText.of(update, NORMALIZER)).cardinality()).isEqualTo(1);
        assertThat(index.matches(ArticleText.of(update, NORMALIZER))).extracting(m -> m.rule().ruleId()).containsExactly("sdf");
    }

    @Test
    void shouldJudgeByARuleFromTheNextReadAfterItIsAddedAndNotAfterItIsRemoved() {
        // Given a rule book whose index has been read, and a version naming the SDF
        final RuleBook book = new RuleBook(NORMALIZER);
        final ArticleText text = ArticleText.of(ArticleUpdate.newBuilder(version(new Random(2))).setEnrichment(Enrichment.newBuilder()
                .setMatchingHeadline("").setMatchingBody("").setEntities(List.of(entity("newswire:sdf"))).build()).build(), NORMALIZER);
        assertThat(book.index().matches(text)).isEmpty();

        // When a rule on the SDF is applied, the next read fires it; when it is removed, the next read does not
        book.apply("sdf", AlertRule.newBuilder().setRuleId("sdf").setDesk("d").setPartyIds(List.of("newswire:sdf")).setCreatedAt(Instant.EPOCH).build());
        assertThat(book.index().matches(text)).extracting(m -> m.rule().ruleId()).containsExactly("sdf");
        book.apply("sdf", null);
        assertThat(book.index().matches(text)).isEmpty();
        assertThat(book.index().rule("sdf")).isEmpty();
    }

    @Test
    void shouldTryAnAreaTooLargeForTheGridOnEveryVersion() {
        // a 2,000 km circle around a point near the North Pole covers every longitude of many latitude rows
        final GeoArea polar = new GeoArea(85.0, 10.0, 2_000.0, null);
        final GeoArea aleppo = new GeoArea(36.2, 37.16, 25.0, null);

        assertThat(RuleIndex.cells(polar)).isEmpty();
        assertThat(RuleIndex.cells(aleppo)).hasValueSatisfying(cells -> assertThat(cells).hasSizeBetween(1, 4));
    }

    private static AlertRule rule(final Random random, final String id) {
        final AlertRule.Builder rule = AlertRule.newBuilder().setRuleId(id).setDesk("desk-" + random.nextInt(3)).setCreatedAt(Instant.EPOCH);
        final int conditions = 1 + random.nextInt(3);
        for (int c = 0; c < conditions; c++) {
            switch (random.nextInt(9)) {
                case 0 -> rule.setTerms(some(random, TERMS, 1 + random.nextInt(3)));
                case 1 -> rule.setPlaceIds(some(random, PLACE_IDS, 1 + random.nextInt(2)));
                case 2 -> rule.setAreas(List.of(area(random)));
                case 3 -> rule.setPartyIds(some(random, PARTIES, 1 + random.nextInt(2)));
                case 4 -> rule.setSubjects(some(random, SUBJECTS, 1));
                case 5 -> rule.setLanguages(some(random, List.of("ar", "en", "ar-sy", "fr"), 1));
                case 6 -> rule.setSignals(some(random, List.of("NEW", "UPDATE", "CORRECTION", "WITHDRAWAL"), 1 + random.nextInt(2)));
                case 7 -> rule.setUrgencyAtLeast(1 + random.nextInt(9));
                default -> {
                    rule.setPlaceIds(some(random, PLACE_IDS, 1));
                    rule.setAreas(List.of(area(random), area(random)));
                }
            }
        }
        return rule.build();
    }

    /** Areas around the places the versions name, across cell edges, at the antimeridian, and a few huge or polar ones. */
    private static GeoArea area(final Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new GeoArea(36.0 + random.nextDouble() * 0.4, 36.9 + random.nextDouble() * 0.4, 1 + random.nextDouble() * 60, null);
            case 1 -> new GeoArea(35.95, 37.0, 5 + random.nextDouble() * 20, null);
            case 2 -> new GeoArea(-16.5 + random.nextDouble(), 179.5 + random.nextDouble() * 0.5, 10 + random.nextDouble() * 150, null);
            case 3 -> new GeoArea(80 + random.nextDouble() * 9, random.nextDouble() * 360 - 180, 100 + random.nextDouble() * 1900, null);
            case 4 -> new GeoArea(30 + random.nextDouble() * 10, 30 + random.nextDouble() * 10, 500 + random.nextDouble() * 1500, null);
            default -> new GeoArea(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180, 1 + random.nextDouble() * 1999, null);
        };
    }

    private static ArticleUpdate version(final Random random) {
        final List<String> body = new ArrayList<>();
        for (int p = 0; p < 1 + random.nextInt(3); p++) {
            body.add(String.join(" ", some(random, TEXT_WORDS, 3 + random.nextInt(12))));
        }
        final List<Place> places = new ArrayList<>();
        for (int p = 0; p < random.nextInt(4); p++) {
            places.add(place(random));
        }
        final List<Entity> entities = some(random, PARTIES, random.nextInt(3)).stream().map(RuleIndexTest::entity).toList();
        final List<Subject> subjects = some(random, SUBJECTS, random.nextInt(2)).stream()
                .map(code -> Subject.newBuilder().setCode(code).setName(code).setEvidence(List.of(evidence())).build()).toList();
        final Integer urgency = random.nextInt(5) == 0 ? null : 1 + random.nextInt(9);
        final Enrichment enrichment = Enrichment.newBuilder().setMatchingHeadline("").setMatchingBody("").setPlaces(places)
                .setEntities(entities).setSubjects(subjects).setUrgency(urgency).build();
        final Signal signal = Signal.values()[random.nextInt(Signal.values().length)];
        return ArticleUpdate.newBuilder().setArticleId(UUID.randomUUID()).setVersion(1).setSignal(signal).setPubStatus(PubStatus.USABLE)
                .setLanguage(LANGUAGES.get(random.nextInt(LANGUAGES.size()))).setHeadline(String.join(" ", some(random, TEXT_WORDS, 4)))
                .setDateline(random.nextBoolean() ? null : String.join(" ", some(random, TEXT_WORDS, 2))).setBody(body).setUrgency(urgency)
                .setEnrichment(random.nextInt(10) == 0 ? null : enrichment).setTriggeringReportId(UUID.randomUUID())
                .setSources(List.of(ArticleSource.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId("c").setRole(SourceRole.ORIGIN).build()))
                .setFirstCreated(Instant.EPOCH).setVersionCreated(Instant.EPOCH).build();
    }

    private static Place place(final Random random) {
        final double[] at = switch (random.nextInt(5)) {
            case 0 -> new double[] {36.2 + random.nextGaussian() * 0.3, 37.16 + random.nextGaussian() * 0.3};
            case 1 -> new double[] {35.999 + random.nextDouble() * 0.002, 36.999 + random.nextDouble() * 0.002}; // on a cell corner
            case 2 -> new double[] {-16 + random.nextGaussian(), random.nextBoolean() ? 179.9 + random.nextDouble() * 0.1 : -180 + random.nextDouble() * 0.5};
            case 3 -> new double[] {75 + random.nextDouble() * 15, random.nextDouble() * 360 - 180};
            default -> new double[] {random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180};
        };
        return Place.newBuilder().setId(PLACE_IDS.get(random.nextInt(PLACE_IDS.size()))).setName("مكان").setLatitude(at[0]).setLongitude(at[1])
                .setFeatureType("P.PPL").setEvidence(List.of(evidence())).build();
    }

    private static Entity entity(final String id) {
        return Entity.newBuilder().setId(id).setName(id).setType("armed-group").setEvidence(List.of(evidence())).build();
    }

    private static Evidence evidence() {
        return Evidence.newBuilder().setField("body").setStart(0).setEnd(1).setText("x").setRule("test").build();
    }

    private static <T> List<T> some(final Random random, final List<T> from, final int n) {
        final List<T> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }
}
