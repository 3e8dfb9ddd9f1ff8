package io.newswire.dashboard.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTokensTest {

    private static final byte[] SECRET = "a-secret-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final SessionTokens.Session SESSION = new SessionTokens.Session("desk-editors", "0123456789abcdef");

    @Test
    void shouldNameTheSessionItIssuedUntilItExpires() {
        // Given a token issued now for 12 h
        final String token = tokens(NOW).issue(SESSION);

        // Then it names the session just before the end, and nothing at the end
        assertThat(tokens(NOW.plus(Duration.ofHours(12)).minusMillis(1)).verify(token)).contains(SESSION);
        assertThat(tokens(NOW.plus(Duration.ofHours(12))).verify(token)).isEmpty();
    }

    @Test
    void shouldRefuseATokenWhenAnyPartIsChanged() {
        final String token = tokens(NOW).issue(SESSION);
        final String[] parts = token.split("\\.");
        // another key id with the original signature, a later expiry, a truncated signature: all forged
        final String otherKey = parts[0] + ".b3RoZXI." + parts[2] + "." + parts[3] + "." + parts[4];
        final String later = parts[0] + "." + parts[1] + "." + parts[2] + "." + (Long.parseLong(parts[3]) + 1) + "." + parts[4];
        final String truncated = token.substring(0, token.length() - 2);

        assertThat(tokens(NOW).verify(otherKey)).isEmpty();
        assertThat(tokens(NOW).verify(later)).isEmpty();
        assertThat(tokens(NOW).verify(truncated)).isEmpty();
        assertThat(tokens(NOW).verify("not a token")).isEmpty();
        assertThat(tokens(NOW).verify(null)).isEmpty();
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherSecretWhenInstancesDoNotShareOne() {
        // Given a token of another instance's random secret (no dashboard.session.secret set)
        final String token = new SessionTokens(SessionTokens.randomSecret(), Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC)).issue(SESSION);

        assertThat(tokens(NOW).verify(token)).isEmpty();
    }

    @Test
    void shouldRefuseAShortSecretWhenConfigured() {
        assertThatThrownBy(() -> new SessionTokens("short".getBytes(StandardCharsets.UTF_8), Duration.ofHours(1), Clock.systemUTC()))
                .hasMessageContaining("at least 32");
    }

    private static SessionTokens tokens(final Instant now) {
        return new SessionTokens(SECRET, Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
    }
}
