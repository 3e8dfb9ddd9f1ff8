package io.newswire.processing;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.DeadLetter;
import io.newswire.model.ReportKind;
import io.newswire.model.ReportState;
import io.newswire.model.ReportStatus;
import io.newswire.model.Signal;
import io.newswire.model.topics.Topics;
import io.newswire.processing.articles.ArticleProcessor;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.AvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The articles step on the real broker with the production application. Reports it refuses or gives up waiting
 * for are told (a DEAD_LETTERED status under their own id) and kept (a dead letter pointing at their record on
 * newswire.reports.v1); waiting is measured in the records' time; a change filed under another desk than its
 * report reaches the article.
 */
class ArticlesStepIntegrationTest {

    private static ProcessingRig rig;
    private static ProcessingApp app;

    @BeforeAll
    static void start() throws Exception {
        // waiting is measured per task, so each test's desk has a by-desk partition of its own
        assertThat(java.util.stream.Stream.of("aleppo", "homs", "hama", "latakia", "daraa")
                .map(ArticlesStepIntegrationTest::deskPartition).distinct()).hasSize(5);
        rig = new ProcessingRig();
        app = ProcessingApp.start(new NewswireConfig(rig.settings("articles-dead-letters")));
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    static void stop() {
        app.close();
        rig.close();
    }

    @Test
    void shouldDeadLetterAChangeToAnotherCorrespondentsReportUnderItsOwnIdWithWhereItCameFrom() throws Exception {
        // Given a report by one correspondent, and an UPDATE of it filed by another
        final long now = System.currentTimeMillis();
        final CorrespondentReport original = report("reem", "aleppo", ReportKind.NEW, null, now);
        final CorrespondentReport intruder = report("omar", "aleppo", ReportKind.UPDATE, original.getReportId(), now);
        rig.produceAt(original, now);
        final RecordMetadata where = rig.produceAt(intruder, now);

        // Then the update is a dead letter keyed by its own id, pointing at its record, and its status says so
        final DeadLetter letter = deadLetterOf(intruder);
        assertThat(letter.getStage()).isEqualTo("articles");
        assertThat(letter.getErrorClass()).isEqualTo("not-own-report");
        assertThat(letter.getReason()).contains("filed by another correspondent");
        assertThat(letter.getOriginalTopic()).isEqualTo(Topics.REPORTS.name());
        assertThat(letter.getOriginalPartition()).isEqualTo(where.partition());
        assertThat(letter.getOriginalOffset()).isEqualTo(where.offset());
        assertThat(StandardCharsets.UTF_8.decode(letter.getOriginalKey()).toString()).isEqualTo(intruder.getReportId().toString());
        assertThat(lastStatusOf(intruder).getState()).isEqualTo(ReportState.DEAD_LETTERED);
        assertThat(lastStatusOf(intruder).getReason()).contains("not").contains("another correspondent");
    }

    @Test
    void shouldDeadLetterAReferenceThatNeverArrivesOnceTheRecordsTimeHasPassedTheWait() throws Exception {
        // Given an UPDATE, filed an hour ago, of a report that never arrives
        final long filed = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        final CorrespondentReport orphan = report("reem", "homs", ReportKind.UPDATE, UUID.randomUUID(), filed);
        final RecordMetadata where = rig.produceAt(orphan, filed);
        await(() -> lastStatusOf(orphan).getReason().contains("waiting for report"));

        // When a later report of the same desk carries a time past the wait
        rig.produceAt(report("reem", "homs", ReportKind.NEW, null, filed + ArticleProcessor.MAX_WAIT.toMillis() + 60_000),
                filed + ArticleProcessor.MAX_WAIT.toMillis() + 60_000);

        // Then the orphan is dead-lettered with its origin coordinates, not -1, and told
        final DeadLetter letter = deadLetterOf(orphan);
        assertThat(letter.getErrorClass()).isEqualTo("unknown-reference");
        assertThat(letter.getReason()).contains(orphan.getRefersTo().toString()).contains("did not arrive within 30 minutes");
        assertThat(letter.getOriginalPartition()).isEqualTo(where.partition());
        assertThat(letter.getOriginalOffset()).isEqualTo(where.offset());
        assertThat(lastStatusOf(orphan).getState()).isEqualTo(ReportState.DEAD_LETTERED);
    }

    @Test
    void shouldNotDeadLetterAReferenceOfAReplayedBacklogThatWaitsOnlySecondsInTheRecordsTime() throws Exception {
        // Given a backlog from two hours ago (an outage) in which an UPDATE is read before the report it refers to
        final long filed = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        final CorrespondentReport original = report("reem", "hama", ReportKind.NEW, null, filed);
        final CorrespondentReport update = report("reem", "hama", ReportKind.UPDATE, original.getReportId(), filed + 60_000);
        rig.produceAt(update, filed + 60_000);
        await(() -> lastStatusOf(update).getReason().contains("waiting for report"));

        // When the original follows after more than one expiry check (by the wall clock it is two hours late)
        Thread.sleep(12_000);
        rig.produceAt(original, filed);

        // Then the update became version 2 of the article, and nothing was dead-lettered
        final List<ArticleUpdate> versions = rig.topics().consumeMatching(Topics.ARTICLE_UPDATES.name(), new StringDeserializer(),
                        new AvroDeserializer<>(rig.serdes.registry(), ArticleUpdate.class),
                        r -> r.value().getTriggeringReportId().equals(update.getReportId()), 1, Duration.ofSeconds(60))
                .stream().map(ConsumerRecord::value).toList();
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.getVersion()).isEqualTo(2);
            assertThat(v.getSignal()).isEqualTo(Signal.UPDATE);
        });
        assertThat(lastStatusOf(update).getState()).isEqualTo(ReportState.PROCESSED);
        assertThat(rig.topics().consumeMatching(Topics.DEAD_LETTERS.name(), new StringDeserializer(),
                new AvroDeserializer<>(rig.serdes.registry(), DeadLetter.class),
                r -> r.key().equals(update.getReportId().toString()), 0, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void shouldApplyACorrectionFiledUnderAnotherDeskToTheArticleOfItsReport() throws Exception {
        // Given a report filed under one desk, and its correspondent's correction filed under another
        final long now = System.currentTimeMillis();
        final CorrespondentReport original = report("reem", "latakia", ReportKind.NEW, null, now);
        final CorrespondentReport correction = report("reem", "daraa", ReportKind.CORRECTION, original.getReportId(), now);
        rig.produceAt(original, now);
        await(() -> lastStatusOf(original).getState() == ReportState.PROCESSED);
        rig.produceAt(correction, now);

        // Then the correction is version 2 of the original's article at once, not a dead letter after 30 minutes
        assertThat(versionTriggeredBy(correction, Duration.ofSeconds(30))).satisfies(v -> {
            assertThat(v.getVersion()).isEqualTo(2);
            assertThat(v.getSignal()).isEqualTo(Signal.CORRECTION);
            assertThat(v.getArticleId()).isEqualTo(io.newswire.processing.articles.ArticleVersioner.articleIdFor(original.getReportId()));
        });
    }

    @Test
    void shouldSendAWaitingChangeOnToTheDeskWhereItsReportArrivesLater() throws Exception {
        // Given a correction, filed under another desk, that arrives before the report it corrects
        final long now = System.currentTimeMillis();
        final CorrespondentReport original = report("reem", "latakia", ReportKind.NEW, null, now);
        final CorrespondentReport correction = report("reem", "daraa", ReportKind.CORRECTION, original.getReportId(), now);
        rig.produceAt(correction, now);
        await(() -> lastStatusOf(correction).getReason().contains("waiting for report"));

        // When the report arrives in its own desk
        rig.produceAt(original, now);

        // Then the waiting correction is sent on to that desk and becomes version 2 there
        assertThat(versionTriggeredBy(correction, Duration.ofSeconds(60))).satisfies(v -> {
            assertThat(v.getVersion()).isEqualTo(2);
            assertThat(v.getArticleId()).isEqualTo(io.newswire.processing.articles.ArticleVersioner.articleIdFor(original.getReportId()));
        });
        assertThat(lastStatusOf(correction).getState()).isEqualTo(ReportState.PROCESSED);
    }

    private static ArticleUpdate versionTriggeredBy(final CorrespondentReport report, final Duration timeout) {
        return rig.topics().consumeMatching(Topics.ARTICLE_UPDATES.name(), new StringDeserializer(),
                        new AvroDeserializer<>(rig.serdes.registry(), ArticleUpdate.class),
                        r -> r.value().getTriggeringReportId().equals(report.getReportId()), 1, timeout)
                .get(0).value();
    }

    private static int deskPartition(final String desk) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                desk.getBytes(StandardCharsets.UTF_8))) % ProcessingTopology.DESK_PARTITIONS;
    }

    private static CorrespondentReport report(final String correspondent, final String desk, final ReportKind kind, final UUID refersTo,
                                              final long receivedAt) {
        final Instant at = Instant.ofEpochMilli(receivedAt).truncatedTo(ChronoUnit.MILLIS);
        final String story = UUID.randomUUID().toString().replace("-", " x");
        return CorrespondentReport.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId(correspondent).setDesk(desk)
                .setLanguage("en").setKind(kind).setRefersTo(refersTo).setHeadline("Story " + story)
                .setBody(List.of("Body of story " + story + ", as filed by " + correspondent + "."))
                .setFiledAt(at).setReceivedAt(at).setContentDigest(Long.toHexString(receivedAt ^ story.hashCode())).build();
    }

    private static DeadLetter deadLetterOf(final CorrespondentReport report) {
        return rig.topics().consumeMatching(Topics.DEAD_LETTERS.name(), new StringDeserializer(),
                        new AvroDeserializer<>(rig.serdes.registry(), DeadLetter.class),
                        r -> r.key().equals(report.getReportId().toString()), 1, Duration.ofSeconds(60))
                .get(0).value();
    }

    private static ReportStatus lastStatusOf(final CorrespondentReport report) {
        final List<ConsumerRecord<String, ReportStatus>> statuses = rig.topics().consumeMatching(Topics.REPORT_STATUS.name(),
                new StringDeserializer(), new AvroDeserializer<>(rig.serdes.registry(), ReportStatus.class),
                r -> r.key().equals(report.getReportId().toString()), 1, Duration.ofSeconds(60));
        return statuses.get(statuses.size() - 1).value();
    }

    private static void await(final java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(condition);
    }
}
