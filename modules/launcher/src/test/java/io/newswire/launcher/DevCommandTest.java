package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What `dev` decides before it starts anything: embedded stack or the given cluster, refusals of half a cluster and
 * of embedded-only flags against a cluster, and the settings each mode gives the components. No broker: a refusal
 * must come before any start (these runs would otherwise start an embedded stack and block).
 */
class DevCommandTest {

    @TempDir
    Path dir;

    @Test
    @Covers("dev --bootstrap-servers")
    void shouldRefuseNamingTheMissingRegistryWhenDevIsGivenOnlyABroker() {
        final CommandRun run = CommandRun.of("dev", "--data-dir", dir.toString(), "--bootstrap-servers", "staging:9092");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dev was given bootstrap.servers (--bootstrap-servers) but no schema.registry.url (--schema-registry-url)")
                .contains("newswire init").contains("newswire gateway").contains("newswire process");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    @Covers("dev --schema-registry-url")
    void shouldRefuseNamingTheMissingBrokerWhenDevIsGivenOnlyARegistry() {
        final CommandRun run = CommandRun.of("dev", "--data-dir", dir.toString(), "--schema-registry-url", "http://registry:8081");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dev was given schema.registry.url (--schema-registry-url) but no bootstrap.servers (--bootstrap-servers)");
    }

    @Test
    @Covers("dev --config")
    void shouldReadTheClusterFromTheConfigFileWhenDecidingWhereToRun() throws IOException {
        // Given a file naming only a broker: dev must have read it to refuse
        final Path file = Files.writeString(dir.resolve("staging.properties"), "bootstrap.servers=staging:9092\n");

        final CommandRun run = CommandRun.of("dev", "--data-dir", dir.resolve("data").toString(), "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no schema.registry.url");
    }

    @Test
    @Covers({"dev --kafka-port", "dev --registry-port"})
    void shouldRefuseEmbeddedPortsWhenDevIsGivenACluster() {
        final CommandRun kafkaPort = CommandRun.of("dev", "--data-dir", dir.toString(), "--bootstrap-servers", "staging:9092",
                "--schema-registry-url", "http://registry:8081", "--kafka-port", "39092");
        final CommandRun both = CommandRun.of("dev", "--data-dir", dir.toString(), "--bootstrap-servers", "staging:9092",
                "--schema-registry-url", "http://registry:8081", "--kafka-port", "39092", "--registry-port", "38081");

        assertThat(kafkaPort.exitCode()).isEqualTo(2);
        assertThat(kafkaPort.err()).contains("--kafka-port set ports of the embedded broker and registry").contains("drop it");
        assertThat(both.err()).contains("--kafka-port and --registry-port set ports").contains("drop them");
    }

    @Test
    void shouldRunOnTheGivenClusterWhenBothComeFromTheEnvironment() {
        final NewswireConfig config = NewswireConfig.load(null, Map.of("NEWSWIRE_BOOTSTRAP_SERVERS", "staging:9092",
                "NEWSWIRE_SCHEMA_REGISTRY_URL", "http://registry:8081"), Map.of());

        assertThat(DevCluster.decide(config, List.of()).external()).isTrue();
    }

    @Test
    void shouldStartTheEmbeddedStackWhenNoClusterIsConfigured() {
        assertThat(DevCluster.decide(new NewswireConfig(Map.of()), List.of("--kafka-port")).external()).isFalse();
    }

    @Test
    void shouldKeepTheConfiguredReplicationAndRegistrationWhenRunningOnAGivenCluster() {
        // Given a staging cluster's settings with their defaults (broker's replication, explicit registration)
        final NewswireConfig base = new NewswireConfig(Map.of(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, "staging:9092",
                NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://registry:8081", NewswireConfig.TOPIC_MIN_INSYNC_REPLICAS_CONFIG, "2"));

        final NewswireConfig settings = DevCluster.decide(base, List.of()).settings(base, null, null, "/data");

        assertThat(settings.bootstrapServers()).isEqualTo("staging:9092");
        assertThat(settings.getShort(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG)).as("not forced to 1").isEqualTo((short) -1);
        assertThat(settings.getInt(NewswireConfig.TOPIC_MIN_INSYNC_REPLICAS_CONFIG)).isEqualTo(2);
        assertThat(settings.getBoolean(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG)).isFalse();
        assertThat(settings.dataDir()).isEqualTo(Path.of("/data"));
    }

    @Test
    void shouldPointAtTheEmbeddedStackWithOneReplicaUnlessToldOtherwiseWhenEmbedded() {
        final NewswireConfig defaults = new NewswireConfig(Map.of());
        final NewswireConfig told = new NewswireConfig(Map.of(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "false"));

        final NewswireConfig embedded = DevCluster.decide(defaults, List.of()).settings(defaults, "127.0.0.1:1", "http://r", "/d");
        final NewswireConfig withoutAutoRegistration = DevCluster.decide(told, List.of()).settings(told, "127.0.0.1:1", "http://r", "/d");

        assertThat(embedded.bootstrapServers()).isEqualTo("127.0.0.1:1");
        assertThat(embedded.getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG)).isEqualTo("http://r");
        assertThat(embedded.getShort(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG)).isEqualTo((short) 1);
        assertThat(embedded.getBoolean(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG)).isTrue();
        assertThat(withoutAutoRegistration.getBoolean(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG)).as("-D auto.register.schemas=false kept").isFalse();
    }

    @Test
    void shouldThrowTheRefusalFromTheCoreWhenOnlyOneIsSet() {
        assertThatThrownBy(() -> DevCluster.decide(new NewswireConfig(Map.of(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://r")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but no bootstrap.servers");
    }
}
