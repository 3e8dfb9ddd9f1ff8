package io.newswire.alerter.health;

import io.newswire.alerter.AlerterRig;
import io.newswire.embedded.EmbeddedKafka;
import io.newswire.gateway.GatewayServer;
import io.newswire.model.Alert;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.runtime.metrics.AlerterMetrics;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.testkit.NewswireStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real gateway on a broker of its own, watched by the health watcher on the rig's broker: when the gateway's
 * broker stops, its /ready answers 503 (Kafka unreachable); after the threshold a gateway alert fires on
 * {@code newswire.alerts.v1}, and when the broker is back it clears, each once.
 */
class GatewayHealthIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldFireOnceWhenTheGatewayAnswers503BeyondTheThresholdAndClearOnceWhenItIsReady() throws Exception {
        try (AlerterRig rig = new AlerterRig(); EmbeddedKafka gatewayKafka = NewswireStack.dedicatedKafka().start()) {
            // Given a gateway on its own broker (so stopping that broker leaves the alerts channel up), with the topics it reads
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", gatewayKafka.bootstrapServers()))) {
                new TopicAdmin(admin, (short) 1, -1).ensure(List.of(Topics.REPORTS, Topics.CORRESPONDENTS, Topics.REPORT_STATUS));
            }
            final Map<String, Object> gatewaySettings = new HashMap<>(NewswireStack.shared().newswireSettings());
            gatewaySettings.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, gatewayKafka.bootstrapServers());
            gatewaySettings.put(NewswireConfig.GATEWAY_PORT_CONFIG, "0");
            try (NewswireMetrics gatewayMetrics = new NewswireMetrics();
                 GatewayServer gateway = GatewayServer.start(new NewswireConfig(gatewaySettings), gatewayMetrics)) {
                await().atMost(WAIT).until(() -> ready(gateway) == 200);
                // and a health watcher polling it every 200 ms that alerts after 2 s of 503s
                final Map<String, Object> settings = rig.settings();
                settings.put(NewswireConfig.ALERTER_GATEWAY_URLS_CONFIG, gateway.url() + "/");
                settings.put(NewswireConfig.ALERTER_GATEWAY_POLL_INTERVAL_MS_CONFIG, "200");
                settings.put(NewswireConfig.ALERTER_GATEWAY_UNAVAILABLE_MS_CONFIG, "2000");
                final SimpleMeterRegistry meters = new SimpleMeterRegistry();
                final String id = "health:gateway:" + gateway.url();
                try (HealthWatcher health = HealthWatcher.start(new NewswireConfig(settings), rig.serdes, new AlerterMetrics(meters))) {
                    // When the gateway's broker stops
                    gatewayKafka.stop();
                    assertThat(ready(gateway)).as("the gateway itself says so").isEqualTo(503);

                    // Then the gateway alert fires, naming what is not ready
                    assertThat(rig.alerts(a -> a.getRuleId().equals(id) && "FIRING".equals(a.getEscalation()), 1, WAIT)).singleElement()
                            .satisfies(a -> {
                                assertThat(a.getCategory()).isEqualTo("HEALTH");
                                assertThat(a.getHeadline()).contains("answers 503 on /ready (not ready: kafka)");
                            });

                    // When the broker is back
                    gatewayKafka.start();
                    // Then it clears
                    assertThat(rig.alerts(a -> a.getRuleId().equals(id) && "CLEARED".equals(a.getEscalation()), 1, WAIT)).hasSize(1);
                    assertThat(ready(gateway)).isEqualTo(200);

                    // and, a few polls later, it fired once and cleared once
                    Thread.sleep(600);
                    final List<Alert> all = rig.alerts(a -> a.getRuleId().equals(id), 0, Duration.ofSeconds(2));
                    // (the two have different keys, so they may sit on different partitions: order by when they were raised)
                    assertThat(all.stream().sorted(java.util.Comparator.comparing(Alert::getRaisedAt)).map(Alert::getEscalation).toList())
                            .containsExactly("FIRING", "CLEARED");
                    assertThat(meters.find(AlerterMetrics.ALERTS_FIRED).tag("kind", "health_firing").counter().count()).isEqualTo(1.0);
                    assertThat(meters.find(AlerterMetrics.ALERTS_FIRED).tag("kind", "health_cleared").counter().count()).isEqualTo(1.0);
                }
            }
        }
    }

    private static int ready(final GatewayServer gateway) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/ready")).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
