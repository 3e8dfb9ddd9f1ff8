package io.newswire.publisher.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a delivery as the Standard Webhooks convention does: {@code webhook-signature: v1,<base64 HMAC-SHA256>} over
 * the bytes {@code <webhook-id>.<webhook-timestamp>.<body>}, the timestamp in whole seconds since 1970. The id is the
 * idempotency key, the same on every attempt; the timestamp is the attempt's, so each retry is signed afresh and a
 * receiver can refuse stale replays (the convention suggests a 5-minute tolerance). Pure: no Kafka, no I/O.
 */
public final class WebhookSigner {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param secret a secret in {@link WebhookSecrets}' format */
    public WebhookSigner(final String secret) {
        this.key = new SecretKeySpec(WebhookSecrets.key(secret), ALGORITHM);
    }

    /** The {@code webhook-signature} value: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}. */
    public String signature(final String id, final long timestampSeconds, final byte[] body) {
        try {
            final Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK: " + e, e);
        }
    }

    /** The three headers of one attempt, in the convention's order. */
    public Map<String, String> headers(final String id, final Instant attemptAt, final byte[] body) {
        final long seconds = attemptAt.getEpochSecond();
        final Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID_HEADER, id);
        headers.put(TIMESTAMP_HEADER, Long.toString(seconds));
        headers.put(SIGNATURE_HEADER, signature(id, seconds, body));
        return headers;
    }
}
