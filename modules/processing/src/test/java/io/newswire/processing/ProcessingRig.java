package io.newswire.processing;

import io.newswire.embedded.EmbeddedKafka;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.AvroSerializer;
import io.newswire.serde.NewswireSerdes;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A broker of a test's own (so no other test's processing app writes to the same output topics), the shared
 * registry, and generated stories: each a NEW report followed by UPDATEs, in several desks, with words drawn at
 * random so no two stories are near-duplicates of each other.
 */
final class ProcessingRig implements AutoCloseable {

    final EmbeddedKafka kafka = NewswireStack.dedicatedKafka().start();
    final NewswireStack stack = NewswireStack.shared();
    final NewswireSerdes serdes;

    ProcessingRig() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            new TopicAdmin(admin, (short) 1, -1).ensure(Topics.everything());
        }
        serdes = NewswireSerdes.fromConfig(Map.of("schema.registry.url", stack.schemaRegistryUrl(), "auto.register.schemas", true));
    }

    /** Settings for a processing instance on this rig. */
    Map<String, Object> settings(final String applicationId) {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl());
        settings.put(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "true");
        settings.put(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG, "1");
        settings.put(NewswireConfig.PROCESSING_APPLICATION_ID_CONFIG, applicationId);
        settings.put(NewswireConfig.PROCESSING_STATE_DIR_CONFIG, stack.newStateDir().toString());
        // a killed instance's partitions move after 6 s instead of 45 s
        settings.put("kafka.session.timeout.ms", "6000");
        return settings;
    }

    /** Stories of {@code versions} reports each: NEW then UPDATEs referring to the previous report. */
    static List<CorrespondentReport> stories(final int stories, final int versions, final long seed) {
        final Random random = new Random(seed);
        final List<List<CorrespondentReport>> byStory = new ArrayList<>();
        for (int s = 0; s < stories; s++) {
            final String desk = "desk-" + (s % 5);
            final String correspondent = "c" + (s % 7);
            final List<CorrespondentReport> chain = new ArrayList<>();
            UUID previous = null;
            for (int v = 0; v < versions; v++) {
                final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                final CorrespondentReport report = CorrespondentReport.newBuilder().setReportId(UUID.randomUUID())
                        .setCorrespondentId(correspondent).setDesk(desk).setLanguage("en")
                        .setKind(v == 0 ? ReportKind.NEW : ReportKind.UPDATE).setRefersTo(previous)
                        .setHeadline("Story " + s + " " + words(random, 6)).setBody(List.of(words(random, 30), words(random, 30)))
                        .setFiledAt(now).setReceivedAt(now).setContentDigest(Long.toHexString(random.nextLong())).build();
                chain.add(report);
                previous = report.getReportId();
            }
            byStory.add(chain);
        }
        // interleave the stories: version v of every story before version v+1 of any
        final List<CorrespondentReport> all = new ArrayList<>();
        for (int v = 0; v < versions; v++) {
            for (final List<CorrespondentReport> chain : byStory) {
                all.add(chain.get(v));
            }
        }
        return all;
    }

    private static String words(final Random random, final int count) {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append("w").append(Integer.toString(random.nextInt(1_000_000), 36));
        }
        return text.toString();
    }

    void produce(final List<CorrespondentReport> reports, final long pauseMillis) throws Exception {
        final Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "enable.idempotence", true));
        try (KafkaProducer<String, CorrespondentReport> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerializer<>(serdes.registry(), true, false))) {
            for (final CorrespondentReport report : reports) {
                producer.send(new ProducerRecord<>(Topics.REPORTS.name(), report.getReportId().toString(), report)).get();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        }
    }

    /** Writes one report with the given record timestamp, as a gateway would have at that time; returns where it landed. */
    RecordMetadata produceAt(final CorrespondentReport report, final long timestampMillis) throws Exception {
        final Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "enable.idempotence", true));
        try (KafkaProducer<String, CorrespondentReport> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerializer<>(serdes.registry(), true, false))) {
            return producer.send(new ProducerRecord<>(Topics.REPORTS.name(), null, timestampMillis, report.getReportId().toString(), report)).get();
        }
    }

    /** Reading helpers aimed at this rig's broker. */
    NewswireStack topics() {
        return stack.withBroker(kafka.bootstrapServers());
    }

    /** Every committed article update on this rig's broker, read until {@code expected} arrived or the timeout. */
    List<ArticleUpdate> articleUpdates(final int expected, final Duration timeout) {
        final List<ArticleUpdate> updates = new ArrayList<>();
        try (KafkaConsumer<String, ArticleUpdate> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "isolation.level", "read_committed"), new StringDeserializer(), new AvroDeserializer<>(serdes.registry(), ArticleUpdate.class))) {
            final List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLE_UPDATES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (updates.size() < expected && System.nanoTime() < deadline) {
                for (final ConsumerRecord<String, ArticleUpdate> record : consumer.poll(Duration.ofMillis(200))) {
                    updates.add(record.value());
                }
            }
            // anything beyond the expected count (a duplicate) must be seen too
            for (int idle = 0; idle < 5; ) {
                final var more = consumer.poll(Duration.ofMillis(200));
                idle = more.isEmpty() ? idle + 1 : 0;
                more.forEach(r -> updates.add(r.value()));
            }
        }
        return updates;
    }

    @Override
    public void close() {
        serdes.close();
        kafka.close();
    }
}
