package io.newswire.publisher.webhooks;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    @Test
    void shouldMatchTheStandardWebhooksExampleWhenSigningItsMessage() {
        // Given the example of the Standard Webhooks specification (secret, id, timestamp, body and its signature)
        final WebhookSigner signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        // When it is signed
        final String signature = signer.signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        // Then the signature is the one the specification gives (also what `openssl dgst -sha256 -mac HMAC` prints)
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldSignIdTimestampAndBodyWithTheDecodedKeyWhenMakingHeaders() throws Exception {
        // Given a generated secret and an Arabic body
        final String secret = WebhookSecrets.generate();
        final byte[] body = "{\"headline\":\"نزوح من ريف حلب\"}".getBytes(StandardCharsets.UTF_8);

        // When the headers of an attempt are made
        final Map<String, String> headers = new WebhookSigner(secret).headers("nw_a_1", Instant.ofEpochSecond(1_700_000_000L, 999_000_000), body);

        // Then a verifier written from the spec alone (HMAC-SHA256 over "id.timestamp.body", key = base64 after whsec_) agrees
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        final byte[] signed = ("nw_a_1.1700000000." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertThat(headers).containsEntry("webhook-id", "nw_a_1").containsEntry("webhook-timestamp", "1700000000")
                .containsEntry("webhook-signature", "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed)));
        assertThat(headers.keySet()).containsExactly("webhook-id", "webhook-timestamp", "webhook-signature");
    }

    @Test
    void shouldChangeTheSignatureWhenOneByteOfTheBodyChanges() {
        final WebhookSigner signer = new WebhookSigner(WebhookSecrets.generate());
        assertThat(signer.signature("id", 1L, "{\"v\":1}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signer.signature("id", 1L, "{\"v\":2}".getBytes(StandardCharsets.UTF_8)));
    }
}
