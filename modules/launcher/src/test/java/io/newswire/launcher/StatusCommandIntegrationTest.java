package io.newswire.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.embedded.EmbeddedKafka;
import io.newswire.model.topics.Topics;
import io.newswire.processing.deadletter.DeadLetterRecords;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `newswire status` on a real broker of the test's own: a group 5 records behind and 3 dead letters of the last hour
 * show up, and the thresholds and an unreachable broker turn the exit status to 1.
 */
class StatusCommandIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Covers({"status --json", "status --max-lag", "status --max-dead-letters"})
    void shouldShowLagAndDeadLettersAndFailWhenOverTheThresholdsOrWithoutABroker() throws Exception {
        // Given topics, 5 reports a group has not read, and 3 dead letters
        final NewswireStack shared = NewswireStack.shared();
        try (EmbeddedKafka kafka = NewswireStack.dedicatedKafka().start()) {
            final NewswireStack cluster = shared.withBroker(kafka.bootstrapServers());
            final String group = "lagging-" + UUID.randomUUID();
            try (Admin admin = Admin.create(cluster.adminConfig())) {
                new TopicAdmin(admin, (short) 1, -1).ensure(Topics.everything());
                try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.producerConfig(), new ByteArraySerializer(),
                        new ByteArraySerializer())) {
                    for (int i = 0; i < 5; i++) {
                        producer.send(new ProducerRecord<>(Topics.REPORTS.name(), 0, ("k" + i).getBytes(StandardCharsets.UTF_8),
                                "x".getBytes(StandardCharsets.UTF_8))).get();
                    }
                    final DeadLetterRecords letters = new DeadLetterRecords(Map.of("schema.registry.url", shared.schemaRegistryUrl(),
                            "auto.register.schemas", true));
                    for (int i = 0; i < 3; i++) {
                        producer.send(letters.records(Topics.REPORTS.name(), 0, i, null, new byte[]{1}, "validate", "EMPTY_BODY", "body is empty")
                                .get(0)).get();
                    }
                }
                final Map<TopicPartition, OffsetAndMetadata> atStart = new HashMap<>();
                atStart.put(new TopicPartition(Topics.REPORTS.name(), 0), new OffsetAndMetadata(0));
                admin.alterConsumerGroupOffsets(group, atStart).all().get(30, TimeUnit.SECONDS);
            }

            // When asked with thresholds above what there is
            final CommandRun healthy = status(kafka, shared, "--json", "--max-lag", "10", "--max-dead-letters", "5");

            // Then it is healthy, and shows the broker, the topics, the group's lag and the dead letters by reason
            assertThat(healthy.exitCode()).as(healthy.out() + healthy.err()).isZero();
            final JsonNode json = JSON.readTree(healthy.out());
            assertThat(json.get("healthy").asBoolean()).isTrue();
            assertThat(json.get("brokers")).hasSize(1);
            final JsonNode reports = find(json.get("topics"), "name", Topics.REPORTS.name());
            assertThat(reports.get("partitions").asInt()).isEqualTo(Topics.REPORTS.partitions());
            assertThat(reports.get("retentionMs").asLong()).isEqualTo(30L * 24 * 60 * 60 * 1000);
            assertThat(reports.get("sizeBytes").asLong()).isPositive();
            assertThat(find(json.get("topics"), "name", Topics.REPORT_STATUS.name()).get("cleanup").asText()).isEqualTo("compact");
            final JsonNode lagging = find(json.get("groups"), "groupId", group);
            assertThat(lagging.get("lag").asLong()).isEqualTo(5);
            assertThat(lagging.get("worst").asText()).isEqualTo(Topics.REPORTS.name() + "-0");
            assertThat(json.get("deadLettersLastHour").asLong()).isEqualTo(3);
            assertThat(json.get("deadLettersByReason").get("validate / EMPTY_BODY").asLong()).isEqualTo(3);

            // When a threshold is under what there is: unhealthy, saying why, in the table too
            final CommandRun lag = status(kafka, shared, "--max-lag", "4");
            final CommandRun letters = status(kafka, shared, "--max-dead-letters", "2", "--json");
            assertThat(lag.exitCode()).isEqualTo(1);
            assertThat(lag.out()).startsWith("UNHEALTHY").contains("group " + group + " is 5 records behind").contains("validate / EMPTY_BODY");
            assertThat(letters.exitCode()).isEqualTo(1);
            assertThat(JSON.readTree(letters.out()).get("problems").get(0).asText()).contains("3 dead letters in the last hour");
        }

        // When no broker answers: unhealthy, not a stack trace
        final CommandRun none = CommandRun.of("status", "--bootstrap-servers", "127.0.0.1:1", "--schema-registry-url", shared.schemaRegistryUrl());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).startsWith("UNHEALTHY").contains("cluster unreachable at 127.0.0.1:1");
    }

    private static CommandRun status(final EmbeddedKafka kafka, final NewswireStack shared, final String... args) {
        final List<String> all = new java.util.ArrayList<>(List.of("status", "--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", shared.schemaRegistryUrl()));
        all.addAll(List.of(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private static JsonNode find(final JsonNode array, final String field, final String value) {
        for (final JsonNode node : array) {
            if (value.equals(node.get(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
