package io.newswire.alerter.health;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HealthConditionsTest {

    private static final long MINUTE = 60_000;

    private static List<String> changes(final HealthConditions health, final long now) {
        return health.transitions(now).stream().map(t -> (t.firing() ? "FIRING " : "CLEARED ") + t.condition().id()).toList();
    }

    @Test
    void shouldFireOnceAndClearOnceWhenACorrespondentGoesQuietAndFilesAgain() {
        final HealthConditions health = new HealthConditions(30 * MINUTE, 10, 5 * MINUTE, 1_000, MINUTE);
        health.filed("reem", "syria", 0);

        assertThat(changes(health, 10 * MINUTE)).isEmpty();
        assertThat(changes(health, 31 * MINUTE)).containsExactlyInAnyOrder("FIRING health:quiet-correspondent:reem", "FIRING health:quiet-desk:syria");
        assertThat(changes(health, 60 * MINUTE)).as("still quiet: no second alert").isEmpty();
        health.filed("reem", "syria", 61 * MINUTE);
        assertThat(changes(health, 62 * MINUTE)).containsExactlyInAnyOrder("CLEARED health:quiet-correspondent:reem", "CLEARED health:quiet-desk:syria");
        assertThat(changes(health, 63 * MINUTE)).isEmpty();
    }

    @Test
    void shouldLearnACorrespondentsOwnRhythmWhenTheyHaveFiledEnough() {
        // a correspondent who files every 5 minutes is quiet after 15, long before the 6 h default
        final HealthConditions health = new HealthConditions(360 * MINUTE, 10, 5 * MINUTE, 1_000, MINUTE);
        for (int i = 0; i <= 4; i++) {
            health.filed("samir", null, i * 5 * MINUTE);
        }

        assertThat(health.quietIntervalOf("samir")).isEqualTo(15 * MINUTE);
        assertThat(changes(health, 20 * MINUTE + 14 * MINUTE)).isEmpty();
        assertThat(changes(health, 20 * MINUTE + 16 * MINUTE)).containsExactly("FIRING health:quiet-correspondent:samir");
    }

    @Test
    void shouldFireOnADeadLetterSpikeByStageAndReasonAndClearWhenItPasses() {
        final HealthConditions health = new HealthConditions(360 * MINUTE, 3, 5 * MINUTE, 1_000, MINUTE);
        health.deadLettered("deserialize", "SerializationException", 0);
        health.deadLettered("deserialize", "SerializationException", MINUTE);
        health.deadLettered("validate", "InvalidReportException", MINUTE);
        assertThat(changes(health, 2 * MINUTE)).as("two of one kind: under the threshold").isEmpty();

        health.deadLettered("deserialize", "SerializationException", 2 * MINUTE);
        assertThat(changes(health, 2 * MINUTE)).containsExactly("FIRING health:dead-letters:deserialize:SerializationException");
        // five minutes after the first, it has left the window: two remain
        assertThat(changes(health, 5 * MINUTE + 1)).containsExactly("CLEARED health:dead-letters:deserialize:SerializationException");
    }

    @Test
    void shouldFireOnLagAboveTheThresholdAndNotAgainUntilCleared() {
        final HealthConditions health = new HealthConditions(360 * MINUTE, 3, 5 * MINUTE, 100, MINUTE);
        health.lag("newswire-processing", 50);
        assertThat(changes(health, 0)).isEmpty();
        health.lag("newswire-processing", 500);
        assertThat(changes(health, 1)).containsExactly("FIRING health:lag:newswire-processing");
        health.lag("newswire-processing", 800);
        assertThat(changes(health, 2)).isEmpty();
        health.lag("newswire-processing", 0);
        assertThat(changes(health, 3)).containsExactly("CLEARED health:lag:newswire-processing");
    }

    @Test
    void shouldNotFireAgainAfterARestartWhenTheConditionWasFiringBefore() {
        final HealthConditions health = new HealthConditions(360 * MINUTE, 3, 5 * MINUTE, 100, MINUTE);
        health.restoreFiring(List.of(new HealthCondition("health:lag:newswire-processing", "lag", "newswire-processing", "", 0)));
        health.lag("newswire-processing", 500);

        assertThat(changes(health, 0)).isEmpty();
    }

    private static final String GATEWAY = "http://gateway-1:8080";
    private static final GatewayProbe READY = GatewayProbe.answered(200, List.of());
    private static final GatewayProbe KAFKA_DOWN = GatewayProbe.answered(503, List.of("kafka"));

    /** A health core watching one gateway with a one-minute threshold, and a fake clock in ms. */
    private static HealthConditions gatewayWatch() {
        return new HealthConditions(360 * MINUTE, 10, 5 * MINUTE, 1_000, MINUTE);
    }

    @Test
    void shouldFireOnceWhenTheGatewayHasAnswered503ForTheThresholdAndClearOnceWhenItIsReadyAgain() {
        final HealthConditions health = gatewayWatch();
        final long second = 1_000;
        health.gatewayProbed(GATEWAY, READY, 0);
        assertThat(changes(health, 0)).isEmpty();
        for (long t = 10 * second; t < 70 * second; t += 10 * second) {
            health.gatewayProbed(GATEWAY, KAFKA_DOWN, t);
            assertThat(changes(health, t)).as("503 since 10 s, at %d ms: under a minute", t).isEmpty();
        }
        health.gatewayProbed(GATEWAY, KAFKA_DOWN, 70 * second);
        final List<HealthConditions.Transition> fired = health.transitions(70 * second);
        assertThat(fired).singleElement().satisfies(t -> {
            assertThat(t.firing()).isTrue();
            assertThat(t.condition().id()).isEqualTo("health:gateway:" + GATEWAY);
            assertThat(t.condition().kind()).isEqualTo("gateway");
            assertThat(t.condition().detail()).contains("answers 503 on /ready (not ready: kafka)").contains("for 60 s");
            assertThat(t.condition().measure()).isEqualTo(MINUTE);
        });
        health.gatewayProbed(GATEWAY, KAFKA_DOWN, 80 * second);
        assertThat(changes(health, 80 * second)).as("still 503: no second alert").isEmpty();
        health.gatewayProbed(GATEWAY, READY, 90 * second);
        assertThat(changes(health, 90 * second)).containsExactly("CLEARED health:gateway:" + GATEWAY);
        health.gatewayProbed(GATEWAY, READY, 100 * second);
        assertThat(changes(health, 100 * second)).as("cleared once").isEmpty();
    }

    @Test
    void shouldNeverFireWhenTheGatewayFlapsWithOutagesShorterThanTheThreshold() {
        final HealthConditions health = gatewayWatch();
        // down 50 s, up once, down 50 s again, ... for ten minutes: 503 most of the time, never a minute on end
        for (long t = 0; t < 10 * MINUTE; t += 10_000) {
            final boolean up = (t / 10_000) % 6 == 5;
            health.gatewayProbed(GATEWAY, up ? READY : KAFKA_DOWN, t);
            assertThat(changes(health, t)).as("at %d ms", t).isEmpty();
        }
    }

    @Test
    void shouldCountAGatewayThatDoesNotAnswerAtAllAsNotAnswering() {
        final HealthConditions health = gatewayWatch();
        health.gatewayProbed(GATEWAY, GatewayProbe.unreachable("ConnectException"), 0);
        assertThat(changes(health, 59_999)).isEmpty();
        // it comes back but not ready: the outage goes on from the first failed probe
        health.gatewayProbed(GATEWAY, KAFKA_DOWN, 30_000);
        health.gatewayProbed(GATEWAY, KAFKA_DOWN, 60_000);
        assertThat(health.transitions(60_000)).singleElement().satisfies(t -> {
            assertThat(t.firing()).isTrue();
            assertThat(t.condition().detail()).contains("answers 503");
        });
        assertThat(GatewayProbe.unreachable("ConnectException").describe()).isEqualTo("does not answer /ready (ConnectException)");
    }

    @Test
    void shouldWatchEachGatewayOnItsOwn() {
        final HealthConditions health = gatewayWatch();
        health.gatewayProbed(GATEWAY, KAFKA_DOWN, 0);
        health.gatewayProbed("http://gateway-2:8080", READY, 0);
        health.gatewayProbed(GATEWAY, KAFKA_DOWN, MINUTE);
        health.gatewayProbed("http://gateway-2:8080", READY, MINUTE);
        assertThat(changes(health, MINUTE)).containsExactly("FIRING health:gateway:" + GATEWAY);
    }

    @Test
    void shouldNeitherFireAgainNorClearAfterARestartWhileTheGatewayIsStillDown() {
        final HealthConditions health = gatewayWatch();
        health.restoreFiring(List.of(new HealthCondition("health:gateway:" + GATEWAY, "gateway", GATEWAY, "", 0)));
        // the first probe after the restart: still down, though not yet for a minute as far as this process knows
        health.gatewayProbed(GATEWAY, KAFKA_DOWN, 0);
        assertThat(changes(health, 0)).isEmpty();
        health.gatewayProbed(GATEWAY, KAFKA_DOWN, 2 * MINUTE);
        assertThat(changes(health, 2 * MINUTE)).isEmpty();
        health.gatewayProbed(GATEWAY, READY, 3 * MINUTE);
        assertThat(changes(health, 3 * MINUTE)).containsExactly("CLEARED health:gateway:" + GATEWAY);
    }

    @Test
    void shouldReadTheFailingChecksOfAReadinessBody() {
        assertThat(GatewayProber.failingChecks("{\"credentialsLoaded\":true,\"kafka\":false,\"schemaRegistry\":false,\"status\":\"NOT_READY\"}"))
                .containsExactly("kafka", "schemaRegistry");
        assertThat(GatewayProber.failingChecks("<html>Service Unavailable</html>")).isEmpty();
    }
}
