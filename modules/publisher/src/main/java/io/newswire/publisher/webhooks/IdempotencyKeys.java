package io.newswire.publisher.webhooks;

/**
 * The idempotency key of one article version for one subscriber, sent as {@code webhook-id}. Derived from the three
 * values alone, so a retry, a redelivery after a crash, another instance and a replay from the parking topic all
 * send the same key: a receiver that remembers the keys it has processed drops every repeat. Pure.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /**
     * {@code nw_<subscriber>_<article uuid>_v<version>}: readable in logs; unambiguous because the uuid has a fixed
     * shape and the version ends the key.
     */
    public static String of(final String subscriberId, final java.util.UUID articleId, final int version) {
        return "nw_" + subscriberId + "_" + articleId + "_v" + version;
    }
}
