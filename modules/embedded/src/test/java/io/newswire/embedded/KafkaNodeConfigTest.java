package io.newswire.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaNodeConfigTest {

    @Test
    void shouldListenOnLoopbackOnlyWithSingleReplicaInternalTopics() {
        // When a node's configuration is made
        final Map<String, String> config = KafkaNodeConfig.of(Path.of("/data/logs"), 9092, 9093, Map.of());

        // Then both listeners are on 127.0.0.1 and nothing needs a second replica
        assertThat(config.get("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(config.get("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(config.get("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
        assertThat(config).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.dirs", Path.of("/data/logs").toString());
    }

    @Test
    void shouldLetOverridesWinOverDefaults() {
        // When a caller overrides a default and adds a setting
        final Map<String, String> config = KafkaNodeConfig.of(Path.of("/data/logs"), 9092, 9093,
                Map.of("auto.create.topics.enable", "true", "log.retention.ms", "1000"));

        // Then both are in force
        assertThat(config).containsEntry("auto.create.topics.enable", "true").containsEntry("log.retention.ms", "1000");
    }
}
