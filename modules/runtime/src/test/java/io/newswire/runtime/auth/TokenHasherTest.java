package io.newswire.runtime.auth;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenHasherTest {

    @Test
    void shouldIssueDistinctUrlSafeTokensOf256RandomBits() {
        final Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            tokens.add(TokenHasher.newToken());
        }

        assertThat(tokens).hasSize(1_000).allSatisfy(token -> {
            assertThat(token).startsWith(TokenHasher.TOKEN_PREFIX).matches("nwt_[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(token.substring(TokenHasher.TOKEN_PREFIX.length()))).hasSize(32);
        });
    }

    @Test
    void shouldHashWithSha256InHex() {
        // SHA-256("abc"), the FIPS 180-2 test vector
        assertThat(TokenHasher.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
