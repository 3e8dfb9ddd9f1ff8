package io.newswire.enrichment.urgency;

import io.newswire.enrichment.parties.PartyMatcher;
import io.newswire.enrichment.sources.AttributionExtractor;
import io.newswire.enrichment.sources.Attributions;
import io.newswire.enrichment.subjects.SubjectClassifier;
import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Entity;
import io.newswire.model.Evidence;
import io.newswire.model.SourceClaim;
import io.newswire.model.Subject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The four cores on one realistic report ({@link FourCoresFixture}), as processing will call them. */
class FourCoresOnOneReportTest {

    private static final PartyMatcher PARTIES = PartyMatcher.withShippedTable();
    private static final AttributionExtractor SOURCES = AttributionExtractor.withShippedCues();
    private static final SubjectClassifier SUBJECTS = SubjectClassifier.withShippedRules();
    private static final UrgencyScorer URGENCY = UrgencyScorer.withShippedRules();

    @Test
    void shouldEnrichTheFixtureReportWithPartiesClaimsSubjectsAndUrgency() {
        final ReportText report = FourCoresFixture.report();

        final List<Entity> entities = PARTIES.match(report, "ar");
        assertThat(entities).extracting(Entity::getId).contains("newswire:sdf", "Q2429253", "newswire:syrian-army",
                "newswire:sarc", "newswire:sohr", "newswire:aanes", "newswire:ocha", "newswire:syrian-civil-defence");
        // SARC is named in full, so no other Red Crescent is offered
        assertThat(entities).extracting(Entity::getId).doesNotContain("newswire:iraqi-red-crescent");
        for (final Entity entity : entities) {
            for (final Evidence e : entity.getEvidence()) {
                assertThat(report.text(e.getField()).substring(e.getStart(), e.getEnd())).isEqualTo(e.getText());
            }
        }

        final Attributions attributions = SOURCES.extract(report, List.of());
        assertThat(attributions.claims()).extracting(SourceClaim::getSource)
                .contains("مصادر طبية في المنطقة", "مراسلنا في ريف إدلب", "قوات سوريا الديمقراطية", "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية");
        for (final SourceClaim claim : attributions.claims()) {
            for (final Evidence e : claim.getEvidence()) {
                assertThat(report.text(e.getField()).substring(e.getStart(), e.getEnd())).isEqualTo(e.getText());
            }
        }
        assertThat(attributions.claims()).filteredOn(c -> c.getSource().equals("مصدر في الهلال الأحمر العربي السوري"))
                .singleElement().satisfies(c -> assertThat(c.getClaim()).isEqualTo("سيارات الإسعاف نقلت الجرحى إلى مشفى المدينة"));
        // the headline's 14 is sourced in the body; the SDF's three and the accusation are attributed
        assertThat(attributions.warnings()).isEmpty();

        final List<Subject> subjects = SUBJECTS.classify(report);
        assertThat(subjects).extracting(Subject::getCode).contains("medtop:20000056", "medtop:16000000", "medtop:20000645");

        final Urgency urgency = URGENCY.score(report, "syria", false, subjects);
        assertThat(urgency.level()).isEqualTo(3);
        assertThat(urgency.reasons().get(0)).isEqualTo("headline-breaking: عاجل (headline 0-4) → 3");
        assertThat(urgency.reasons()).anySatisfy(r -> assertThat(r).startsWith("casualties-killed: مقتل ١٤ (headline 6-13) count 14"));
    }
}
