package io.newswire.processing.deadletter;

import io.newswire.embedded.EmbeddedKafka;
import io.newswire.embedded.EmbeddedSchemaRegistry;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.DeadLetter;
import io.newswire.model.ReportKind;
import io.newswire.model.topics.Topics;
import io.newswire.processing.ProcessingApp;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.AvroSerializer;
import io.newswire.serde.ConfluentWireFormat;
import io.newswire.serde.SchemaRegistryClient;
import io.newswire.serde.SchemaRegistryClientConfig;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A schema registry outage against the running processing application (production topology, serdes and handlers):
 * a broker and a registry of the test's own, the registry stopped while the application starts with empty schema
 * caches, then started again on the same port with the same schemas. Good reports must wait, not be dead-lettered;
 * bad records are still dead-lettered, once the registry is back to write their dead letters.
 */
class RegistryOutageIntegrationTest {

    private static final int GOOD_REPORTS = 12;
    /** How long the outage lasts after the stream thread first meets it: well under FailedThreadHandler's longest wait. */
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @Test
    void shouldPauseWithoutDeadLetteringGoodReportsWhileTheRegistryIsDownAndProcessThemWhenItIsBack(@TempDir final Path dir) throws Exception {
        try (EmbeddedKafka kafka = NewswireStack.dedicatedKafka().start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.persistent(dir.resolve("registry"), 0).start()) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                new TopicAdmin(admin, (short) 1, -1).ensure(Topics.all());
            }
            // Given good reports written through the registry, and two bad records among them: bytes that are not
            // Avro at all, and a wire-format record with a schema id the registry never handed out
            final List<CorrespondentReport> good = reports(GOOD_REPORTS);
            final byte[] garbage = "{\"headline\":\"not avro\"}".getBytes(StandardCharsets.UTF_8);
            final byte[] unknownId = ConfluentWireFormat.frame(987_654, new byte[] {2, 4});
            final Set<Long> badOffsets = produce(kafka, registry.url(), good, garbage, unknownId);

