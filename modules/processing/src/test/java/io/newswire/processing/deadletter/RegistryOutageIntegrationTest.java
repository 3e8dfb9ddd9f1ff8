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
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A schema registry outage against the running processing application (production topology, serdes and handlers):
 * a broker and a registry of the test's own. The application runs (its caches hold today's schema ids and the dead
 * letter's), the registry stops, reports in a newer schema version arrive, and the registry starts again on the same
 * port with the same schemas. The good reports must wait, not be dead-lettered (the dead letter's schema is cached,
 * so dead-lettering them would succeed); a bad record is still dead-lettered once the registry can say it is bad.
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
            final SchemaRegistryClient producerSide = new SchemaRegistryClient(SchemaRegistryClientConfig.of(registry.url()));
            final Map<String, Object> settings = settings(kafka, registry.url(), dir.resolve("streams"));
            try (ProcessingApp app = ProcessingApp.start(NewswireConfig.load(null, Map.of(), settings))) {
                // Given a running application that has processed a report and dead-lettered a garbage record keyed by a
                // report id, so the schema ids of today's reports, its outputs, dead letters and DEAD_LETTERED statuses
                // are all in its caches (dead-lettering a good report now would succeed without the registry)
                final byte[] garbage = "{\"headline\":\"not avro\"}".getBytes(StandardCharsets.UTF_8);
                final CorrespondentReport first = reports(1).get(0);
                final long garbageOffset = produce(kafka, List.of(new Raw(key(first), serialize(producerSide, first)),
                        new Raw(UUID.randomUUID().toString(), garbage))).get(1);
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                        .until(() -> count(kafka, Topics.REPORTS_ENRICHED.name()) == 1 && count(kafka, Topics.DEAD_LETTERS.name()) == 1);

                // And good reports written by a newer producer, in a newer (compatible) schema version whose id the
                // application has never seen, then a record with an id the registry never handed out
                final Schema newer = withAddedField(CorrespondentReport.getClassSchema());
                final List<CorrespondentReport> good = reports(GOOD_REPORTS);
                final List<Raw> duringOutage = new ArrayList<>();
                for (final CorrespondentReport report : good) {
                    duringOutage.add(new Raw(key(report), new AvroSerializer<GenericRecord>(producerSide, true, false)
                            .serialize(Topics.REPORTS.name(), asSchema(report, newer))));
                }
                duringOutage.add(new Raw("bad-1", ConfluentWireFormat.frame(987_654, new byte[] {2, 4})));

                // When the registry stops, those records arrive, and the application meets them for a while
                registry.stop();
                final List<Long> offsets = produce(kafka, duringOutage);
                await().atMost(Duration.ofSeconds(60)).until(() -> failedThreads(app) >= 1);
                Thread.sleep(OUTAGE.toMillis());

                // Then none of them was dead-lettered, none came out and nothing was committed past them; the stream
                // thread met the outage once: it stopped and waits for the registry, not replaced in a tight loop
                assertThat(count(kafka, Topics.DEAD_LETTERS.name())).as("dead letters: only the garbage from before").isEqualTo(1);
                assertThat(count(kafka, Topics.REPORTS_ENRICHED.name())).as("enriched: only the report from before").isEqualTo(1);
                assertThat(failedThreads(app)).as("stream threads failed during the outage").isEqualTo(1);

                // When the registry is back on the same port, with the same schemas
                registry.start();

                // Then every good report comes through exactly once, and the dead letters are the two bad records only
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> count(kafka, Topics.REPORTS_ENRICHED.name()) >= 1 + GOOD_REPORTS);
                assertThat(read(kafka, Topics.REPORTS_ENRICHED.name())).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                        .containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of(first), good.stream()).map(RegistryOutageIntegrationTest::key).toList());
                await().atMost(Duration.ofSeconds(30)).until(() -> count(kafka, Topics.DEAD_LETTERS.name()) >= 2);
                final AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(producerSide, DeadLetter.class);
                final List<DeadLetter> dead = read(kafka, Topics.DEAD_LETTERS.name()).stream()
                        .map(r -> letters.deserialize(r.topic(), r.value())).toList();
                assertThat(dead).extracting(DeadLetter::getOriginalOffset)
                        .containsExactlyInAnyOrder(garbageOffset, offsets.get(offsets.size() - 1));
                assertThat(dead).extracting(DeadLetter::getReason).anySatisfy(r -> assertThat(r).contains("magic byte"))
                        .anySatisfy(r -> assertThat(r).contains("unknown schema id 987654"));
                assertThat(failedThreads(app)).as("stream threads failed in all").isEqualTo(1);
            }
        }
    }

    /** A record as bytes, for partition 0 of the reports topic. */
    private record Raw(String key, byte[] value) {
    }

    private static String key(final CorrespondentReport report) {
        return report.getReportId().toString();
    }

    private static byte[] serialize(final SchemaRegistryClient registry, final CorrespondentReport report) {
        return new AvroSerializer<CorrespondentReport>(registry, true, false).serialize(Topics.REPORTS.name(), report);
    }

    /** Today's report schema and one more field with a default: the next version a newer gateway would write. */
    private static Schema withAddedField(final Schema today) {
        final List<Schema.Field> fields = new ArrayList<>(today.getFields().stream().map(f -> new Schema.Field(f, f.schema())).toList());
        fields.add(new Schema.Field("ingestNode", Schema.create(Schema.Type.STRING), "added by a newer gateway", "unknown"));
        return Schema.createRecord(today.getName(), today.getDoc(), today.getNamespace(), false, fields);
    }

    /** The report as a generic record of another version of its schema, by Avro's own schema resolution. */
    private static GenericRecord asSchema(final CorrespondentReport report, final Schema schema) throws java.io.IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<CorrespondentReport>(CorrespondentReport.class).write(report, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(CorrespondentReport.getClassSchema(), schema)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    private static List<CorrespondentReport> reports(final int count) {
        final List<CorrespondentReport> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            reports.add(CorrespondentReport.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId("c" + i)
                    .setDesk("desk-" + (i % 3)).setLanguage("en").setKind(ReportKind.NEW)
                    .setHeadline("Outage story " + i + " about bridge " + UUID.randomUUID())
                    .setBody(List.of("Paragraph about harbour " + UUID.randomUUID() + " and river " + UUID.randomUUID()))
                    .setFiledAt(now).setReceivedAt(now).setContentDigest(UUID.randomUUID().toString().replace("-", "")).build());
        }
        return reports;
    }

    /** Writes the records to partition 0 of the reports topic, in order; returns their offsets. */
    private static List<Long> produce(final EmbeddedKafka kafka, final List<Raw> records) throws Exception {
        final Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all");
        final List<Long> offsets = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (final Raw record : records) {
                offsets.add(producer.send(new ProducerRecord<>(Topics.REPORTS.name(), 0, record.key().getBytes(StandardCharsets.UTF_8),
                        record.value())).get().offset());
            }
        }
        return offsets;
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
