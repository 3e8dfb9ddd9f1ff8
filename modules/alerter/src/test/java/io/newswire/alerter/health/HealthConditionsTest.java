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
        final HealthConditions health = new HealthConditions(30 * MINUTE, 10, 5 * MINUTE, 1_000);
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
        final HealthConditions health = new HealthConditions(360 * MINUTE, 10, 5 * MINUTE, 1_000);
        for (int i = 0; i <= 4; i++) {
            health.filed("samir", null, i * 5 * MINUTE);
        }

        assertThat(health.quietIntervalOf("samir")).isEqualTo(15 * MINUTE);
        assertThat(changes(health, 20 * MINUTE + 14 * MINUTE)).isEmpty();
        assertThat(changes(health, 20 * MINUTE + 16 * MINUTE)).containsExactly("FIRING health:quiet-correspondent:samir");
    }

    @Test
    void shouldFireOnADeadLetterSpikeByStageAndReasonAndClearWhenItPasses() {
        final HealthConditions health = new HealthConditions(360 * MINUTE, 3, 5 * MINUTE, 1_000);
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
        final HealthConditions health = new HealthConditions(360 * MINUTE, 3, 5 * MINUTE, 100);
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
        final HealthConditions health = new HealthConditions(360 * MINUTE, 3, 5 * MINUTE, 100);
        health.restoreFiring(List.of(new HealthCondition("health:lag:newswire-processing", "lag", "newswire-processing", "", 0)));
        health.lag("newswire-processing", 500);

        assertThat(changes(health, 0)).isEmpty();
    }
}
