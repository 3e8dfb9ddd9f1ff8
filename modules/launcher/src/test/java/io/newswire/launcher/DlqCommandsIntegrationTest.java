package io.newswire.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.embedded.EmbeddedKafka;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;
import io.newswire.model.topics.Topics;
import io.newswire.processing.ProcessingApp;
import io.newswire.processing.articles.ArticleVersioner;
import io.newswire.processing.deadletter.DeadLetterRecords;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.NewswireSerdes;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `newswire dlq list|show|replay` on a real broker (one of the test's own) with the processing application running:
 * a garbage record on the reports topic becomes a dead letter, listed with its reason and shown as hex and text; a
 * dead letter whose original is a valid report (as one refused by a since-fixed bug would be) is shown decoded and,
 * replayed, becomes an article; the garbage replayed fails again and comes back carrying both reasons, and a second
 * filter replay sends nothing (no loop).
 */
class DlqCommandsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NewswireStack SHARED = NewswireStack.shared();
    private static EmbeddedKafka kafka;
    private static NewswireStack cluster;
    private static ProcessingApp processing;
    private static NewswireSerdes serdes;

    @BeforeAll
    static void startProcessing() throws InterruptedException {
        kafka = NewswireStack.dedicatedKafka().start();
        cluster = SHARED.withBroker(kafka.bootstrapServers());
        try (Admin admin = Admin.create(cluster.adminConfig())) {
            new TopicAdmin(admin, (short) 1, -1).ensure(Topics.everything());
        }
        serdes = NewswireSerdes.fromConfig(Map.of("schema.registry.url", SHARED.schemaRegistryUrl(), "auto.register.schemas", true));
        final Map<String, Object> settings = new HashMap<>();
        settings.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, SHARED.schemaRegistryUrl());
        settings.put(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "true");
        settings.put(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG, "1");
        settings.put(NewswireConfig.PROCESSING_APPLICATION_ID_CONFIG, SHARED.uniqueName("dlq-processing"));
        settings.put(NewswireConfig.PROCESSING_STATE_DIR_CONFIG, SHARED.newStateDir().toString());
        processing = ProcessingApp.start(new NewswireConfig(settings));
        assertThat(processing.awaitRunning(Duration.ofSeconds(90))).isTrue();
    }

    @AfterAll
    static void stop() {
        if (processing != null) {
            processing.close();
        }
        if (serdes != null) {
            serdes.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Covers({"dlq list --stage", "dlq list --reason", "dlq list --since", "dlq list --json", "dlq show ID", "dlq show --json",
            "dlq replay ID", "dlq replay --stage", "dlq replay --reason", "dlq replay --since", "dlq replay --by"})
    void shouldListShowAndReplayDeadLettersWhenARecordFailsAndItsFixIsIn() throws Exception {
        // Given a garbage record on the reports topic, which processing dead-letters at deserialize
        final String garbageKey = "garbage-" + UUID.randomUUID();
        send(Topics.REPORTS.name(), garbageKey, "{not avro at all".getBytes(StandardCharsets.UTF_8));
        final ConsumerRecord<byte[], byte[]> garbageLetter = awaitDeadLetters(garbageKey, 1).get(0);
        final String garbageId = garbageLetter.partition() + ":" + garbageLetter.offset();

        // and a dead letter whose original is a valid report, as one refused by a bug since fixed would be
        final CorrespondentReport report = report();
        final String reportKey = report.getReportId().toString();
        final byte[] reportBytes = serdes.<CorrespondentReport>valueSerde(Topics.REPORTS).serializer().serialize(Topics.REPORTS.name(), report);
        final ProducerRecord<byte[], byte[]> letter = new DeadLetterRecords(Map.of("schema.registry.url", SHARED.schemaRegistryUrl(),
                "auto.register.schemas", true)).records(Topics.REPORTS.name(), 0, 0, reportKey.getBytes(StandardCharsets.UTF_8), reportBytes,
                "enrich", "java.lang.NullPointerException", "enrichment bug (fixed since)").get(0);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(letter).get();
        }
        final ConsumerRecord<byte[], byte[]> fixableLetter = awaitDeadLetters(reportKey, 1).get(0);
        final String fixableId = fixableLetter.partition() + ":" + fixableLetter.offset();

        // When listed by stage, reason and time
        final CommandRun listed = dlq("list", "--stage", "deserialize", "--reason", "MAGIC", "--since", "1h", "--json");
        final CommandRun table = dlq("list", "--since", "1h");
        final CommandRun none = dlq("list", "--since", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        final CommandRun otherStage = dlq("list", "--stage", "validate", "--json");

        // Then the garbage is there with its reason, the table names both, and the filters exclude
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        final JsonNode letters = JSON.readTree(listed.out());
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("id").asText()).isEqualTo(garbageId);
        assertThat(letters.get(0).get("reason").asText()).containsIgnoringCase("magic byte");
        assertThat(letters.get(0).get("originTopic").asText()).isEqualTo(Topics.REPORTS.name());
        assertThat(table.out()).contains(garbageId).contains(fixableId).contains("enrichment bug").contains("2 dead letters");
        assertThat(none.out()).contains("No dead letters match.");
        assertThat(JSON.readTree(otherStage.out())).isEmpty();

        // When shown: the garbage as hex and text, the report decoded through the registry
        final CommandRun garbageShown = dlq("show", garbageId, "--json");
        final CommandRun reportShown = dlq("show", fixableId);

        // Then
        final JsonNode garbageValue = JSON.readTree(garbageShown.out()).get("value");
        assertThat(garbageValue.get("encoding").asText()).isEqualTo("hex");
        assertThat(garbageValue.get("text").asText()).isEqualTo("{not avro at all");
        assertThat(garbageValue.get("hex").asText()).startsWith("7b6e6f74");
        assertThat(reportShown.out()).contains("(Avro, decoded").contains(report.getHeadline()).contains("enrich");
        assertThat(dlq("show", "0:999999").exitCode()).as("an id not on the topic").isEqualTo(1);

        // When the fixed one is replayed by id
        final CommandRun replayed = dlq("replay", fixableId, "--by", "alice");

        // Then it went back to the reports topic, recorded, with the replay headers, and became an article
        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(replayed.out()).contains("replayed " + fixableId + " -> " + Topics.REPORTS.name()).contains("1 replayed by alice");
        final String articleId = ArticleVersioner.articleIdFor(report.getReportId()).toString();
        final List<ConsumerRecord<String, ArticleUpdate>> articles = cluster.consumeMatching(Topics.ARTICLE_UPDATES.name(), new StringDeserializer(),
                new AvroDeserializer<>(serdes.registry(), ArticleUpdate.class), r -> articleId.equals(r.key()), 1, Duration.ofSeconds(60));
        assertThat(articles.get(0).value().getHeadline()).isEqualTo(report.getHeadline());
        final ConsumerRecord<byte[], byte[]> onReports = cluster.consumeMatching(Topics.REPORTS.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer(), r -> reportKey.equals(key(r)), 1, Duration.ofSeconds(30)).get(0);
        assertThat(header(onReports, DeadLetterRecords.HEADER_REPLAY_OF)).isEqualTo(fixableId);
        assertThat(header(onReports, DeadLetterRecords.HEADER_REPLAY_BY)).isEqualTo("alice");
        assertThat(header(onReports, DeadLetterRecords.HEADER_REPLAY_REASON)).isEqualTo("enrich: enrichment bug (fixed since)");
        final List<ConsumerRecord<String, String>> log = cluster.consumeMatching(Topics.DLQ_REPLAYS.name(), new StringDeserializer(),
                new StringDeserializer(), r -> fixableId.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(log.get(0).value()).contains("\"by\":\"alice\"").contains(Topics.REPORTS.name());

        // When the garbage is replayed by filter (nothing fixed it)
        final CommandRun again = dlq("replay", "--stage", "deserialize", "--reason", "magic", "--since", "1h", "--by", "bob");

        // Then it fails again and comes back to the dead-letter topic carrying both reasons
        assertThat(again.out()).contains("replayed " + garbageId).contains("1 replayed by bob");
        final List<ConsumerRecord<byte[], byte[]>> both = awaitDeadLetters(garbageKey, 2);
        final ConsumerRecord<byte[], byte[]> second = both.get(1);
        final String secondId = second.partition() + ":" + second.offset();
        assertThat(header(second, DeadLetterRecords.HEADER_REPLAY_OF)).isEqualTo(garbageId);
        final JsonNode secondShown = JSON.readTree(dlq("show", secondId, "--json").out());
        assertThat(secondShown.get("reason").asText()).containsIgnoringCase("magic byte")
                .contains("after replay of dead letter " + garbageId).contains("which had failed: deserialize:");
        assertThat(secondShown.get("replayOf").asText()).isEqualTo(garbageId);

        // and a second filter replay sends nothing: the first was replayed, the second came from a replay
        final CommandRun loop = dlq("replay", "--stage", "deserialize", "--since", "1h");
        assertThat(loop.out()).contains("0 replayed").contains("skipped  " + garbageId + ": already replayed")
                .contains("skipped  " + secondId + ": failed again after replaying " + garbageId);
        assertThat(dlq("replay").exitCode()).as("neither ids nor filters: refused").isEqualTo(2);
    }

    private static CommandRun dlq(final String... args) {
        final List<String> all = new ArrayList<>(List.of("dlq"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", SHARED.schemaRegistryUrl()));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitDeadLetters(final String key, final int count) {
        return cluster.consumeMatching(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                r -> key.equals(key(r)), count, Duration.ofSeconds(60));
    }

    private static String key(final ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String header(final ConsumerRecord<byte[], byte[]> record, final String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void send(final String topic, final String key, final byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(cluster.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static CorrespondentReport report() {
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return CorrespondentReport.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId("reem").setDesk("syria")
                .setLanguage("ar").setKind(ReportKind.NEW).setHeadline("انقطاع المياه عن أحياء في مدينة حمص")
                .setBody(List.of("انقطعت المياه صباح اليوم عن أحياء في مدينة حمص بسبب عطل في محطة الضخ بحسب مراسلنا."))
                .setFiledAt(now).setReceivedAt(now).setContentDigest("d1").build();
    }
}
