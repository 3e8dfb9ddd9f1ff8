package io.newswire.alerter.health;

import io.newswire.alerter.AlerterRig;
import io.newswire.model.Alert;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;
import io.newswire.model.topics.Topics;
import io.newswire.processing.ProcessingApp;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.AlerterMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health alerts with the real processing application on a real broker: a correspondent who goes quiet, poison
 * records that processing dead-letters, and processing stopped while reports keep coming (lag). Each fires once;
 * the quiet one clears once when the correspondent files again.
 */
class HealthAlertsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void shouldFireAndClearHealthAlertsWhenACorrespondentIsQuietPoisonArrivesAndProcessingStops() throws Exception {
        try (AlerterRig rig = new AlerterRig()) {
            // Given processing and a health watcher with short intervals: quiet after 4 s, 3 dead letters, lag of 5
            final Map<String, Object> settings = rig.settings();
            settings.put(NewswireConfig.ALERTER_QUIET_INTERVAL_MS_CONFIG, "4000");
            settings.put(NewswireConfig.ALERTER_HEALTH_CHECK_INTERVAL_MS_CONFIG, "300");
            settings.put(NewswireConfig.ALERTER_DEAD_LETTER_THRESHOLD_CONFIG, "3");
            settings.put(NewswireConfig.ALERTER_DEAD_LETTER_WINDOW_MS_CONFIG, "60000");
            settings.put(NewswireConfig.ALERTER_LAG_THRESHOLD_CONFIG, "5");
            settings.put(NewswireConfig.PROCESSING_STATE_DIR_CONFIG, rig.stack.newStateDir().toString());
            final NewswireConfig config = new NewswireConfig(settings);
            final ProcessingApp processing = ProcessingApp.start(config);
            boolean processingStopped = false;
            final SimpleMeterRegistry meters = new SimpleMeterRegistry();
            try (HealthWatcher health = HealthWatcher.start(config, rig.serdes, new AlerterMetrics(meters));
                 KafkaProducer<String, CorrespondentReport> reports = new KafkaProducer<>(rig.stack.producerConfig(), new StringSerializer(),
                         rig.serdes.valueSerde(CorrespondentReport.class).serializer());
                 KafkaProducer<String, byte[]> raw = new KafkaProducer<>(rig.stack.producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
                assertThat(processing.awaitRunning(WAIT)).isTrue();

                // When reem files once and then nothing
                send(reports, report("reem"));
                // Then reem and the desk go quiet once
                assertThat(firing(rig, "health:quiet-correspondent:reem", 1)).singleElement()
                        .satisfies(a -> assertThat(a.getHeadline()).contains("reem has filed nothing"));

                // When three records that are not reports reach processing
                for (int i = 0; i < 3; i++) {
                    raw.send(new ProducerRecord<>(Topics.REPORTS.name(), "poison-" + i, "not avro".getBytes(StandardCharsets.UTF_8))).get();
                }
                // Then processing dead-letters them and a spike of its stage and reason fires
                final List<Alert> spike = rig.alerts(a -> "HEALTH".equals(a.getCategory()) && a.getRuleId().startsWith("health:dead-letters:deserialize:")
                        && "FIRING".equals(a.getEscalation()), 1, WAIT);
                assertThat(spike).singleElement().satisfies(a -> assertThat(a.getHeadline()).startsWith("3 dead letters of deserialize:"));

                // When reem files again
                send(reports, report("reem"));
                // Then the quiet alert clears, once
                assertThat(rig.alerts(a -> a.getRuleId().equals("health:quiet-correspondent:reem") && "CLEARED".equals(a.getEscalation()), 1, WAIT))
                        .hasSize(1);

                // When processing stops while reports keep coming
                processing.close();
                processingStopped = true;
                for (int i = 0; i < 8; i++) {
                    send(reports, report("samir"));
                }
                // Then the processing group's lag fires
                assertThat(firing(rig, "health:lag:newswire-processing", 1)).singleElement()
                        .satisfies(a -> assertThat(a.getHeadline()).contains("records behind"));

                // and, a few checks later, nothing has fired twice
                Thread.sleep(1_500);
                final List<Alert> all = rig.alerts(a -> "HEALTH".equals(a.getCategory()), 0, Duration.ofSeconds(2));
                // (reem may go quiet again since: a second occurrence, after the clear, under its own alert id)
                assertThat(all).extracting(Alert::getAlertId).doesNotHaveDuplicates();
                assertThat(all).extracting(Alert::getRuleId).contains("health:quiet-correspondent:reem", "health:lag:newswire-processing");
                all.stream().collect(java.util.stream.Collectors.groupingBy(Alert::getRuleId)).forEach((id, alerts) -> {
                    final long fired = alerts.stream().filter(a -> "FIRING".equals(a.getEscalation())).count();
                    final long cleared = alerts.size() - fired;
                    assertThat(fired - cleared).as("%s fires once per clear: %s", id, alerts).isBetween(0L, 1L);
                });
                // and newswire_alerts_fired_total counted them: at least the three conditions fired and reem's clear
                assertThat(meters.find(AlerterMetrics.ALERTS_FIRED).tag("kind", "health_firing").tag("desk", AlerterMetrics.ALL_DESKS)
                        .counter().count()).isGreaterThanOrEqualTo(3.0);
                assertThat(meters.find(AlerterMetrics.ALERTS_FIRED).tag("kind", "health_cleared").counter().count()).isGreaterThanOrEqualTo(1.0);
            } finally {
                if (!processingStopped) {
                    processing.close();
                }
            }
        }
    }

    private static List<Alert> firing(final AlerterRig rig, final String id, final int count) {
        return rig.alerts(a -> a.getRuleId().equals(id) && "FIRING".equals(a.getEscalation()), count, WAIT);
    }

    private static void send(final KafkaProducer<String, CorrespondentReport> producer, final CorrespondentReport report) throws Exception {
        producer.send(new ProducerRecord<>(Topics.REPORTS.name(), report.getReportId().toString(), report)).get();
    }

    private static CorrespondentReport report(final String correspondent) {
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final String headline = "افتتاح مدرسة جديدة في حمص " + UUID.randomUUID();
        return CorrespondentReport.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId(correspondent).setDesk("syria")
                .setLanguage("ar").setKind(ReportKind.NEW).setHeadline(headline).setBody(List.of(headline + "، صباح اليوم."))
                .setFiledAt(now).setReceivedAt(now).setContentDigest(UUID.randomUUID().toString()).build();
    }
}
