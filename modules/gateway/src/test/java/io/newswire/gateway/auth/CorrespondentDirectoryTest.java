package io.newswire.gateway.auth;

import io.newswire.runtime.auth.TokenHasher;
import io.newswire.model.CorrespondentCredential;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CorrespondentDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final CorrespondentDirectory directory = new CorrespondentDirectory();

    private static CorrespondentCredential credential(final String id, final String token, final Instant revokedAt) {
        return CorrespondentCredential.newBuilder().setCorrespondentId(id).setDisplayName(id).setTokenSha256(TokenHasher.hash(token))
                .setCreatedAt(NOW).setRevokedAt(revokedAt).build();
    }

    @Test
    void shouldAuthenticateByTokenAndNeverByAnythingElse() {
        directory.apply("reem", credential("reem", "nwt_reem", null));

        assertThat(directory.authenticate("nwt_reem")).hasValueSatisfying(c -> assertThat(c.getCorrespondentId()).isEqualTo("reem"));
        assertThat(directory.authenticate("reem")).as("the id is not a token").isEmpty();
        assertThat(directory.authenticate(TokenHasher.hash("nwt_reem"))).as("nor is the stored hash").isEmpty();
    }

    @Test
    void shouldStopTheOldTokenWhenANewOneIsIssued() {
        // Given a correspondent whose token is rotated (`correspondents add` again)
        directory.apply("reem", credential("reem", "nwt_old", null));
        directory.apply("reem", credential("reem", "nwt_new", null));

        // Then only the new token works, and the correspondent is on record once
        assertThat(directory.authenticate("nwt_old")).isEmpty();
        assertThat(directory.authenticate("nwt_new")).isPresent();
        assertThat(directory.all()).hasSize(1);
    }

    @Test
    void shouldRefuseARevokedTokenButKeepTheRecordAndForgetATombstonedOne() {
        directory.apply("reem", credential("reem", "nwt_reem", null));
        directory.apply("samir", credential("samir", "nwt_samir", null));

        directory.apply("reem", credential("reem", "nwt_reem", NOW));
        directory.apply("samir", null);

        assertThat(directory.authenticate("nwt_reem")).isEmpty();
        assertThat(directory.byId("reem")).hasValueSatisfying(c -> assertThat(c.getRevokedAt()).isEqualTo(NOW));
        assertThat(directory.authenticate("nwt_samir")).isEmpty();
        assertThat(directory.byId("samir")).isEmpty();
    }
}
