package io.newswire.serde;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRegistryClientConfigTest {

    @Test
    void shouldReadConfluentKeyNames() {
        final SchemaRegistryClientConfig config = SchemaRegistryClientConfig.fromMap(Map.of(
                "schema.registry.url", "http://a:8081/apis/ccompat/v7/, http://b:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "newswire:secret",
                "http.read.timeout.ms", 2500,
                "max.retries", "5",
                "retries.wait.ms", "50"));

        assertThat(config.baseUrl()).hasToString("http://a:8081/apis/ccompat/v7");
        assertThat(config.basicAuth()).contains("newswire:secret");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.maxAttempts()).isEqualTo(6);
        assertThat(config.initialBackoff()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void shouldUseDefaultsWhenOnlyTheUrlIsGiven() {
        final SchemaRegistryClientConfig config = SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "http://r:8081"));

        assertThat(config.basicAuth()).isEmpty();
        assertThat(config.sslContext()).isEmpty();
        assertThat(config.maxAttempts()).isEqualTo(SchemaRegistryClientConfig.DEFAULT_MAX_ATTEMPTS);
        assertThat(config.requestTimeout()).isEqualTo(SchemaRegistryClientConfig.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void shouldReadTheCallTimeoutAndDefaultItWellUnderTheStreamsTransactionTimeout() {
        assertThat(SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "http://r:8081")).callTimeout())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "http://r:8081",
                "schema.registry.call.timeout.ms", "1500")).callTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "http://r:8081",
                "schema.registry.call.timeout.ms", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.call.timeout.ms");
    }

    @Test
    void shouldTakeCredentialsFromTheUrlAndKeepThemOutOfTheBaseUrlWhenTheSourceIsUrl() {
        final SchemaRegistryClientConfig config = SchemaRegistryClientConfig.fromMap(Map.of(
                "schema.registry.url", "https://svc:p%40ss@registry.example:8443/api",
                "basic.auth.credentials.source", "URL"));

        assertThat(config.basicAuth()).contains("svc:p@ss");
        assertThat(config.baseUrl()).hasToString("https://registry.example:8443/api");
    }

    @Test
    void shouldReadTheLegacyUserInfoKey() {
        final SchemaRegistryClientConfig config = SchemaRegistryClientConfig.fromMap(Map.of(
                "schema.registry.url", "http://r:8081", "schema.registry.basic.auth.user.info", "old:style"));

        assertThat(config.basicAuth()).contains("old:style");
    }

    @Test
    void shouldRefuseACredentialsSourceItCannotServe() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "http://r:8081",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .hasMessageContaining("SASL_INHERIT");
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "http://r:8081",
                "basic.auth.credentials.source", "USER_INFO")))
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void shouldNeverPrintThePassword() {
        final SchemaRegistryClientConfig config = SchemaRegistryClientConfig.of("http://r:8081").withBasicAuth("newswire:hunter2");

        assertThat(config.toString()).contains("newswire:****").doesNotContain("hunter2");
    }

    @Test
    void shouldRequireAUsableUrl() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of()))
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "localhost:8081")))
                .hasMessageContaining("http(s) URL");
    }

    @Test
    void shouldNameASettingThatIsNotANumber() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "http://r", "max.retries", "many")))
                .hasMessageContaining("max.retries");
    }

    @Test
    void shouldBuildAnSslContextFromTheTruststore(@TempDir final Path dir) throws Exception {
        // Given an (empty) PKCS12 truststore on disk
        final Path store = dir.resolve("truststore.p12");
        final KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        try (OutputStream out = Files.newOutputStream(store)) {
            keyStore.store(out, "changeit".toCharArray());
        }

        final SchemaRegistryClientConfig config = SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "https://r:8443",
                "schema.registry.ssl.truststore.location", store.toString(),
                "schema.registry.ssl.truststore.password", "changeit",
                "schema.registry.ssl.truststore.type", "PKCS12"));

        assertThat(config.sslContext()).isPresent();
    }

    @Test
    void shouldNameTheTruststoreItCannotLoad() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "https://r",
                "schema.registry.ssl.truststore.location", "/no/such/truststore.p12")))
                .hasMessageContaining("/no/such/truststore.p12");
    }
}
