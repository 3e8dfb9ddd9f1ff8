package io.newswire.publisher.apikeys;

import io.newswire.model.ApiKey;
import io.newswire.model.ApiKeyRole;
import io.newswire.publisher.Articles;
import io.newswire.publisher.filter.ArticleFilter;
import io.newswire.runtime.auth.TokenHasher;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyDirectoryTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private final ApiKeyDirectory directory = new ApiKeyDirectory();

    private static ApiKey key(final String id, final String secret, final ApiKeyRole role, final List<String> desks) {
        return ApiKey.newBuilder().setKeyId(id).setDisplayName(id).setRole(role).setDesks(desks)
                .setKeySha256(TokenHasher.hash(secret)).setCreatedAt(T0).build();
    }

    @Test
    void shouldAuthenticateOnlyTheCurrentUnrevokedSecretWhenRotatedOrRevoked() {
        directory.apply("desk", key("desk", "nwk_one", ApiKeyRole.STAFF, List.of()));
        assertThat(directory.authenticate("nwk_one")).isPresent();

        directory.apply("desk", key("desk", "nwk_two", ApiKeyRole.STAFF, List.of()));
        assertThat(directory.authenticate("nwk_one")).as("rotated away").isEmpty();
        assertThat(directory.authenticate("nwk_two")).isPresent();

        directory.apply("desk", ApiKey.newBuilder(directory.byId("desk").orElseThrow()).setRevokedAt(T0.plusSeconds(1)).build());
        assertThat(directory.authenticate("nwk_two")).isEmpty();
        assertThat(directory.all()).hasSize(1);

        directory.apply("desk", null);
        assertThat(directory.all()).isEmpty();
    }

    @Test
    void shouldLimitAPartnerToItsDesksWhenAuthorising() {
        final Access partner = new Access(key("p", "nwk_p", ApiKeyRole.PARTNER, List.of("syria")));
        final Access staff = new Access(key("s", "nwk_s", ApiKeyRole.STAFF, List.of()));
        assertThat(partner.mayRead(Articles.arabic(UUID.randomUUID(), T0))).isTrue();
        assertThat(partner.mayRead(Articles.english(UUID.randomUUID(), T0))).as("iraq desk").isFalse();
        assertThat(staff.mayRead(Articles.english(UUID.randomUUID(), T0))).isTrue();

        final ArticleFilter iraq = ArticleFilter.parse(Map.of("desk", List.of("iraq")));
        assertThat(partner.refusedDesks(iraq)).containsExactly("iraq");
        assertThat(staff.refusedDesks(iraq)).isEmpty();
        assertThat(partner.narrow(ArticleFilter.ALL).matches(Articles.english(UUID.randomUUID(), T0))).isFalse();
    }

    @Test
    void shouldRefuseAnAddRequestThatMakesNoSenseWhenValidated() {
        assertThatThrownBy(() -> ApiKeyAdmin.validate("X", ApiKeyRole.STAFF, List.of())).hasMessageContaining("2-63 characters");
        assertThatThrownBy(() -> ApiKeyAdmin.validate("partner-a", ApiKeyRole.PARTNER, List.of())).hasMessageContaining("names the desks");
        assertThatThrownBy(() -> ApiKeyAdmin.validate("staff-a", ApiKeyRole.STAFF, List.of("syria"))).hasMessageContaining("every desk");
        ApiKeyAdmin.validate("partner-a", ApiKeyRole.PARTNER, List.of("Syria"));
    }
}
