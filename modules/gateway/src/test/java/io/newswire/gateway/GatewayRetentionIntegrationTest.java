package io.newswire.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswire.embedded.EmbeddedKafka;
import io.newswire.gateway.http.JsonBody;
import io.newswire.gateway.intake.ContentDigest;
import io.newswire.gateway.intake.ReportDraft;
import io.newswire.gateway.intake.ReportIntake;
import io.newswire.gateway.metrics.GatewayMetrics;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportState;
import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.NewswireSerdes;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newswire.gateway.GatewayFixture.get;
import static io.newswire.gateway.GatewayFixture.post;
import static io.newswire.gateway.GatewayFixture.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway keeps one window of history (gateway.idempotency.window.ms, 7 days by default): on a broker whose
 * topics hold reports and states from before the window and from inside it, a started gateway has read only those
 * inside, knows only those, and writes a resubmission of an older report again.
 */
class GatewayRetentionIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OLD_REPORTS = 300;
    private static final int RECENT_REPORTS = 30;
    private static final int OLD_STATES = 100;

    @Test
    void shouldReadOnlyTheWindowAtStartAndForgetWhatAgesOutOfItWhileRunning() throws Exception {
        try (EmbeddedKafka kafka = NewswireStack.dedicatedKafka().start()) {
            // Given a broker of its own whose reports topic holds 300 reports of 10 to 20 days ago, then 30 of just over
            // 6 days ago, and whose status topic holds states of 100 of the old ones and of all recent ones
            final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
            final NewswireConfig config = configOn(kafka);
            final NewswireStack broker = NewswireStack.shared().withBroker(kafka.bootstrapServers());
            final String correspondentId = GatewayFixture.uniqueId("window");
            final List<UUID> old = new ArrayList<>();
            final List<UUID> recent = new ArrayList<>();
            final Map<UUID, Long> offsets = new HashMap<>();
            try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
                 KafkaProducer<String, CorrespondentReport> reports = new KafkaProducer<>(broker.producerConfig(),
                         NewswireSerdes.keySerde().serializer(), serdes.<CorrespondentReport>valueSerde(Topics.REPORTS).serializer());
                 KafkaProducer<String, ReportStatus> states = new KafkaProducer<>(broker.producerConfig(),
                         NewswireSerdes.keySerde().serializer(), serdes.<ReportStatus>valueSerde(Topics.REPORT_STATUS).serializer())) {
                for (int i = 0; i < OLD_REPORTS; i++) {
                    final Instant receivedAt = clock.instant().minus(Duration.ofDays(20)).plus(Duration.ofMinutes(48L * i));
                    final UUID id = UUID.randomUUID();
                    old.add(id);
                    offsets.put(id, accept(reports, correspondentId, id, receivedAt).offset());
                    if (i < OLD_STATES) {
                        processed(states, id, receivedAt.plusSeconds(1));
                    }
                }
                for (int i = 0; i < RECENT_REPORTS; i++) {
                    final Instant receivedAt = clock.instant().minus(Duration.ofDays(6)).minusSeconds(RECENT_REPORTS - i);
                    final UUID id = UUID.randomUUID();
                    recent.add(id);
                    offsets.put(id, accept(reports, correspondentId, id, receivedAt).offset());
                    processed(states, id, receivedAt.plusSeconds(1));
                }
            }

            // When a gateway starts on it
            try (NewswireMetrics metrics = new NewswireMetrics(); GatewayServer gateway = GatewayServer.start(config, metrics, clock)) {
                final String token = GatewayFixture.correspondent(config, gateway, correspondentId);

                // Then it is ready, having read only the reports and states inside the window, and holds only those
                final HttpResponse<String> ready = get(gateway, "/ready", null);
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                assertThat(ready.body()).contains("\"reportIndexLoaded\":true").contains("\"reportStatesLoaded\":true");
                final MeterRegistry meters = metrics.registry();
                assertThat(meters.get(GatewayMetrics.STATE_RECORDS_READ).tag(GatewayMetrics.TOPIC_TAG, Topics.REPORTS.name())
                        .functionCounter().count()).as("report records read").isEqualTo(RECENT_REPORTS);
                assertThat(meters.get(GatewayMetrics.STATE_RECORDS_READ).tag(GatewayMetrics.TOPIC_TAG, Topics.REPORT_STATUS.name())
                        .functionCounter().count()).as("state records read").isEqualTo(RECENT_REPORTS);
                assertThat(meters.get(GatewayMetrics.IDEMPOTENCY_ENTRIES).gauge().value()).isEqualTo(RECENT_REPORTS);
                assertThat(meters.get(GatewayMetrics.STATUS_ENTRIES).gauge().value()).isEqualTo(RECENT_REPORTS);

                // and a recent report is known: its resubmission gets the first acknowledgement, its status is PROCESSED
                final UUID known = recent.get(0);
                final HttpResponse<String> resent = post(gateway, token, report(known, "تقرير " + known));
                assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
                assertThat(resent.body()).contains("\"resubmission\":true").contains("\"offset\":" + offsets.get(known) + ",");
                assertThat(get(gateway, "/v1/reports/" + recent.get(1), token).body()).contains("\"state\":\"PROCESSED\"");

                // while an old one is not: its status is a 404 naming the window, and its resubmission is written again
                final HttpResponse<String> oldStatus = get(gateway, "/v1/reports/" + old.get(0), token);
                assertThat(oldStatus.statusCode()).isEqualTo(404);
                assertThat(oldStatus.body()).contains("not-found").contains("last 7 days").contains("gateway.idempotency.window.ms");
                final UUID forgotten = old.get(1);
                final HttpResponse<String> rewritten = post(gateway, token, report(forgotten, "تقرير " + forgotten));
                assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(202);
                assertThat(rewritten.body()).contains("\"resubmission\":false").doesNotContain("\"offset\":" + offsets.get(forgotten) + ",");
                assertThat(recordsOf(broker, config, forgotten, 2)).as("the first copy and the one written again").isEqualTo(2);

                // When a day and a minute pass on the gateway's clock, the recent reports age out of the window too
                clock.advance(Duration.ofDays(1).plusMinutes(1));
                assertThat(get(gateway, "/v1/reports/" + recent.get(1), token).statusCode()).isEqualTo(404);
                final HttpResponse<String> afterWindow = post(gateway, token, report(recent.get(2), "تقرير " + recent.get(2)));
                assertThat(afterWindow.body()).contains("\"resubmission\":false");
                // and the report written again a moment ago (by the moved clock, a day ago) is still known
                assertThat(post(gateway, token, report(forgotten, "تقرير " + forgotten)).body()).contains("\"resubmission\":true");
            }
        }
    }

    private static NewswireConfig configOn(final EmbeddedKafka kafka) {
        final Map<String, Object> settings = new HashMap<>(NewswireStack.shared().newswireSettings());
        settings.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(NewswireConfig.GATEWAY_PORT_CONFIG, "0");
        settings.put(NewswireConfig.GATEWAY_RATE_LIMIT_PER_MINUTE_CONFIG, "1000000");
        final NewswireConfig config = new NewswireConfig(settings);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            new TopicAdmin(admin, (short) 1, -1).ensure(Topics.all());
        }
        return config;
    }

    /** Writes the report the gateway would have written for this body, as of {@code receivedAt}, with that record timestamp. */
    private static RecordMetadata accept(final KafkaProducer<String, CorrespondentReport> producer, final String correspondentId,
                                         final UUID id, final Instant receivedAt) throws Exception {
        final JsonNode body = JsonBody.parse(report(id, "تقرير " + id), "");
        final ReportDraft draft = new ReportIntake(Clock.fixed(receivedAt, ZoneOffset.UTC)).read(body).draft();
        final CorrespondentReport report = draft.toReport(correspondentId, "syria", receivedAt, ContentDigest.of(draft));
        return producer.send(new ProducerRecord<>(Topics.REPORTS.name(), null, receivedAt.toEpochMilli(), id.toString(), report)).get();
    }

    private static void processed(final KafkaProducer<String, ReportStatus> producer, final UUID id, final Instant at) throws Exception {
        producer.send(new ProducerRecord<>(Topics.REPORT_STATUS.name(), null, at.toEpochMilli(), id.toString(),
                ReportStatus.newBuilder().setReportId(id).setState(ReportState.PROCESSED).setArticleId(UUID.randomUUID())
                        .setArticleVersion(1).setUpdatedAt(at).build())).get();
    }

    private static int recordsOf(final NewswireStack broker, final NewswireConfig config, final UUID id, final int atLeast) {
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig())) {
            return broker.consumeMatching(Topics.REPORTS.name(), new StringDeserializer(),
                    new AvroDeserializer<>(serdes.registry(), CorrespondentReport.class), r -> id.toString().equals(r.key()),
                    atLeast, Duration.ofSeconds(30)).size();
        }
    }
}
