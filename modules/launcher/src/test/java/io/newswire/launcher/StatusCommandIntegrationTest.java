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

import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;
import io.newswire.processing.articles.ArticleVersioner;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * `newswire status` on a real broker of the test's own: a group 5 records behind, 3 dead letters of the last hour, a
 * running Streams application with its member's partitions and three article versions' end-to-end latency show up;
 * the thresholds, a Streams application with no instance left and an unreachable broker turn the exit status to 1.
 */
class StatusCommandIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** processing.application.id's default: status counts its group as a Streams application's even with no member. */
    private static final String PROCESSING = "newswire-processing";

    @Test
    @Covers({"status --json", "status --max-lag", "status --max-dead-letters", "status --max-latency-ms"})
    void shouldShowLagDeadLettersStreamsAndLatencyAndFailWhenOverTheThresholdsOrWithoutABroker() throws Exception {
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
            // three article versions made 1, 2 and 3 s after the gateway accepted their reports
            writeVersions(cluster, shared, 1_000, 2_000, 3_000);
            // and a Streams application under processing's id, running, that has read the reports and committed
            final KafkaStreams streams = runningStreamsApp(cluster, shared);
            try (Admin admin = Admin.create(cluster.adminConfig())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !admin.listConsumerGroupOffsets(PROCESSING)
                        .partitionsToOffsetAndMetadata().get().isEmpty());
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
            // the Streams group's one member holds every partition of the reports topic; the plain group is no Streams group
            final JsonNode processing = find(json.get("groups"), "groupId", PROCESSING);
            assertThat(processing.get("streams").asBoolean()).isTrue();
            assertThat(processing.get("members")).hasSize(1);
            assertThat(processing.get("members").get(0).get("assigned")).hasSize(Topics.REPORTS.partitions())
                    .extracting(JsonNode::asText).contains(Topics.REPORTS.name() + "-0");
            assertThat(processing.get("behind")).isNotEmpty();
            assertThat(lagging.get("streams").asBoolean()).isFalse();
            assertThat(find(lagging.get("behind"), "partition", "0").get("lag").asLong()).isEqualTo(5);
            // the latency percentiles of the three versions
            assertThat(json.get("latency").get("versions").asLong()).isEqualTo(3);
            assertThat(json.get("latency").get("p50Ms").asLong()).isEqualTo(2_000);
            assertThat(json.get("latency").get("p99Ms").asLong()).isEqualTo(3_000);
            final CommandRun table = status(kafka, shared);
            assertThat(table.out()).contains("Streams instances").contains(PROCESSING + "   STABLE, 1 member")
                    .contains(Topics.REPORTS.name() + "[0,").contains("p50 2000 ms   p95 3000 ms   p99 3000 ms   max 3000 ms   (3 versions)");

            // When a threshold is under what there is: unhealthy, saying why, in the table too
            final CommandRun lag = status(kafka, shared, "--max-lag", "4");
            final CommandRun letters = status(kafka, shared, "--max-dead-letters", "2", "--json");
            assertThat(lag.exitCode()).isEqualTo(1);
            assertThat(lag.out()).startsWith("UNHEALTHY").contains("group " + group + " is 5 records behind").contains("validate / EMPTY_BODY");
            assertThat(letters.exitCode()).isEqualTo(1);
            assertThat(JSON.readTree(letters.out()).get("problems").get(0).asText()).contains("3 dead letters in the last hour");
            final CommandRun slow = status(kafka, shared, "--max-latency-ms", "2500");
            assertThat(slow.exitCode()).isEqualTo(1);
            assertThat(slow.out()).contains("end-to-end latency p99 3000 ms over the last hour (over 2500 ms)");

            // When the Streams application's last instance stops: unhealthy, naming it
            streams.close(CloseOptions.timeout(Duration.ofSeconds(30)).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            final CommandRun stopped = status(kafka, shared);
            assertThat(stopped.exitCode()).isEqualTo(1);
            assertThat(stopped.out()).contains("Streams application " + PROCESSING + " has no running instance");
        }

        // When no broker answers: unhealthy, not a stack trace
        final CommandRun none = CommandRun.of("status", "--bootstrap-servers", "127.0.0.1:1", "--schema-registry-url", shared.schemaRegistryUrl());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).startsWith("UNHEALTHY").contains("cluster unreachable at 127.0.0.1:1");
    }

    /** A Streams application under processing's default id that reads the reports topic (and does nothing with them). */
    private static KafkaStreams runningStreamsApp(final NewswireStack cluster, final NewswireStack shared) throws Exception {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.REPORTS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())).foreach((k, v) -> { });
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, PROCESSING);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, shared.newStateDir().toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        final KafkaStreams streams = new KafkaStreams(builder.build(), props);
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    /** Article versions, each made the given milliseconds after its report was accepted. */
    private static void writeVersions(final NewswireStack cluster, final NewswireStack shared, final long... latencies) throws Exception {
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(Map.of("schema.registry.url", shared.schemaRegistryUrl(), "auto.register.schemas", true));
             KafkaProducer<String, ArticleUpdate> producer = new KafkaProducer<>(cluster.producerConfig(), new StringSerializer(),
                     serdes.<ArticleUpdate>valueSerde(Topics.ARTICLE_UPDATES).serializer())) {
            for (final long latency : latencies) {
                final Instant made = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                final CorrespondentReport report = CorrespondentReport.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId("reem")
                        .setDesk("syria").setLanguage("en").setKind(ReportKind.NEW).setHeadline("Power back in Hama").setBody(List.of("Power is back."))
                        .setFiledAt(made).setReceivedAt(made.minusMillis(latency)).setContentDigest("d" + latency).build();
                final ArticleUpdate version = ArticleVersioner.start(report, null, made);
                producer.send(new ProducerRecord<>(Topics.ARTICLE_UPDATES.name(), version.getArticleId().toString(), version)).get();
            }
        }
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
