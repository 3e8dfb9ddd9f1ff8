package io.newswire.alerter.rules;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.AlertRule;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleParserTest {

    private static final RuleParser PARSER = new RuleParser(new MatchingTextNormalizer(),
            Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    private static InvalidRuleException refused(final String json) {
        try {
            PARSER.parse(json);
        } catch (final InvalidRuleException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void shouldReadEveryConditionWhenTheRuleIsWellFormed() {
        final AlertRule rule = PARSER.parse("""
                {"ruleId":"aleppo-watch","desk":"syria","description":"Aleppo and its countryside","urgencyAtLeast":4,
                 "terms":["الأتارب","White Helmets"],"placeIds":["geonames:170063"],
                 "areas":["36.2,37.13,25", {"latitude":35.93,"longitude":36.63,"radiusKm":15,"label":"Idlib city"}],
                 "partyIds":["newswire:sdf"],"subjects":["medtop:16000000"],"languages":["ar"],"signals":["CORRECTION"],
                 "escalateOnCorroboration":true}""");

        assertThat(rule.getRuleId()).isEqualTo("aleppo-watch");
        assertThat(rule.getUrgencyAtLeast()).isEqualTo(4);
        assertThat(rule.getTerms()).containsExactly("الأتارب", "White Helmets");
        assertThat(rule.getAreas()).hasSize(2);
        assertThat(rule.getAreas().get(0).getRadiusKm()).isEqualTo(25.0);
        assertThat(rule.getAreas().get(1).getLabel()).isEqualTo("Idlib city");
        assertThat(rule.getEscalateOnCorroboration()).isTrue();
        assertThat(rule.getCreatedAt()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        // and the JSON form reads back to the same rule
        assertThat(PARSER.parse(RuleParser.toJson(rule).without("createdAt"))).isEqualTo(rule);
    }

    @Test
    void shouldNameAnUnknownFieldWhenARuleMisspellsACondition() {
        // "term" for "terms" would otherwise give a rule that fires on everything of the desk
        final InvalidRuleException e = refused("{\"ruleId\":\"x1\",\"desk\":\"syria\",\"term\":[\"حلب\"],\"urgencyAtLeast\":2}");

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/term");
            assertThat(p.message()).startsWith("unknown field 'term'");
        });
    }

    @Test
    void shouldNameEachMalformedRadius() {
        final InvalidRuleException e = refused("""
                {"ruleId":"x1","desk":"syria","areas":["36.2,37.1", "36.2,37.1,-5", {"latitude":36.2,"longitude":37.1,"radiusKm":"far"},
                 {"latitude":95,"longitude":37.1,"radiusKm":10}, "36.2,37.1,5000", {"lat":1,"longitude":2,"radiusKm":3}]}""");

        assertThat(e.problems()).extracting(RuleProblem::pointer).contains("/areas/0", "/areas/1", "/areas/2/radiusKm", "/areas/3",
                "/areas/4", "/areas/5/lat", "/areas/5/latitude");
        assertThat(e.problems().stream().map(RuleProblem::message).collect(Collectors.joining("\n")))
                .contains("is not 'latitude,longitude,radiusKm'")
                .contains("radiusKm -5.0 must be above 0 and at most 2000")
                .contains("must be a number, not \"far\"")
                .contains("latitude 95.0 is outside -90..90")
                .contains("radiusKm 5000.0 must be above 0");
    }

    @Test
    void shouldRefuseAnOversizedWatchList() {
        final String terms = IntStream.range(0, RuleParser.MAX_TERMS + 1).mapToObj(i -> "\"term" + i + "\"").collect(Collectors.joining(","));

        final InvalidRuleException e = refused("{\"ruleId\":\"x1\",\"desk\":\"syria\",\"terms\":[" + terms + "]}");

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/terms");
            assertThat(p.message()).isEqualTo("has 201 entries; at most 200 are allowed");
        });
    }

    @Test
    void shouldRefuseARuleWithNoCondition() {
        // a rule with no condition would alert on every version of every story
        assertThat(refused("{\"ruleId\":\"x1\",\"desk\":\"syria\"}").problems()).singleElement()
                .extracting(RuleProblem::message).asString().startsWith("a rule needs at least one condition");
    }

    @Test
    void shouldListEveryProblemAtOnceWhenSeveralFieldsAreBad() {
        final InvalidRuleException e = refused("{\"ruleId\":\"Bad Id\",\"urgencyAtLeast\":0,\"terms\":[\"؟!\", \"" + "ح".repeat(101)
                + "\"],\"signals\":[\"FLASH\"],\"placeIds\":[\"170063\"],\"languages\":[\"arabic language\"]}");

        assertThat(e.problems()).extracting(RuleProblem::pointer).containsExactlyInAnyOrder("/ruleId", "/desk", "/urgencyAtLeast",
                "/terms/0", "/terms/1", "/signals/0", "/placeIds/0", "/languages/0");
        assertThat(e.getMessage()).contains("/terms/0: '؟!' has no letters or digits to match");
    }

    @Test
    void shouldSayWhereWhenTheBodyIsNotJson() {
        assertThat(refused("{\"ruleId\": ").problems()).singleElement().extracting(RuleProblem::message).asString()
                .startsWith("not JSON").contains("line 1");
    }
}
