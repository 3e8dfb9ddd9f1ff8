package io.newswire.dashboard.auth;

import io.newswire.model.ApiKey;
import io.newswire.model.ApiKeyRole;
import io.newswire.publisher.apikeys.ApiKeyDirectory;
import io.newswire.runtime.auth.TokenHasher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StaffAccessTest {

    private final ApiKeyDirectory keys = new ApiKeyDirectory();
    private final StaffAccess access = new StaffAccess(keys, new SessionTokens(
            "a-secret-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8), Duration.ofHours(12), Clock.systemUTC()));

    @Test
    void shouldLetStaffInByKeyOrSessionAndKeepPartnersAndStrangersOut() {
        // Given a staff key and a partner key on the topic
        keys.apply("desk", key("desk", ApiKeyRole.STAFF, "nwk_staff-secret"));
        keys.apply("partner", key("partner", ApiKeyRole.PARTNER, "nwk_partner-secret"));

        // Then the staff key logs in, and its session and its bearer both pass
        final StaffAccess.Decision login = access.authenticate("nwk_staff-secret");
        assertThat(login.allowed()).isTrue();
        final String session = access.sessionFor(login.key());
        assertThat(access.check(session, null).key().getKeyId()).isEqualTo("desk");
        assertThat(access.check(null, "nwk_staff-secret").allowed()).isTrue();
        // a partner is refused as not staff, an unknown key as unknown, nothing as nothing
        assertThat(access.authenticate("nwk_partner-secret").refusal()).isEqualTo(StaffAccess.Refusal.NOT_STAFF);
        assertThat(access.authenticate("nwk_guess").refusal()).isEqualTo(StaffAccess.Refusal.UNKNOWN_KEY);
        assertThat(access.check(null, null).refusal()).isEqualTo(StaffAccess.Refusal.NO_CREDENTIALS);
    }

    @Test
    void shouldEndSessionsWhenTheKeyIsRotatedOrRemoved() {
        // Given a session of a staff key
        keys.apply("desk", key("desk", ApiKeyRole.STAFF, "nwk_first"));
        final String session = access.sessionFor(access.authenticate("nwk_first").key());

        // When the key is rotated (same id, new secret), Then the old session is refused
        keys.apply("desk", key("desk", ApiKeyRole.STAFF, "nwk_second"));
        assertThat(access.check(session, null).refusal()).isEqualTo(StaffAccess.Refusal.UNKNOWN_KEY);

        // When the new key's session exists and the key is then revoked, Then that session is refused too
        final String second = access.sessionFor(access.authenticate("nwk_second").key());
        final ApiKey revoked = key("desk", ApiKeyRole.STAFF, "nwk_second");
        revoked.setRevokedAt(Instant.now());
        keys.apply("desk", revoked);
        assertThat(access.check(second, null).allowed()).isFalse();
    }

    private static ApiKey key(final String id, final ApiKeyRole role, final String secret) {
        return ApiKey.newBuilder().setKeyId(id).setDisplayName(id).setRole(role).setDesks(role == ApiKeyRole.PARTNER ? List.of("syria") : List.of())
                .setKeySha256(TokenHasher.hash(secret)).setCreatedAt(Instant.now()).build();
    }
}
