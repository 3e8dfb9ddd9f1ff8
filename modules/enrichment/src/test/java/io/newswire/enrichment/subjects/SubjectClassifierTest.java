package io.newswire.enrichment.subjects;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Evidence;
import io.newswire.model.Subject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newswire.enrichment.text.ReportTexts.report;
import static org.assertj.core.api.Assertions.assertThat;

class SubjectClassifierTest {

    private static final SubjectClassifier CLASSIFIER = SubjectClassifier.withShippedRules();

    private static List<String> codes(final List<Subject> subjects) {
        return subjects.stream().map(Subject::getCode).toList();
    }

    private static Subject subject(final List<Subject> subjects, final String code) {
        return subjects.stream().filter(s -> s.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + codes(subjects)));
    }

    @Test
    void shouldGiveTheSpecificTopicAndEveryBroaderOneMostSpecificFirst() {
        final List<Subject> found = CLASSIFIER.classify(report("تفجير سيارة مفخخة في سوق المدينة", null));
        assertThat(codes(found)).containsSubsequence("medtop:20000055", "medtop:20000053", "medtop:16000000");
        assertThat(subject(found, "medtop:20000055").getName()).isEqualTo("bombings");
        assertThat(subject(found, "medtop:16000000").getName()).isEqualTo("conflict, war and peace");
        // the broader topic lists the narrower one's terms
        assertThat(subject(found, "medtop:20000053").getEvidence()).extracting(Evidence::getRule)
                .contains("subject.via:medtop:20000055:سيارة مفخخة");
        // the longest term wins: "سيارة مفخخة" is one match, not "مفخخة"
        assertThat(subject(found, "medtop:20000055").getEvidence()).extracting(Evidence::getRule)
                .containsExactly("subject.term:تفجير", "subject.term:سيارة مفخخة");
    }

    @Test
    void shouldMatchTermsUnderCliticsAndOtherOrthographies() {
        // بالقصف, والاشتباكات; الزلـزال with a tatweel; الهزه الارضيه with heh and no hamza
        final String body = "تعرضت البلدة بالقصف والاشتباكات. وضرب الزلـزال المنطقة وتبعته هزه ارضيه";
        final List<Subject> found = CLASSIFIER.classify(report(null, body));
        assertThat(codes(found)).contains("medtop:20000056", "medtop:20000153", "medtop:20000151", "medtop:20000148", "medtop:03000000");
        for (final Subject subject : found) {
            for (final Evidence e : subject.getEvidence()) {
                assertThat(body.substring(e.getStart(), e.getEnd())).isEqualTo(e.getText());
            }
        }
        assertThat(subject(found, "medtop:20000153").getEvidence()).extracting(Evidence::getText).contains("الزلـزال", "هزه ارضيه");
    }

    @Test
    void shouldNotGiveATopicForOneWeakTermInTheBodyButShouldInTheHeadline() {
        assertThat(codes(CLASSIFIER.classify(report(null, "وصلت مساعدات الى الحي")))).doesNotContain("medtop:20000643");
        // the headline counts twice
        assertThat(codes(CLASSIFIER.classify(report("مساعدات الى الحي", null)))).contains("medtop:20000643", "medtop:20000638", "medtop:11000000");
    }

    @Test
    void shouldCapHowOftenOneTermCounts() {
        final List<Subject> found = CLASSIFIER.classify(report(null, "قصف ثم قصف ثم قصف ثم قصف"));
        assertThat(subject(found, "medtop:20000056").getEvidence()).filteredOn(e -> e.getRule().startsWith("subject.term:")).hasSize(2);
    }

    @Test
    void shouldClassifyEnglishReports() {
        final List<Subject> found = CLASSIFIER.classify(report("Thousands of refugees flee fighting in the north",
                "Families fled to camps near the border as clashes continued."));
        assertThat(codes(found)).contains("medtop:20000645", "medtop:20000056", "medtop:20000638", "medtop:11000000", "medtop:16000000");
        assertThat(subject(found, "medtop:20000645").getName()).isEqualTo("refugees and internally displaced people");
    }

    @Test
    void shouldKeepOnlyTheMainTopLevelTopics() {
        // a clash report that names a hospital once: conflict is the subject, health is not
        final List<Subject> clash = CLASSIFIER.classify(report("اشتباكات عنيفة وقصف مدفعي في ريف المدينة",
                "استمرت الاشتباكات والقصف حتى المساء، ونقل الجرحى إلى مستشفى المدينة."));
        assertThat(codes(clash)).contains("medtop:20000056", "medtop:16000000")
                .doesNotContain("medtop:20000462", "medtop:20000461", "medtop:07000000");
        // two subjects of about the same weight are both kept
        final List<Subject> both = CLASSIFIER.classify(report("Thousands of refugees flee fighting in the north", null));
        assertThat(codes(both)).contains("medtop:11000000", "medtop:16000000");
    }

    @Test
    void shouldNotReadTheBio() {
        final ReportText bio = new ReportText(List.of(new ReportText.Field(ReportText.HEADLINE, "افتتاح سوق"),
                new ReportText.Field(ReportText.BIO, "صحفي يغطي المعارك والقصف والاشتباكات منذ سنوات")));
        assertThat(CLASSIFIER.classify(bio)).isEmpty();
    }

    @Test
    void shouldShipOnlyRealLookingCodesWithBroaderTopicsInTheFile() {
        final MediaTopics topics = MediaTopics.fromClasspath();
        assertThat(topics.all()).hasSizeGreaterThan(90);
        assertThat(topics.all()).allSatisfy(t -> {
            assertThat(t.code()).matches("medtop:\\d{8}");
            assertThat(t.label()).isNotBlank().isEqualTo(t.label().toLowerCase(java.util.Locale.ROOT));
            if (t.parent() == null) {
                assertThat(t.code()).endsWith("000000");
            }
        });
        assertThat(topics.get("medtop:16000000").label()).isEqualTo("conflict, war and peace");
        assertThat(topics.depth("medtop:20000063")).isEqualTo(4);
        assertThat(CLASSIFIER.termCount()).isGreaterThan(500);
    }
}
