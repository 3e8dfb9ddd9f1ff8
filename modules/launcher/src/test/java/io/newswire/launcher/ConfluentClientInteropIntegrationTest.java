package io.newswire.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;
import io.newswire.model.topics.Topics;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.AvroSerializer;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our bytes against an independent implementation of Confluent's wire format and registry protocol:
 * {@code @kafkajs/confluent-schema-registry} (Node), the client much of the Node Kafka world uses. It fetches the
 * writer schema by the id in the record's header from the same registry, as any Confluent client does. Confluent's
 * own Java serializers are not on Maven Central; this is the independent reader we can run here.
 */
class ConfluentClientInteropIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();
    private static final Path CODEC_DIR = Path.of("../../interop/confluent-node").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void installTheNodeClient() throws Exception {
        // npm ci installs exactly the locked version; node and npm are part of our machines' image
        if (!Files.isDirectory(CODEC_DIR.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
            // npm must not inherit this JVM's stdin: it is the test runner's command channel, and npm
            // switching it to non-blocking corrupts it ("std/in stream corrupted"). Output goes to a log.
            final Path log = Files.createTempFile("npm-ci", ".log");
            final Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(CODEC_DIR.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(npm.waitFor(180, TimeUnit.SECONDS)).as("npm ci finished").isTrue();
            assertThat(npm.exitValue()).as("npm ci exit code; its output:%n%s", Files.readString(log)).isZero();
        }
    }

    @Test
    void shouldBeReadableByAnIndependentConfluentClientWhenWrittenByNewswire() throws Exception {
        // Given an Arabic report written to a topic by Newswire's serializer (auto-registering its schema)
        final String topic = STACK.uniqueName("interop-reports");
        STACK.createTopic(topic, 1, Map.of());
        final CorrespondentReport report = arabicReport();
        final Map<String, Object> serde = Map.of("schema.registry.url", STACK.schemaRegistryUrl(), "auto.register.schemas", true);
        final AvroSerializer<CorrespondentReport> serializer = new AvroSerializer<>();
        serializer.configure(serde, false);
        try (KafkaProducer<String, CorrespondentReport> producer = new KafkaProducer<>(STACK.producerConfig(), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, report.getReportId().toString(), report)).get();
        }
        final List<ConsumerRecord<String, byte[]>> raw = STACK.consume(topic, new StringDeserializer(), new ByteArrayDeserializer(), 1, Duration.ofSeconds(30));

        // When the Node client decodes the raw bytes, fetching the schema by id from the registry
        final List<String> decoded = runCodec(List.of(Base64.getEncoder().encodeToString(raw.get(0).value())), "decode", STACK.schemaRegistryUrl());

        // Then it reads the same report, Arabic text intact
        final JsonNode value = JSON.readTree(decoded.get(0));
        assertThat(value.get("reportId").asText()).isEqualTo(report.getReportId().toString());
        assertThat(value.get("headline").asText()).isEqualTo(report.getHeadline());
        assertThat(value.get("body").get(1).asText()).isEqualTo(report.getBody().get(1));
        assertThat(value.get("kind").asText()).isEqualTo("NEW");
    }

    @Test
    void shouldReadRecordsAnIndependentConfluentClientWrote() throws Exception {
        // Given the report schema registered under a subject, and a record the Node client encodes against it
        final String topic = STACK.uniqueName("interop-node-written");
        final Map<String, Object> serde = Map.of("schema.registry.url", STACK.schemaRegistryUrl(), "auto.register.schemas", true);
        final AvroSerializer<CorrespondentReport> serializer = new AvroSerializer<>();
        serializer.configure(serde, false);
        serializer.serialize(topic, arabicReport()); // registers the schema under <topic>-value
        final String json = JSON.writeValueAsString(Map.ofEntries(
                Map.entry("reportId", "7b0a3f1e-5c2d-4e8a-9f10-2b3c4d5e6f70"),
                Map.entry("correspondentId", "node-client"),
                Map.entry("desk", "levant"), // avsc writes unions unwrapped, as its default type hook does
                Map.entry("language", "ar"),
                Map.entry("kind", "CORRECTION"),
                Map.entry("refersTo", "11111111-2222-4333-8444-555555555555"),
                Map.entry("headline", "تصحيح: عدد النازحين أكبر مما ورد"),
                Map.entry("body", List.of("الفقرة الأولى.")),
                Map.entry("filedAt", 1_700_000_000_000L),
                Map.entry("receivedAt", 1_700_000_001_000L),
                Map.entry("contentDigest", "ab12")));

        // When Newswire's deserializer reads the bytes the Node client framed
        final List<String> encoded = runCodec(List.of(json), "encode", STACK.schemaRegistryUrl(), topic + "-value");
        final AvroDeserializer<CorrespondentReport> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of("schema.registry.url", STACK.schemaRegistryUrl(), "specific.avro.reader", true), false);
        final CorrespondentReport read = deserializer.deserialize(topic, Base64.getDecoder().decode(encoded.get(0)));

        // Then every field arrives, with logical types converted
        assertThat(read.getKind()).isEqualTo(ReportKind.CORRECTION);
        assertThat(read.getRefersTo()).isEqualTo(UUID.fromString("11111111-2222-4333-8444-555555555555"));
        assertThat(read.getHeadline()).isEqualTo("تصحيح: عدد النازحين أكبر مما ورد");
        assertThat(read.getFiledAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    private static List<String> runCodec(final List<String> input, final String... args) throws IOException, InterruptedException {
        final List<String> command = new java.util.ArrayList<>(List.of("node", "codec.mjs"));
        command.addAll(List.of(args));
        final Path errors = Files.createTempFile("codec", ".err");
        final Process node = new ProcessBuilder(command).directory(CODEC_DIR.toFile())
                .redirectError(errors.toFile()).start();
        node.getOutputStream().write((String.join("\n", input) + "\n").getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        final String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as("node codec.mjs exit code; output: %s; errors: %s", out, Files.readString(errors)).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static CorrespondentReport arabicReport() {
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return CorrespondentReport.newBuilder()
                .setReportId(UUID.randomUUID())
                .setCorrespondentId("reem")
                .setDesk("levant")
                .setLanguage("ar")
                .setKind(ReportKind.NEW)
                .setHeadline("نزوح عشرات العائلات من قرى ريف حلب الجنوبي بعد قصف ليلي")
                .setDateline("ريف حلب")
                .setBody(List.of("قال مراسلنا إن عشرات العائلات غادرت قراها فجر اليوم.",
                        "وأفادت مصادر محلية بأن القصف استمر ساعتين وطال منازل المدنيين."))
                .setFiledAt(now.minusSeconds(60))
                .setReceivedAt(now)
                .setContentDigest("0f".repeat(32))
                .build();
    }
}
