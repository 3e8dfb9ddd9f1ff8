package io.newswire.gateway.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.gateway.idempotency.IntakeIndex;
import io.newswire.gateway.intake.ReportIntake;
import io.newswire.gateway.metrics.GatewayMetrics;
import io.newswire.gateway.publish.ReportPublisher;
import io.newswire.gateway.status.ReportStatusView;
import io.newswire.model.CorrespondentCredential;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportState;
import io.newswire.model.ReportStatus;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report endpoints' rules without a broker: Kafka's MockProducer stands in for the cluster. */
class ReportsApiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final CorrespondentCredential REEM = credential("reem");
    private static final CorrespondentCredential SAMIR = credential("samir");

    private final MockProducer<String, CorrespondentReport> producer = new MockProducer<>(true, null, new StringSerializer(), (topic, report) -> new byte[0]);
    private static final Duration WINDOW = Duration.ofDays(7);

    private final IntakeIndex index = new IntakeIndex(Clock.fixed(NOW, ZoneOffset.UTC), WINDOW);
    private final ReportStatusView statuses = new ReportStatusView(Clock.fixed(NOW, ZoneOffset.UTC), WINDOW);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private ReportsApi api(final int ratePerMinute, final MockProducer<String, CorrespondentReport> kafka, final Duration ackTimeout) {
        return new ReportsApi(new ReportIntake(Clock.fixed(NOW, ZoneOffset.UTC)), index, new ReportPublisher(kafka, ackTimeout), statuses,
                new CorrespondentRateLimiter(ratePerMinute), new GatewayMetrics(meters), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ReportsApi api() {
        return api(1_000, producer, Duration.ofSeconds(5));
    }

    private static CorrespondentCredential credential(final String id) {
        return CorrespondentCredential.newBuilder().setCorrespondentId(id).setDisplayName(id).setDesk("syria")
                .setTokenSha256("0".repeat(64)).setCreatedAt(NOW).build();
    }

    private static String report(final UUID id, final String headline) {
        return "{\"reportId\":\"" + id + "\",\"language\":\"ar\",\"headline\":\"" + headline + "\",\"body\":[\"فقرة أولى.\"]}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(final ReportsApi.Reply reply) {
        return (Map<String, Object>) reply.body();
    }

    @Test
    void shouldWriteAReportOnceAndAnswerItsResubmissionWithTheFirstAcknowledgement() {
        // Given a report accepted once
        final UUID id = UUID.randomUUID();
        final ReportsApi.Reply first = api().submit(REEM, report(id, "عنوان"));

        // When the same report arrives again
        final ReportsApi.Reply again = api().submit(REEM, report(id, "عنوان"));

        // Then both are 202 with one position, and Kafka got one record, from the credentials' correspondent
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(body(again)).containsEntry("resubmission", true).containsEntry("offset", body(first).get("offset"))
                .containsEntry("statusUrl", "/v1/reports/" + id);
        assertThat(body(first)).containsEntry("resubmission", false);
        assertThat(producer.history()).hasSize(1);
        assertThat(producer.history().get(0).key()).isEqualTo(id.toString());
        assertThat(producer.history().get(0).value().getCorrespondentId()).isEqualTo("reem");
        assertThat(producer.history().get(0).value().getDesk()).as("the credential's desk when the report names none").isEqualTo("syria");
    }

    @Test
    void shouldAnswerConflictNamingTheWayToChangeAReportWhenTheContentDiffers() {
        final UUID id = UUID.randomUUID();
        api().submit(REEM, report(id, "عنوان"));

        assertThatThrownBy(() -> api().submit(REEM, report(id, "عنوان آخر")))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.problem().type()).isEqualTo(ProblemType.CONFLICT);
                    assertThat(f.problem().detail()).contains(id.toString()).contains("CORRECTION");
                });
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldForbidUsingAnotherCorrespondentsReportId() {
        // Given Reem's report; when Samir sends the same id, even with the same content, it is not his to write
        final UUID id = UUID.randomUUID();
        api().submit(REEM, report(id, "عنوان"));

        assertThatThrownBy(() -> api().submit(SAMIR, report(id, "عنوان")))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> api().status(SAMIR, id.toString()))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().status()).isEqualTo(403));
    }

    @Test
    void shouldAnswer503WithRetryAfterAndForgetTheIdWhenKafkaDoesNotAcknowledgeInTime() {
        // Given a cluster that never acknowledges
        final MockProducer<String, CorrespondentReport> silent = new MockProducer<>(false, null, new StringSerializer(), (t, r) -> new byte[0]);
        final UUID id = UUID.randomUUID();

        // Then the report is not accepted: 503 with Retry-After
        assertThatThrownBy(() -> api(1_000, silent, Duration.ofMillis(50)).submit(REEM, report(id, "عنوان")))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.problem().type()).isEqualTo(ProblemType.UNAVAILABLE);
                    assertThat(f.headers()).containsKey("Retry-After");
                });
        // and the id is free: a retry once Kafka is back is written and accepted
        assertThat(index.find(id)).isEmpty();
        assertThat(api().submit(REEM, report(id, "عنوان")).status()).isEqualTo(202);
    }

    @Test
    void shouldAnswer503WhenTheProducerReportsAnError() {
        final MockProducer<String, CorrespondentReport> failing = new MockProducer<>(false, null, new StringSerializer(), (t, r) -> new byte[0]);
        final ReportsApi api = api(1_000, failing, Duration.ofSeconds(30));
        final var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> api.submit(REEM, report(UUID.randomUUID(), "عنوان")));
        org.awaitility.Awaitility.await().until(() -> failing.history().size() == 1);

        failing.errorNext(new org.apache.kafka.common.errors.NotEnoughReplicasException("1 of 3 in sync"));

        assertThat(pending).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().status()).isEqualTo(503));
    }

    @Test
    void shouldChargeTheRateLimitPerReportInABatchAndRejectOnlyTheReportsOverIt() {
        // Given a correspondent allowed 3 reports a minute, and a batch of 5
        final StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            batch.append(i == 0 ? "" : ",").append(report(UUID.randomUUID(), "تقرير " + i));
        }
        final ReportsApi.Reply reply = api(3, producer, Duration.ofSeconds(5)).submitBatch(REEM, batch.append("]").toString(), false, "req-1");

        // Then three are accepted and two get 429 of their own, with a Retry-After on the answer
        assertThat(body(reply)).containsEntry("accepted", 3L).containsEntry("rejected", 2L);
        assertThat(statusesOf(reply)).containsExactly(202, 202, 202, 429, 429);
        assertThat(reply.headers()).containsKey("Retry-After");
        assertThat(producer.history()).hasSize(3);
    }

    @Test
    void shouldJudgeEachBatchItemAloneWithPointersIntoTheBatch() {
        // Given a JSON array with a good report and one without a headline; and NDJSON with a broken line
        final String array = "[" + report(UUID.randomUUID(), "جيد") + ",{\"reportId\":\"" + UUID.randomUUID() + "\",\"language\":\"ar\",\"body\":[\"x\"]}]";
        final String ndjson = report(UUID.randomUUID(), "أول") + "\r\n\n{not json\n" + report(UUID.randomUUID(), "ثالث") + "\n";

        final ReportsApi.Reply fromArray = api().submitBatch(REEM, array, false, "req-2");
        final ReportsApi.Reply fromNdjson = api().submitBatch(REEM, ndjson, true, "req-3");

        assertThat(statusesOf(fromArray)).containsExactly(202, 400);
        assertThat(fromArray.body().toString()).contains("pointer=/1/headline").contains("urn:newswire:request:req-2#1");
        assertThat(statusesOf(fromNdjson)).containsExactly(202, 400, 202);
        assertThat(fromNdjson.body().toString()).contains("line 3");
    }

    @Test
    void shouldRefuseAnEmptyBatchAndOneOfMoreThanAHundredReports() {
        final StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i <= ReportsApi.MAX_BATCH_ITEMS; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{}");
        }

        assertThatThrownBy(() -> api().submitBatch(REEM, "[]", false, "r"))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.INVALID_BATCH));
        assertThatThrownBy(() -> api().submitBatch(REEM, "\n\n", true, "r"))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.INVALID_BATCH));
        assertThatThrownBy(() -> api().submitBatch(REEM, "{\"reportId\":1}", false, "r"))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.INVALID_BATCH));
        assertThatThrownBy(() -> api().submitBatch(REEM, tooMany.append("]").toString(), false, "r"))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.BATCH_TOO_LARGE));
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldReportWhatProcessingMadeOfAReport() {
        // Given an accepted report that processing has since put into version 2 of an article
        final UUID id = UUID.randomUUID();
        final UUID article = UUID.randomUUID();
        api().submit(REEM, report(id, "عنوان"));
        assertThat(body(api().status(REEM, id.toString()))).containsEntry("state", "ACCEPTED");

        statuses.remember(ReportStatus.newBuilder().setReportId(id).setState(ReportState.PROCESSED).setArticleId(article)
                .setArticleVersion(2).setUpdatedAt(NOW).build());

        assertThat(body(api().status(REEM, id.toString()))).containsEntry("state", "PROCESSED")
                .containsEntry("articleId", article.toString()).containsEntry("articleVersion", 2);
    }

    @Test
    void shouldTellANonUuidFromAnUnknownReport() {
        assertThatThrownBy(() -> api().status(REEM, "not-a-uuid"))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.INVALID_REPORT_ID));
        // UUID.fromString accepts "1-1-1-1-1"; a report id must be written out in full
        assertThatThrownBy(() -> api().status(REEM, "1-1-1-1-1"))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.INVALID_REPORT_ID));
        assertThatThrownBy(() -> api().status(REEM, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    @Test
    void shouldAnswer404NamingTheWindowForAReportAcceptedBeforeItAndWriteItsResubmissionAgain() {
        // Given a report the index learned of, accepted eight days ago, with a seven-day window
        final UUID id = UUID.randomUUID();
        index.remember(new io.newswire.gateway.idempotency.AcceptedReport(id, "reem", "old-digest", 0, 5, NOW.minus(Duration.ofDays(8))));

        // Then its status is a 404 that says why, and a resubmission is written and answered as a first acceptance
        assertThatThrownBy(() -> api().status(REEM, id.toString())).isInstanceOfSatisfying(HttpFailure.class, f -> {
            assertThat(f.problem().type()).isEqualTo(ProblemType.NOT_FOUND);
            assertThat(f.problem().status()).isEqualTo(404);
            assertThat(f.problem().detail()).contains(id.toString()).contains("last 7 days").contains("gateway.idempotency.window.ms");
        });
        final ReportsApi.Reply again = api().submit(REEM, report(id, "عنوان"));
        assertThat(again.status()).isEqualTo(202);
        assertThat(body(again)).containsEntry("resubmission", false);
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldDescribeTheWindowAsAPersonReadsIt() {
        assertThat(ReportsApi.describe(Duration.ofDays(7))).isEqualTo("7 days");
        assertThat(ReportsApi.describe(Duration.ofDays(1))).isEqualTo("day");
        assertThat(ReportsApi.describe(Duration.ofHours(36))).isEqualTo("36 hours");
        assertThat(ReportsApi.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(ReportsApi.describe(Duration.ofMillis(45_500))).isEqualTo("45 seconds");
    }

    @Test
    void shouldCountAcceptedResubmittedAndRejectedReports() {
        final UUID id = UUID.randomUUID();
        api().submit(REEM, report(id, "عنوان"));
        api().submit(REEM, report(id, "عنوان"));
        api().submitBatch(REEM, "[{\"reportId\":\"x\"}]", false, "r");

        assertThat(meters.get(io.newswire.gateway.metrics.GatewayMetrics.ACCEPTED).counter().count()).isEqualTo(1);
        assertThat(meters.get(io.newswire.gateway.metrics.GatewayMetrics.RESUBMITTED).counter().count()).isEqualTo(1);
        assertThat(meters.get(io.newswire.gateway.metrics.GatewayMetrics.REJECTED).tag("reason", "invalid-report").counter().count()).isEqualTo(1);
        assertThat(meters.get(io.newswire.gateway.metrics.GatewayMetrics.ACK_LATENCY).timer().count()).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> statusesOf(final ReportsApi.Reply batch) {
        final List<Integer> statuses = new ArrayList<>();
        ((List<Map<String, Object>>) body(batch).get("results")).forEach(r -> statuses.add((Integer) r.get("status")));
        return statuses;
    }
}
