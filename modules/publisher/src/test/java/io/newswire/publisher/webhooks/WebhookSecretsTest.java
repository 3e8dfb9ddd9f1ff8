package io.newswire.publisher.webhooks;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSecretsTest {

    @Test
    void shouldGenerateDistinctSecretsOf32BytesWhenAsked() {
        final String one = WebhookSecrets.generate();
        assertThat(one).startsWith("whsec_");
        assertThat(WebhookSecrets.key(one)).hasSize(32);
        assertThat(WebhookSecrets.generate()).isNotEqualTo(one);
    }

    @Test
    void shouldRefuseASecretWhenItLacksThePrefixIsNotBase64OrIsTooShort() {
        // no prefix: a receiver's Standard Webhooks library would not read it
        assertThatThrownBy(() -> WebhookSecrets.key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).hasMessageContaining("must start with 'whsec_'");
        assertThatThrownBy(() -> WebhookSecrets.key("whsec_not*base64")).hasMessageContaining("not standard base64");
        // 16 bytes: too little key for HMAC-SHA256 by the convention's rule
        assertThatThrownBy(() -> WebhookSecrets.key("whsec_" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("decodes to 16 bytes; it must be 24 to 64");
    }
}
