package io.newswire.publisher.webhooks;

import io.newswire.model.topics.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    private final RetrySchedule schedule = RetrySchedule.of(6, Duration.ofSeconds(1), 5.0);

    @Test
    void shouldWaitInGrowingTiersThenParkWhenAttemptsRunOut() {
        assertThat(schedule.tierAfter(1)).contains(Topics.WEBHOOK_RETRY_1);
        assertThat(schedule.tierAfter(2)).contains(Topics.WEBHOOK_RETRY_2);
        assertThat(schedule.tierAfter(3)).contains(Topics.WEBHOOK_RETRY_3);
        assertThat(schedule.tierAfter(5)).contains(Topics.WEBHOOK_RETRY_3);
        assertThat(schedule.tierAfter(6)).isEmpty();
    }

    @Test
    void shouldDelayEachTierByBackoffTimesMultiplierPowers() {
        assertThat(schedule.delayOf(Topics.WEBHOOK_RETRY_1.name())).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.delayOf(Topics.WEBHOOK_RETRY_2.name())).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.delayOf(Topics.WEBHOOK_RETRY_3.name())).isEqualTo(Duration.ofSeconds(25));
        assertThat(schedule.pauseAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.pauseAfter(9)).isEqualTo(Duration.ofSeconds(25));
        assertThatThrownBy(() -> schedule.delayOf(Topics.ARTICLE_UPDATES.name())).hasMessageContaining("is not a retry tier");
    }

    @Test
    void shouldParkAfterTheFirstFailureWhenOneAttemptIsAllowed() {
        assertThat(RetrySchedule.of(1, Duration.ofSeconds(1), 2.0).tierAfter(1)).isEmpty();
    }
}
