package io.newswire.dashboard.auth;

import io.newswire.model.ApiKey;
import io.newswire.model.ApiKeyRole;
import io.newswire.publisher.apikeys.ApiKeyDirectory;

import java.time.Duration;
import java.util.Optional;

/**
 * Who may use the dashboard: a publisher API key of role STAFF that is still on
 * {@code newswire.publisher.api-keys.v1}. Partners read feeds through the publisher's API, not the newsroom's screen.
 * A request proves it by a session cookie (from {@link #login}) or by {@code Authorization: Bearer <key>} (scripts,
 * curl). Correspondents' gateway tokens are a different kind of secret and are never accepted here.
 */
public final class StaffAccess {

    /** Why a login or request was refused. */
    public enum Refusal { NO_CREDENTIALS, UNKNOWN_KEY, NOT_STAFF }

    /** The outcome of checking one request: the key, or why not. */
    public record Decision(ApiKey key, Refusal refusal) {
        public boolean allowed() {
            return key != null;
        }
    }

    private final ApiKeyDirectory keys;
    private final SessionTokens sessions;

    public StaffAccess(final ApiKeyDirectory keys, final SessionTokens sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    /** Checks a secret offered at login. */
    public Decision authenticate(final String secret) {
        if (secret == null || secret.isBlank()) {
            return new Decision(null, Refusal.NO_CREDENTIALS);
        }
        return staff(keys.authenticate(secret.strip()));
    }

    /** The session token (the cookie's value) for a key {@link #authenticate} allowed. */
    public String sessionFor(final ApiKey key) {
        return sessions.issue(new SessionTokens.Session(key.getKeyId(), tag(key)));
    }

    /** How long a session lasts, for the cookie's Max-Age. */
    public Duration sessionTtl() {
        return sessions.ttl();
    }

    /**
     * @param sessionCookie the session cookie's value. May be null
     * @param bearer        the secret of an Authorization: Bearer header. May be null
     */
    public Decision check(final String sessionCookie, final String bearer) {
        if (bearer != null && !bearer.isBlank()) {
            return authenticate(bearer);
        }
        if (sessionCookie != null && !sessionCookie.isBlank()) {
            // a valid signature is not enough: the key must still be active with the same secret, so removing or
            // rotating a key ends its sessions at once
            final Optional<SessionTokens.Session> session = sessions.verify(sessionCookie);
            final Optional<ApiKey> key = session.flatMap(s -> keys.byId(s.keyId()))
                    .filter(k -> k.getRevokedAt() == null && tag(k).equals(session.get().keyTag()));
            return staff(key);
        }
        return new Decision(null, Refusal.NO_CREDENTIALS);
    }

    /** Names the key's current secret without revealing anything usable: a prefix of the hash the topic stores. */
    private static String tag(final ApiKey key) {
        return key.getKeySha256().substring(0, Math.min(16, key.getKeySha256().length()));
    }

    private static Decision staff(final Optional<ApiKey> key) {
        if (key.isEmpty()) {
            return new Decision(null, Refusal.UNKNOWN_KEY);
        }
        if (key.get().getRole() != ApiKeyRole.STAFF) {
            return new Decision(null, Refusal.NOT_STAFF);
        }
        return new Decision(key.get(), null);
    }
}
