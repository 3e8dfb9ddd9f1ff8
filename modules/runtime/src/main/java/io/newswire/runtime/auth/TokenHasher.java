package io.newswire.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer secrets (correspondents' tokens at the gateway, API keys at the publisher): 256 random bits, shown to their
 * holder once, stored only as a SHA-256 hash. A plain hash
 * (no salt or slow KDF) is enough here because the tokens are random, not chosen by people: there is no
 * dictionary to try.
 */
public final class TokenHasher {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Tokens start with this, so a leaked one is easy to recognise in logs and secret scanners. */
    public static final String TOKEN_PREFIX = "nwt_";

    private TokenHasher() {
    }

    /** A new random correspondent token, URL-safe. */
    public static String newToken() {
        return newToken(TOKEN_PREFIX);
    }

    /**
     * A new random secret, URL-safe, after a prefix that tells what it is ({@code nwt_} a correspondent's token,
     * {@code nwk_} a publisher API key).
     */
    public static String newToken(final String prefix) {
        final byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256 of the token, the only form that is stored. */
    public static String hash(final String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
