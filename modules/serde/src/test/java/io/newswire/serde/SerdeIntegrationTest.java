package io.newswire.serde;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.Topics;
import io.newswire.testkit.NewswireStack;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The registry client and the serdes against a real registry (Apicurio's Confluent-compatible API from the testkit)
 * and a real broker: what the unit tests' in-memory registry cannot prove.
 */
class SerdeIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final SchemaRegistryClient registry = new SchemaRegistryClient(SchemaRegistryClientConfig.of(STACK.schemaRegistryUrl()));

    @Test
    void shouldRegisterLookUpAndListVersionsWhenTalkingToTheRealRegistry() {
        // Given a fresh subject under BACKWARD
        final String subject = STACK.uniqueName("registry-api") + "-value";
        registry.setCompatibility(subject, "BACKWARD");

        // When v1 then v2 (a defaulted field added) are registered, v1 twice
        final int v1 = registry.register(subject, TestReports.dispatchV1());
        final int v2 = registry.register(subject, TestReports.dispatchV2());
        final SchemaRegistryClient fresh = new SchemaRegistryClient(SchemaRegistryClientConfig.of(STACK.schemaRegistryUrl()));

        // Then the registry agrees, as a client with empty caches sees it
        assertThat(fresh.register(subject, TestReports.dispatchV1())).isEqualTo(v1);
        assertThat(fresh.idOf(subject, TestReports.dispatchV2())).hasValue(v2);
        assertThat(fresh.idOf(subject, TestReports.dispatchBreaking())).isEmpty();
        assertThat(fresh.idOf(STACK.uniqueName("no-such") + "-value", TestReports.dispatchV1())).isEmpty();
        assertThat(fresh.versions(subject)).containsExactly(1, 2);
        assertThat(fresh.latest(subject).id()).isEqualTo(v2);
        assertThat(fresh.version(subject, 1).schema()).isEqualTo(TestReports.dispatchV1());
        assertThat(fresh.schemaById(v2)).isEqualTo(TestReports.dispatchV2());
        assertThat(fresh.compatibility(subject)).isEqualTo("BACKWARD");
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaNamingSubjectAndIncompatibility() {
        // Given a subject under BACKWARD with v1
        final String subject = STACK.uniqueName("incompatible") + "-value";
        registry.setCompatibility(subject, "BACKWARD");
        registry.register(subject, TestReports.dispatchV1());

        // When a version adds a required field without a default (old records could not be read with it)
        final SchemaRegistryClient.CompatibilityResult check = registry.checkCompatibility(subject, TestReports.dispatchBreaking());

        // Then the verbose check says why, and registration fails with a message a person can act on
        assertThat(check.compatible()).isFalse();
        assertThat(check.messages()).anySatisfy(m -> assertThat(m).contains("urgency"));
        assertThatThrownBy(() -> registry.register(subject, TestReports.dispatchBreaking()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.subject()).contains(subject);
                })
                .hasMessageContaining("subject " + subject)
                .hasMessageContaining("HTTP 409")
                .hasMessageContaining("BACKWARD")
                .hasMessageContaining("Incompatible with version 1")
                .hasMessageContaining(check.messages().get(0))
                .hasMessageContaining("urgency");
    }

    @Test
    void shouldWriteExactlyMagicByteIdAndTheAvroBinaryBodyWithARealRegistryId() {
        final String topic = STACK.uniqueName("bytes");
        final CorrespondentReport report = TestReports.arabicReport();

        final byte[] bytes = new AvroSerializer<CorrespondentReport>(registry, true, false).serialize(topic, report);

        final int id = new SchemaRegistryClient(SchemaRegistryClientConfig.of(STACK.schemaRegistryUrl()))
                .idOf(topic + "-value", CorrespondentReport.getClassSchema()).orElseThrow();
        assertThat(Arrays.copyOf(bytes, 5)).isEqualTo(ConfluentWireFormat.header(id));
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(TestReports.plainAvro(report));
    }

    @Test
    void shouldRoundTripAnArabicReportThroughTheBrokerWhenClientsAreConfiguredByClassName() {
        // Given a plain producer naming the serializer by class, with the settings NewswireSerdes hands out
        final String topic = STACK.uniqueName("round-trip");
        STACK.createTopic(topic, 1, Map.of());
        final CorrespondentReport report = TestReports.arabicReport();
        final Map<String, Object> serde;
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(Map.of("schema.registry.url", STACK.schemaRegistryUrl()))) {
            serde = serdes.serializerConfig();
        }
        final Map<String, Object> producerConfig = new HashMap<>(STACK.producerConfig());
        producerConfig.putAll(serde);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
        try (KafkaProducer<String, CorrespondentReport> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, report.getReportId().toString(), report));
        }

        // When a plain consumer names the deserializer by class (specific.avro.reader=true from the same settings)
        final Map<String, Object> consumerConfig = new HashMap<>(STACK.consumerConfig(STACK.uniqueName("group")));
        consumerConfig.putAll(serde);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
        final List<CorrespondentReport> read = new java.util.ArrayList<>();
        try (KafkaConsumer<String, CorrespondentReport> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                return !read.isEmpty();
            });
        }

        // Then it is equal field for field, Arabic text and logical types included
        assertThat(read).containsExactly(report);
    }

    @Test
    void shouldLetAGenericConsumerReadWhatTheSpecificProducerWrote() {
        // Given a report produced with the catalogue's specific serde
        final String topic = STACK.uniqueName("generic");
        STACK.createTopic(topic, 1, Map.of());
        final CorrespondentReport report = TestReports.arabicReport();
        try (KafkaProducer<String, CorrespondentReport> producer = new KafkaProducer<>(STACK.producerConfig(), new StringSerializer(),
                new AvroSerializer<>(registry, true, false))) {
            producer.send(new ProducerRecord<>(topic, "k", report));
        }

        // When a consumer reads generic records
        final List<ConsumerRecord<String, GenericRecord>> records = STACK.consume(topic, new StringDeserializer(),
                AvroDeserializer.generic(registry), 1, WAIT);

        // Then it sees the same fields, in the writer's schema
        final GenericRecord read = records.get(0).value();
        assertThat(read.getSchema().getFullName()).isEqualTo(CorrespondentReport.getClassSchema().getFullName());
        assertThat(read.get("headline")).hasToString(report.getHeadline());
        assertThat(read.get("reportId")).hasToString(report.getReportId().toString());
        assertThat(read.get("filedAt")).isEqualTo(report.getFiledAt().toEpochMilli());
    }

    @Test
    void shouldReadReportsWrittenWithAnOlderAndANewerSchemaIntoTodaysGeneratedClassThroughTheRegistry() throws Exception {
        // Given a BACKWARD subject whose versions are: an older report schema (before flaggedUrgent and timeZone), today's
        // generated class, and a newer one (a field added with a default)
        final String topic = STACK.uniqueName("evolution");
        final String subject = topic + "-value";
        STACK.createTopic(topic, 1, Map.of());
        registry.setCompatibility(subject, "BACKWARD");
        final Schema today = CorrespondentReport.getClassSchema();
        final Schema older = reportSchema(today.getFields().stream().filter(f -> !f.name().equals("flaggedUrgent") && !f.name().equals("timeZone")));
        final Schema newer = reportSchema(Stream.concat(today.getFields().stream(),
                Stream.of(new Schema.Field("ingestNode", Schema.create(Schema.Type.STRING), "added after today's release", "unknown"))));
        final CorrespondentReport report = TestReports.arabicReport();

        // When a report is written with the older schema, today's is registered, another report is written with the newer
        // one (each by the production serializer, which registers the writer's schema), all through the broker
        final GenericRecord asOlder = asSchema(report, older);
        final GenericRecord asNewer = asSchema(report, newer);
        asNewer.put("ingestNode", "gw-2");
        try (KafkaProducer<String, GenericRecord> producer = new KafkaProducer<>(STACK.producerConfig(), new StringSerializer(),
                new AvroSerializer<>(registry, true, false))) {
            producer.send(new ProducerRecord<>(topic, "older", asOlder)).get();
            registry.register(subject, today);
            producer.send(new ProducerRecord<>(topic, "newer", asNewer)).get();
        }

        // And a consumer reads them with the production deserializer into today's class, its writer schemas fetched
        // by id from the real registry (a client of its own, with empty caches)
        final SchemaRegistryClient consumerSide = new SchemaRegistryClient(SchemaRegistryClientConfig.of(STACK.schemaRegistryUrl()));
        final List<ConsumerRecord<String, CorrespondentReport>> records = STACK.consume(topic, new StringDeserializer(),
                new AvroDeserializer<>(consumerSide, CorrespondentReport.class), 2, WAIT);

        // Then the registry holds the three versions, each record names its writer's id, and both read into today's
        // class: the older one with the fields it lacked at their defaults, the newer one without the field it added
        assertThat(registry.versions(subject)).containsExactly(1, 2, 3);
        final Map<String, ConsumerRecord<String, CorrespondentReport>> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(r.key(), r));
        assertThat(byKey).containsOnlyKeys("older", "newer");
        assertThat(registry.version(subject, 1).schema()).isEqualTo(older);
        assertThat(registry.version(subject, 2).schema()).isEqualTo(today);
        assertThat(registry.version(subject, 3).schema()).isEqualTo(newer);
        assertThat(ConfluentWireFormat.schemaId(rawValue(topic, 0))).isEqualTo(registry.version(subject, 1).id());
        assertThat(ConfluentWireFormat.schemaId(rawValue(topic, 1))).isEqualTo(registry.version(subject, 3).id());
        final CorrespondentReport expectedOlder = CorrespondentReport.newBuilder(report).setFlaggedUrgent(false).setTimeZone(null).build();
        assertThat(byKey.get("older").value()).isEqualTo(expectedOlder);
        assertThat(byKey.get("older").value().getHeadline()).isEqualTo("انقطاع المياه عن أحياء شرقي دير الزور لليوم الثالث");
        assertThat(byKey.get("newer").value()).isEqualTo(report);
    }

    @Test
    void shouldFailClearlyWhenAutoRegistrationIsOffAndTheSubjectHasNoSchema() {
        final String topic = STACK.uniqueName("unregistered");
        final AvroSerializer<CorrespondentReport> production = new AvroSerializer<>(registry, false, false);

        assertThatThrownBy(() -> production.serialize(topic, TestReports.arabicReport()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(topic + "-value")
                .hasMessageContaining("auto.register.schemas is off")
                .hasMessageContaining("does not exist");
        assertThat(registry.idOf(topic + "-value", CorrespondentReport.getClassSchema())).isEmpty();
    }

    @Test
    void shouldRegisterEveryCataloguedSchemaIdempotentlyForProductionSerializers() {
        // When every topic's schema is registered twice (as `newswire schemas register` on each deploy)
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(Map.of("schema.registry.url", STACK.schemaRegistryUrl(),
                "auto.register.schemas", false))) {
            final Map<String, Integer> first = serdes.registerAll(Topics.all());
            final Map<String, Integer> second = NewswireSerdes.fromConfig(Map.of("schema.registry.url", STACK.schemaRegistryUrl()))
                    .registerAll(Topics.all());

            // Then the ids are stable, and a production serializer finds them
            assertThat(second).isEqualTo(first).hasSize(Topics.all().size());
            final byte[] bytes = serdes.valueSerde(Topics.REPORTS).serializer().serialize(Topics.REPORTS.name(), TestReports.arabicReport());
            assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(first.get(Topics.REPORTS.valueSubject()));
        }
    }

    @Test
    void shouldNameTopicAndCauseForEveryKindOfBadBytes() {
        final String topic = STACK.uniqueName("poison");
        final AvroDeserializer<CorrespondentReport> deserializer = new AvroDeserializer<>(registry, CorrespondentReport.class);
        final byte[] valid = new AvroSerializer<CorrespondentReport>(registry, true, false).serialize(topic, TestReports.arabicReport());

        // garbage: not wire format at all
        assertThatThrownBy(() -> deserializer.deserialize(topic, "not avro".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining(topic).hasMessageContaining("magic byte");
        // wire format, but an id the real registry never handed out
        assertThatThrownBy(() -> deserializer.deserialize(topic, ConfluentWireFormat.frame(987_654, new byte[] {2, 4})))
                .isInstanceOf(SerializationException.class).hasMessageContaining(topic).hasMessageContaining("unknown schema id 987654");
        // a valid header with its body cut short
        assertThatThrownBy(() -> deserializer.deserialize(topic, Arrays.copyOf(valid, 12)))
                .isInstanceOf(SerializationException.class).hasMessageContaining(topic).hasMessageContaining("cannot decode");
        // and null stays null (tombstones)
        assertThat(deserializer.deserialize(topic, null)).isNull();
    }

    @Test
    void shouldLetTheConsumerAddPartitionAndOffsetWhenAPoisonRecordArrives() {
        // Given a topic holding a good record, then garbage at offset 1
        final String topic = STACK.uniqueName("poison-consumer");
        STACK.createTopic(topic, 1, Map.of());
        final byte[] good = new AvroSerializer<CorrespondentReport>(registry, true, false).serialize(topic, TestReports.arabicReport());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(STACK.producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "good", good));
            producer.send(new ProducerRecord<>(topic, "bad", "{\"not\":\"avro\"}".getBytes()));
        }

        // When a consumer with our deserializer polls past the good record
        try (KafkaConsumer<String, CorrespondentReport> consumer = new KafkaConsumer<>(STACK.consumerConfig(STACK.uniqueName("group")),
                new StringDeserializer(), new AvroDeserializer<>(registry, CorrespondentReport.class))) {
            final TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seek(partition, 1);

            // Then Kafka's exception carries partition and offset, and ours, inside it, the topic and the cause
            final RecordDeserializationException failure = await().atMost(WAIT).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(200));
                    return null;
                } catch (final RecordDeserializationException e) {
                    return e;
                }
            }, e -> e != null);
            assertThat(failure.topicPartition()).isEqualTo(partition);
            assertThat(failure.offset()).isEqualTo(1);
            assertThat(failure.getCause()).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Topic " + topic).hasMessageContaining("magic byte 0x7b");
        }
    }

    @Test
    void shouldReadTheSchemaInForceThroughAnApicurioBasePath() {
        // the testkit's URL carries Apicurio's /apis/ccompat/v7 prefix (or none, on Confluent's image): either way the
        // client appends paths to it and the registry answers
        final Schema schema = TestReports.dispatchV1();
        final String subject = STACK.uniqueName("base-path") + "-value";

        final int id = registry.register(subject, schema);

        assertThat(registry.baseUrl().toString()).isEqualTo(STACK.schemaRegistryUrl().replaceAll("/$", ""));
        assertThat(new SchemaRegistryClient(SchemaRegistryClientConfig.of(STACK.schemaRegistryUrl() + "/")).schemaById(id)).isEqualTo(schema);
    }
    /** A CorrespondentReport schema with these fields (same full name, so it is another version of the same record). */
    private static Schema reportSchema(final Stream<Schema.Field> fields) {
        final Schema today = CorrespondentReport.getClassSchema();
        return Schema.createRecord(today.getName(), today.getDoc(), today.getNamespace(), false,
                fields.map(f -> new Schema.Field(f, f.schema())).toList());
    }

    /** The report as a generic record of another version of its schema, by Avro's own schema resolution. */
    private static GenericRecord asSchema(final CorrespondentReport report, final Schema schema) throws java.io.IOException {
        return new GenericDatumReader<GenericRecord>(CorrespondentReport.getClassSchema(), schema)
                .read(null, DecoderFactory.get().binaryDecoder(TestReports.plainAvro(report), null));
    }

    /** The bytes of the record at this offset of partition 0, as they are on the broker. */
    private static byte[] rawValue(final String topic, final long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(STACK.consumerConfig(STACK.uniqueName("raw")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            return await().atMost(WAIT).until(() -> {
                final var polled = consumer.poll(Duration.ofMillis(200));
                return polled.isEmpty() ? null : polled.iterator().next().value();
            }, v -> v != null);
        }
    }
}
