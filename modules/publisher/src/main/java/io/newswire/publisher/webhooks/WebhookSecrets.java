package io.newswire.publisher.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets in the Standard Webhooks format: {@code whsec_} followed by the standard base64 of 24 to 64 random
 * bytes. The HMAC key is the decoded bytes, not the text, so a receiver's library for the convention reads ours as is.
 * Pure: no Kafka, no I/O.
 */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    /** A new secret of 32 random bytes. */
    public static String generate() {
        final byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The HMAC key of a secret.
     *
     * @throws IllegalArgumentException saying what is wrong with it (never echoing the secret)
     */
    public static byte[] key(final String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("secret must start with '" + PREFIX + "' followed by base64 of "
                    + MIN_BYTES + " to " + MAX_BYTES + " random bytes (leave it out to have one generated)");
        }
        final byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("secret after '" + PREFIX + "' is not standard base64: " + e.getMessage(), e);
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("secret decodes to " + key.length + " bytes; it must be " + MIN_BYTES + " to " + MAX_BYTES);
        }
        return key;
    }
}
