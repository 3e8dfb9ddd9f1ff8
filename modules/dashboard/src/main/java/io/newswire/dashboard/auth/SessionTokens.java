package io.newswire.dashboard.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Login sessions as signed tokens, the pure core of the dashboard's login:
 * {@code v1.<key id>.<key tag>.<expiry ms>.<HMAC>}, the HMAC-SHA256 over the parts before it. The key tag names the
 * key's current secret (a prefix of its hash), so rotating a key ends the sessions of the old secret. Nothing is stored, so a session needs no state to bound and works on every
 * instance that shares the secret. What a token cannot say (the key was removed since) the caller checks against the
 * API keys on each request.
 */
public final class SessionTokens {

    /** What a valid token names. */
    public record Session(String keyId, String keyTag) {
    }

    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param secret at least 32 bytes; see {@link #randomSecret()}
     * @param ttl    how long a token is valid after it is issued
     */
    public SessionTokens(final byte[] secret, final Duration ttl, final Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("dashboard.session.secret must be at least 32 characters (it signs logins)");
        }
        this.secret = secret.clone();
        this.ttl = ttl;
        this.clock = clock;
    }

    /** 32 random bytes, for a process that was given no secret (its sessions end with it). */
    public static byte[] randomSecret() {
        final byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A token for the key, valid for the TTL from now. */
    public String issue(final Session session) {
        final String payload = VERSION + "." + B64.encodeToString(session.keyId().getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(session.keyTag().getBytes(StandardCharsets.UTF_8)) + "." + (clock.millis() + ttl.toMillis());
        return payload + "." + B64.encodeToString(sign(payload));
    }

    /** The session a token names, when it is one of ours, untampered and unexpired; else empty. */
    public Optional<Session> verify(final String token) {
        if (token == null) {
            return Optional.empty();
        }
        final String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        final byte[] offered;
        final long expires;
        final Session session;
        try {
            offered = B64_DECODE.decode(parts[4]);
            expires = Long.parseLong(parts[3]);
            session = new Session(new String(B64_DECODE.decode(parts[1]), StandardCharsets.UTF_8),
                    new String(B64_DECODE.decode(parts[2]), StandardCharsets.UTF_8));
        } catch (final IllegalArgumentException e) {
            return Optional.empty();
        }
        // constant-time comparison, so timing tells nothing about a forged signature
        if (!MessageDigest.isEqual(offered, sign(parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3])) || clock.millis() >= expires) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    private byte[] sign(final String payload) {
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
