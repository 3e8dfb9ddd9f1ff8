package io.newswire.publisher.webhooks;

import io.newswire.model.WebhookDeliveryState;
import io.newswire.model.WebhookDeliveryStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.newswire.model.WebhookDeliveryStatus.CLAIMED;
import static io.newswire.model.WebhookDeliveryStatus.DELIVERED;
import static io.newswire.model.WebhookDeliveryStatus.FAILED;
import static io.newswire.model.WebhookDeliveryStatus.PARKED;
import static io.newswire.publisher.webhooks.DeliveryDecider.Decision.ATTEMPT;
import static io.newswire.publisher.webhooks.DeliveryDecider.Decision.PARK_UNCERTAIN;
import static io.newswire.publisher.webhooks.DeliveryDecider.Decision.SKIP_DELIVERED;
import static io.newswire.publisher.webhooks.DeliveryDecider.Decision.SKIP_PARKED;
import static io.newswire.publisher.webhooks.DeliveryDecider.Decision.SKIP_STALE;
import static org.assertj.core.api.Assertions.assertThat;

class DeliveryDeciderTest {

    private static WebhookDeliveryState state(final WebhookDeliveryStatus status, final int round, final int attempt) {
        return WebhookDeliveryState.newBuilder().setIdempotencyKey("k").setSubscriberId("s").setArticleId(UUID.randomUUID()).setVersion(1)
                .setStatus(status).setRound(round).setAttempt(attempt).setAt(Instant.EPOCH).build();
    }

    @Test
    void shouldAttemptWhenTheLedgerHasNothing() {
        assertThat(DeliveryDecider.decide(null, 0, 0, false)).isEqualTo(ATTEMPT);
    }

    @Test
    void shouldNeverSendAgainWhenDelivered() {
        // the article update read again after a crash before the commit, a stale retry, and a replay: none sends
        assertThat(DeliveryDecider.decide(state(DELIVERED, 0, 1), 0, 0, true)).isEqualTo(SKIP_DELIVERED);
        assertThat(DeliveryDecider.decide(state(DELIVERED, 0, 2), 0, 1, true)).isEqualTo(SKIP_DELIVERED);
        assertThat(DeliveryDecider.decide(state(DELIVERED, 0, 2), 1, 0, true)).isEqualTo(SKIP_DELIVERED);
    }

    @Test
    void shouldRetryOnlyFromTheFailuresOwnPositionWhenFailed() {
        assertThat(DeliveryDecider.decide(state(FAILED, 0, 2), 0, 2, false)).isEqualTo(ATTEMPT);
        // the first copy of the task, read again while its retry waits in a tier
        assertThat(DeliveryDecider.decide(state(FAILED, 0, 2), 0, 0, false)).isEqualTo(SKIP_STALE);
        assertThat(DeliveryDecider.decide(state(FAILED, 0, 2), 0, 1, false)).isEqualTo(SKIP_STALE);
    }

    @Test
    void shouldParkAsUncertainWhenTheVeryAttemptWasClaimedAndNeverEnded() {
        // an instance claimed attempt 1 and died: the receiver may have it
        assertThat(DeliveryDecider.decide(state(CLAIMED, 0, 1), 0, 0, false)).isEqualTo(PARK_UNCERTAIN);
        assertThat(DeliveryDecider.decide(state(CLAIMED, 0, 1), 0, 0, true)).isEqualTo(ATTEMPT);
    }

    @Test
    void shouldGoAheadWhenTheClaimIsTheRetrysOwnAttempt() {
        // attempt 2 failed, its retry record was written, the FAILED state was lost: the retry (attempts=2) goes
        assertThat(DeliveryDecider.decide(state(CLAIMED, 0, 2), 0, 2, false)).isEqualTo(ATTEMPT);
        assertThat(DeliveryDecider.decide(state(CLAIMED, 0, 3), 0, 0, false)).isEqualTo(SKIP_STALE);
    }

    @Test
    void shouldSendAParkedDeliveryOnlyWhenReplayedInALaterRound() {
        assertThat(DeliveryDecider.decide(state(PARKED, 0, 3), 0, 0, false)).isEqualTo(SKIP_PARKED);
        assertThat(DeliveryDecider.decide(state(PARKED, 0, 3), 0, 3, false)).isEqualTo(SKIP_PARKED);
        assertThat(DeliveryDecider.decide(state(PARKED, 0, 3), 1, 0, false)).isEqualTo(ATTEMPT);
        assertThat(DeliveryDecider.decide(state(CLAIMED, 1, 1), 0, 0, false)).isEqualTo(SKIP_STALE);
    }

    @Test
    void shouldKeepTheLaterStateWhenAnOlderEchoIsReadBack() {
        final WebhookDeliveryState claimed = state(CLAIMED, 0, 1);
        final WebhookDeliveryState delivered = state(DELIVERED, 0, 1);
        final WebhookDeliveryState failed = state(FAILED, 0, 1);
        assertThat(DeliveryDecider.later(delivered, claimed)).isSameAs(delivered);
        assertThat(DeliveryDecider.later(claimed, failed)).isSameAs(failed);
        assertThat(DeliveryDecider.later(state(CLAIMED, 0, 2), failed).getAttempt()).isEqualTo(2);
        assertThat(DeliveryDecider.later(state(PARKED, 0, 3), state(CLAIMED, 1, 1)).getRound()).isEqualTo(1);
    }
}
