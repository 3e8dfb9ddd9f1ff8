package io.newswire.serde;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRegistryClientConfigTest {

    @Test
    void shouldReadConfluentKeyNames() {
        final SchemaRegistryClientConfig config = SchemaRegistryClientConfig.fromMap(Map.of(
                "schema.registry.url", "http://a:8081/apis/ccompat/v7/, http://b:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "newswire:secret"));

        assertThat(config.baseUrl()).hasToString("http://a:8081/apis/ccompat/v7");
        assertThat(config.basicAuth()).contains("newswire:secret");
    }

    @Test
    void shouldRequireAUrl() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of()))
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void shouldNameTheTruststoreItCannotLoad() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "https://r",
                "schema.registry.ssl.truststore.location", "/no/such/truststore.p12")))
                .hasMessageContaining("/no/such/truststore.p12");
    }
}