            // When the registry stops, and the processing application starts (its caches empty) and runs a while
            registry.stop();
            final Map<String, Object> settings = settings(kafka, registry.url(), dir.resolve("streams"));
            try (ProcessingApp app = ProcessingApp.start(NewswireConfig.load(null, Map.of(), settings))) {
                // (its stream thread takes the partitions, meets the first record whose schema it must fetch, and stops)
                await().atMost(Duration.ofSeconds(60)).until(() -> failedThreads(app) >= 1);
                Thread.sleep(OUTAGE.toMillis());

                // Then nothing was dead-lettered, nothing came out and nothing was committed; the stream thread did meet
                // the outage, once: it stopped and waits for the registry instead of being replaced in a tight loop
                assertThat(failedThreads(app)).as("stream threads failed during the outage").isEqualTo(1);
                assertThat(count(kafka, Topics.DEAD_LETTERS.name())).as("dead letters during the outage").isZero();
                assertThat(count(kafka, Topics.REPORT_STATUS.name())).as("statuses during the outage").isZero();
                assertThat(count(kafka, Topics.REPORTS_ENRICHED.name())).as("enriched reports during the outage").isZero();
                assertThat(committedOffsets(kafka, settings)).as("offsets committed during the outage").isEmpty();

                // When the registry is back on the same port, with the same schemas
                registry.start();

                // Then every good report comes through exactly once, and the dead letters are the two bad records only
                final SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryClientConfig.of(registry.url()));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> count(kafka, Topics.REPORTS_ENRICHED.name()) >= GOOD_REPORTS);
                final List<ConsumerRecord<byte[], byte[]>> enriched = read(kafka, Topics.REPORTS_ENRICHED.name());
                assertThat(enriched).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                        .containsExactlyInAnyOrderElementsOf(good.stream().map(r -> r.getReportId().toString()).toList());
                await().atMost(Duration.ofSeconds(30)).until(() -> count(kafka, Topics.DEAD_LETTERS.name()) >= 2);
                final AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(client, DeadLetter.class);
                final List<DeadLetter> dead = read(kafka, Topics.DEAD_LETTERS.name()).stream()
                        .map(r -> letters.deserialize(r.topic(), r.value())).toList();
                assertThat(dead).extracting(DeadLetter::getOriginalOffset).containsExactlyInAnyOrderElementsOf(badOffsets);
                assertThat(dead).allSatisfy(d -> assertThat(d.getStage()).isEqualTo("deserialize"));
                assertThat(dead).extracting(DeadLetter::getReason).anySatisfy(r -> assertThat(r).contains("magic byte"))
                        .anySatisfy(r -> assertThat(r).contains("unknown schema id 987654"));
                assertThat(failedThreads(app)).as("stream threads failed in all").isEqualTo(1);
            }
        }
    }

    private static List<CorrespondentReport> reports(final int count) {
        final List<CorrespondentReport> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            reports.add(CorrespondentReport.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId("c" + i)
                    .setDesk("desk-" + (i % 3)).setLanguage("en").setKind(ReportKind.NEW)
                    .setHeadline("Outage story " + i + " about bridge " + UUID.randomUUID())
                    .setBody(List.of("Paragraph about harbour " + UUID.randomUUID() + " and river " + UUID.randomUUID()))
                    .setFiledAt(now).setReceivedAt(now).setContentDigest(Long.toHexString(i * 7_919L + 1)).build());
        }
        return reports;
    }

    /** Writes the reports and the bad records to partition 0 of the reports topic; returns the bad records' offsets. */
    private static Set<Long> produce(final EmbeddedKafka kafka, final String registryUrl, final List<CorrespondentReport> good,
                                     final byte[]... bad) throws Exception {
        final SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryClientConfig.of(registryUrl));
        final AvroSerializer<CorrespondentReport> serializer = new AvroSerializer<>(client, true, false);
        final Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all");
        final List<Long> offsets = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < good.size(); i++) {
                final CorrespondentReport report = good.get(i);
                producer.send(new ProducerRecord<>(Topics.REPORTS.name(), 0, report.getReportId().toString().getBytes(StandardCharsets.UTF_8),
                        serializer.serialize(Topics.REPORTS.name(), report))).get();
                if (i < bad.length) {
                    offsets.add(producer.send(new ProducerRecord<>(Topics.REPORTS.name(), 0, ("bad-" + i).getBytes(StandardCharsets.UTF_8),
                            bad[i])).get().offset());
                }
            }
        }
        return Set.copyOf(offsets);
    }

    private static Map<String, Object> settings(final EmbeddedKafka kafka, final String registryUrl, final Path stateDir) {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        settings.put(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "true");
        settings.put(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG, "1");
        settings.put(NewswireConfig.PROCESSING_APPLICATION_ID_CONFIG, "outage-" + System.nanoTime());
        settings.put(NewswireConfig.PROCESSING_STATE_DIR_CONFIG, stateDir.toString());
        // the replacement thread joins the group only once the failed thread's membership has expired (45 s by default)
        settings.put("kafka.session.timeout.ms", "6000");
        return settings;
    }

    /** Kafka Streams' own count of stream threads that died (the client metric failed-stream-threads). */
    private static long failedThreads(final ProcessingApp app) {
        return app.streams().metrics().values().stream().filter(m -> m.metricName().name().equals("failed-stream-threads"))
                .mapToLong(m -> ((Number) m.metricValue()).longValue()).sum();
    }

    /** The application's committed offsets on the reports topic (empty while it has committed nothing). */
    private static Map<TopicPartition, ?> committedOffsets(final EmbeddedKafka kafka, final Map<String, Object> settings) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(settings.get(NewswireConfig.PROCESSING_APPLICATION_ID_CONFIG).toString())
                    .partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(Topics.REPORTS.name()) && e.getValue() != null && e.getValue().offset() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    private static int count(final EmbeddedKafka kafka, final String topic) {
        return read(kafka, topic).size();
    }

    /** Every committed record of the topic, as bytes (no registry needed). */
    private static List<ConsumerRecord<byte[], byte[]>> read(final EmbeddedKafka kafka, final String topic) {
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "isolation.level", "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
