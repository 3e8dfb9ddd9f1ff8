package io.newswire.processing;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Byline;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.DateMention;
import io.newswire.model.Enrichment;
import io.newswire.model.Entity;
import io.newswire.model.MediaItem;
import io.newswire.model.MediaType;
import io.newswire.model.Place;
import io.newswire.model.ReportKind;
import io.newswire.model.Subject;
import io.newswire.model.TextDirection;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.AvroDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The enrich step in the running application on the real broker: an Arabic report of a correspondent's usual shape
 * (dateline, countryside of a town, parties by name and abbreviation, sourced claims, a relative date, a caption and
 * a bio) comes out as an article update whose enrichment names its places with GeoNames ids and coordinates, its
 * parties, its event date, its sources, its subjects and an urgency, each with the evidence of why.
 */
class EnrichStepIntegrationTest {

    @Test
    void shouldCarryEveryEnrichmentWithItsEvidenceIntoTheArticleUpdate() throws Exception {
        try (ProcessingRig rig = new ProcessingRig();
             ProcessingApp app = ProcessingApp.start(new NewswireConfig(rig.settings("enrich-step")))) {
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();

            // Given a report filed at 09:30 in Damascus saying "at dawn today"
            final Instant filed = Instant.parse("2026-03-14T06:30:00Z");
            final CorrespondentReport report = CorrespondentReport.newBuilder().setReportId(UUID.randomUUID())
                    .setCorrespondentId("reem").setDesk("syria").setLanguage("ar").setKind(ReportKind.NEW)
                    .setHeadline("مقتل ثلاثة مدنيين بقصف مدفعي على ريف منبج الشرقي")
                    .setDateline("منبج")
                    .setBody(List.of(
                            "قُتل ثلاثة مدنيين وأصيب خمسة آخرون فجر اليوم جراء قصف مدفعي استهدف قرية زراعية في ريف منبج الشرقي، بحسب ما أفادت مصادر محلية لمراسلنا.",
                            "وقال الدفاع المدني السوري في بيان إن فرقه انتشلت الضحايا من تحت الأنقاض، فيما اتهم ناشطون قوات سوريا الديمقراطية (قسد) بالوقوف وراء القصف.",
                            "وكانت المنطقة قد شهدت هجوماً لتنظيم داعش في الأسبوع الماضي."))
                    .setMedia(List.of(MediaItem.newBuilder().setType(MediaType.PHOTO).setCaption("منزل مدمر في ريف منبج بعد القصف").build()))
                    .setByline(Byline.newBuilder().setName("ريم").setBio("صحفية مستقلة تغطي شمال سوريا").build())
                    .setTimeZone("Asia/Damascus").setFiledAt(filed).setReceivedAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                    .setContentDigest("enrich-step").build();

            // When it goes through the running application
            rig.produceAt(report, System.currentTimeMillis());
            final ArticleUpdate update = rig.topics().consumeMatching(Topics.ARTICLE_UPDATES.name(), new StringDeserializer(),
                            new AvroDeserializer<>(rig.serdes.registry(), ArticleUpdate.class),
                            r -> r.value().getTriggeringReportId().equals(report.getReportId()), 1, Duration.ofSeconds(90))
                    .get(0).value();
            final Enrichment enrichment = update.getEnrichment();

            // Then: language and direction
            assertThat(enrichment.getDetectedLanguage()).isEqualTo("ar");
            assertThat(enrichment.getDirection()).isEqualTo(TextDirection.RTL);
            // Manbij (GeoNames 167357) with its coordinates, marked as the dateline
            final Place manbij = enrichment.getPlaces().stream().filter(p -> p.getId().equals("geonames:167357")).findFirst().orElseThrow();
            assertThat(manbij.getLatitude()).isCloseTo(36.53, within(0.05));
            assertThat(manbij.getLongitude()).isCloseTo(37.95, within(0.05));
            assertThat(manbij.getDateline()).isTrue();
            assertThat(manbij.getCountryCode()).isEqualTo("SY");
            // the Islamic State by its Wikidata id, the SDF by name and abbreviation, the civil defence
            assertThat(enrichment.getEntities()).extracting(Entity::getId).contains("Q2429253");
            assertThat(enrichment.getEntities()).hasSizeGreaterThanOrEqualTo(3);
            // the event date: "at dawn today" in Damascus
            assertThat(enrichment.getDates()).filteredOn(DateMention::getEventDate).singleElement()
                    .satisfies(d -> assertThat(d.getDate()).isEqualTo(LocalDate.of(2026, 3, 14)));
            // sources, subjects (conflict, war and peace) and an urgency with its reasons
            assertThat(enrichment.getClaims()).isNotEmpty();
            assertThat(enrichment.getSubjects()).extracting(Subject::getCode).contains("medtop:16000000");
            assertThat(enrichment.getUrgency()).isBetween(1, 5);
            assertThat(enrichment.getUrgencyReasons()).isNotEmpty();

            // and every annotation says where it was found, as written
            final List<io.newswire.model.Evidence> evidence = new java.util.ArrayList<>();
            enrichment.getPlaces().forEach(p -> evidence.addAll(p.getEvidence()));
            enrichment.getEntities().forEach(e -> evidence.addAll(e.getEvidence()));
            enrichment.getDates().forEach(d -> evidence.addAll(d.getEvidence()));
            enrichment.getClaims().forEach(c -> evidence.addAll(c.getEvidence()));
            enrichment.getSubjects().forEach(s -> evidence.addAll(s.getEvidence()));
            assertThat(evidence).isNotEmpty().allSatisfy(e -> {
                final String field = fieldText(report, e.getField());
                if (field != null && e.getEnd() <= field.length() && e.getStart() >= 0 && e.getEnd() > e.getStart()) {
                    assertThat(field.substring(e.getStart(), e.getEnd())).as(e.getRule()).isEqualTo(e.getText());
                }
                assertThat(e.getRule()).isNotBlank();
            });
            assertThat(evidence).filteredOn(e -> fieldText(report, e.getField()) != null).isNotEmpty();
        }
    }

    private static String fieldText(final CorrespondentReport report, final String field) {
        return switch (field) {
            case "headline" -> report.getHeadline();
            case "dateline" -> report.getDateline();
            case "body" -> String.join("\n", report.getBody());
            case "caption" -> report.getMedia().get(0).getCaption();
            default -> null;
        };
    }
}
