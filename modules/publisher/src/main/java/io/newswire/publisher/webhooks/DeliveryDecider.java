package io.newswire.publisher.webhooks;

import io.newswire.model.WebhookDeliveryState;
import io.newswire.model.WebhookDeliveryStatus;

import java.util.Comparator;

/**
 * Decides, from the delivery ledger, whether a delivery task may POST: the rule that gives at most one delivery per
 * version per subscriber. Pure.
 *
 * <p>Every attempt is CLAIMED in the ledger (written and acknowledged) before its POST and gets an outcome after it
 * (DELIVERED, FAILED, PARKED). A task carries the round and the attempts made so far; it goes ahead only if the
 * ledger has not moved past it:
 * <ul>
 *   <li>DELIVERED: never again, whoever asks (a redelivered article update, a stale retry, a replay).</li>
 *   <li>FAILED at the task's own position: this is the retry the failure scheduled; go. Behind it: a stale copy
 *       (an article update read again after a crash, while its retry waits in a tier); skip.</li>
 *   <li>CLAIMED one attempt ahead of the task: someone claimed this very attempt and never recorded how it ended
 *       (an instance died mid-POST). The receiver may or may not have it: under the default policy it is PARKED as
 *       uncertain, never sent again by itself; with {@code redeliver} it is sent again with the same key.</li>
 *   <li>CLAIMED at the task's own position: the attempt failed and its retry record was written, but the FAILED
 *       state was lost to a crash; the retry goes.</li>
 *   <li>PARKED: only a replay (a later round) goes.</li>
 * </ul>
 */
public final class DeliveryDecider {

    /** What a task does. */
    public enum Decision {
        /** Claim the next attempt and POST. */
        ATTEMPT,
        /** Already delivered: settle without sending. */
        SKIP_DELIVERED,
        /** The ledger is past this task (an older copy of it): settle without sending. */
        SKIP_STALE,
        /** Parked and not replayed: settle without sending. */
        SKIP_PARKED,
        /** An attempt was claimed by an instance that died before its outcome: park it as uncertain. */
        PARK_UNCERTAIN
    }

    /** Orders two states of one key: DELIVERED last of all, then by round, attempt, and claim before its outcome. */
    public static final Comparator<WebhookDeliveryState> PROGRESS = Comparator
            .comparing((WebhookDeliveryState s) -> s.getStatus() == WebhookDeliveryStatus.DELIVERED)
            .thenComparingInt(WebhookDeliveryState::getRound)
            .thenComparingInt(WebhookDeliveryState::getAttempt)
            .thenComparingInt(s -> s.getStatus() == WebhookDeliveryStatus.CLAIMED ? 0 : 1);

    private DeliveryDecider() {
    }

    /**
     * @param state               the ledger's latest state of the task's key. May be null (never attempted)
     * @param round               the task's round (0, then +1 per replay)
     * @param attempts            attempts the task says were made so far in its round
     * @param redeliverAfterCrash the {@code redeliver} policy instead of {@code park}
     */
    public static Decision decide(final WebhookDeliveryState state, final int round, final int attempts, final boolean redeliverAfterCrash) {
        if (state == null) {
            return Decision.ATTEMPT;
        }
        switch (state.getStatus()) {
            case DELIVERED:
                return Decision.SKIP_DELIVERED;
            case PARKED:
                return round > state.getRound() ? Decision.ATTEMPT : Decision.SKIP_PARKED;
            case FAILED:
                return compare(round, attempts, state) < 0 ? Decision.SKIP_STALE : Decision.ATTEMPT;
            case CLAIMED:
                if (round == state.getRound() && attempts == state.getAttempt() - 1) {
                    return redeliverAfterCrash ? Decision.ATTEMPT : Decision.PARK_UNCERTAIN;
                }
                return compare(round, attempts, state) < 0 ? Decision.SKIP_STALE : Decision.ATTEMPT;
            default:
                throw new IllegalStateException("Unknown delivery status " + state.getStatus());
        }
    }

    /** The later of two states of one key (the ledger is read back while it is written: an echo must not win). */
    public static WebhookDeliveryState later(final WebhookDeliveryState a, final WebhookDeliveryState b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return PROGRESS.compare(a, b) >= 0 ? a : b;
    }

    private static int compare(final int round, final int attempts, final WebhookDeliveryState state) {
        final int byRound = Integer.compare(round, state.getRound());
        return byRound != 0 ? byRound : Integer.compare(attempts, state.getAttempt());
    }
}
