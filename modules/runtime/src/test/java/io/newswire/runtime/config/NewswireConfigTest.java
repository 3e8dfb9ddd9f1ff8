package io.newswire.runtime.config;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewswireConfigTest {

    @Test
    void shouldUseDeclaredDefaultsWhenNothingIsSet() {
        final NewswireConfig config = NewswireConfig.load(null, Map.of(), Map.of());

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.getBoolean(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG)).isFalse();
        assertThat(config.dedupHorizon()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void shouldLetEnvironmentBeatFileAndOverridesBeatEnvironment(@TempDir final Path dir) throws IOException {
        // Given a file, an environment and an override that all set gateway.port
        final Path file = dir.resolve("newswire.properties");
        Files.writeString(file, "gateway.port=7000\nbootstrap.servers=file:9092\n");
        final Map<String, String> env = Map.of("NEWSWIRE_GATEWAY_PORT", "7001", "PATH", "/usr/bin");

        // When
        final NewswireConfig fromEnv = NewswireConfig.load(file, env, Map.of());
        final NewswireConfig fromOverride = NewswireConfig.load(file, env, Map.of("gateway.port", "7002"));

        // Then
        assertThat(fromEnv.getInt(NewswireConfig.GATEWAY_PORT_CONFIG)).isEqualTo(7001);
        assertThat(fromEnv.bootstrapServers()).isEqualTo("file:9092");
        assertThat(fromOverride.getInt(NewswireConfig.GATEWAY_PORT_CONFIG)).isEqualTo(7002);
    }

    @Test
    void shouldPassKafkaPrefixedSettingsToEveryClientWithoutThePrefix() {
        final NewswireConfig config = NewswireConfig.load(null,
                Map.of("NEWSWIRE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
                Map.of("kafka.sasl.mechanism", "SCRAM-SHA-512", "bootstrap.servers", "b1:9093"));

        assertThat(config.kafkaCommon())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", "b1:9093")
                .doesNotContainKey("kafka.sasl.mechanism");
    }

    @Test
    void shouldGiveSerdesTheRegistrySettingsUnderConfluentNames() {
        final NewswireConfig config = NewswireConfig.load(null, Map.of(), Map.of(
                "schema.registry.url", "http://registry:8081",
                "basic.auth.user.info", "u:p",
                "auto.register.schemas", "true"));

        assertThat(config.serdeConfig())
                .containsEntry("schema.registry.url", "http://registry:8081")
                .containsEntry("basic.auth.user.info", "u:p")
                .containsEntry("auto.register.schemas", true);
    }

    @Test
    void shouldRejectAPortOutOfRangeWithTheKeyInTheMessage() {
        // 70000 is no TCP port: the error must name the key, not just fail later at bind time
        assertThatThrownBy(() -> NewswireConfig.load(null, Map.of(), Map.of("gateway.port", "70000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.port");
    }

    @Test
    void shouldReplaceValuesInACopyAndLeaveTheOriginalAlone() {
        final NewswireConfig original = NewswireConfig.load(null, Map.of(), Map.of());

        final NewswireConfig copy = original.with(Map.of("bootstrap.servers", "127.0.0.1:1234"));

        assertThat(copy.bootstrapServers()).isEqualTo("127.0.0.1:1234");
        assertThat(original.bootstrapServers()).isEqualTo("localhost:9092");
    }
}
