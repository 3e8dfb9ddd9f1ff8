package io.newswire.serde;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;
import io.newswire.testkit.NewswireStack;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serdes and registry client against a real registry (Apicurio's Confluent API) and a real broker. */
class SerdeIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();
    private final SchemaRegistryClient registry = new SchemaRegistryClient(SchemaRegistryClientConfig.of(STACK.schemaRegistryUrl()));

    @Test
    void shouldWriteExactlyMagicByteIdAndTheAvroBinaryBody() throws Exception {
        // Given a report serialized for a topic
        final String topic = STACK.uniqueName("bytes");
        final CorrespondentReport report = arabicReport();
        final byte[] bytes = new AvroSerializer<CorrespondentReport>(registry, true, false).serialize(topic, report);

        // Then: magic byte 0, the id the registry gave the subject, then Avro's own binary encoding
        final int id = registry.idOf(topic + "-value", CorrespondentReport.getClassSchema()).orElseThrow();
        assertThat(bytes[0]).isZero();
        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(id);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(report));
    }

    @Test
    void shouldRoundTripAnArabicReportThroughTheBroker() {
        // Given a report produced with the serializer, as the gateway does
        final String topic = STACK.uniqueName("round-trip");
        STACK.createTopic(topic, 1, Map.of());
        final CorrespondentReport report = arabicReport();
        try (KafkaProducer<String, CorrespondentReport> producer = new KafkaProducer<>(STACK.producerConfig(), new StringSerializer(),
                new AvroSerializer<>(registry, true, false))) {
            producer.send(new ProducerRecord<>(topic, report.getReportId().toString(), report));
        }

        // When it is consumed with the specific deserializer
        final List<ConsumerRecord<String, CorrespondentReport>> records = STACK.consume(topic, new StringDeserializer(),
                new AvroDeserializer<>(registry, CorrespondentReport.class), 1, Duration.ofSeconds(30));

        // Then it is equal field for field, logical types included
        assertThat(records.get(0).value()).isEqualTo(report);
        assertThat(records.get(0).value().getFiledAt()).isInstanceOf(Instant.class);
    }

    @Test
    void shouldLetAGenericConsumerReadWhatASpecificProducerWrote() {
        final String topic = STACK.uniqueName("generic");
        final CorrespondentReport report = arabicReport();
        final byte[] bytes = new AvroSerializer<CorrespondentReport>(registry, true, false).serialize(topic, report);

        final Object read = new AvroDeserializer<>(registry, null).deserialize(topic, bytes);

        assertThat(read).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) read).get("headline")).hasToString(report.getHeadline());
    }

    @Test
    void shouldReadOldRecordsWithANewReaderSchemaAfterACompatibleChange() {
        // Given v1 of a record, registered and written
        final String topic = STACK.uniqueName("evolution");
        final Schema v1 = SchemaBuilder.record("Dispatch").namespace("io.newswire.test").fields()
                .requiredString("headline").endRecord();
        final Schema v2 = SchemaBuilder.record("Dispatch").namespace("io.newswire.test").fields()
                .requiredString("headline").name("urgency").type().intType().intDefault(5).endRecord();
        final GenericRecord old = new GenericData.Record(v1);
        old.put("headline", "خبر قديم");
        final byte[] oldBytes = new AvroSerializer<GenericRecord>(registry, true, false).serialize(topic, old);

        // When v2 (a defaulted field added: BACKWARD compatible) is registered and the old bytes are read with it
        registry.register(topic + "-value", v2);
        final GenericRecord read = new AvroDeserializerWithReader(registry, v2).deserialize(topic, oldBytes);

        // Then the old record reads, with the new field's default
        assertThat(read.get("headline")).hasToString("خبر قديم");
        assertThat(read.get("urgency")).isEqualTo(5);
        assertThat(registry.versions(topic + "-value")).hasSize(2);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaNamingSubjectAndReason() {
        // Given a subject under BACKWARD compatibility with v1
        final String subject = STACK.uniqueName("incompatible") + "-value";
        registry.setCompatibility(subject, "BACKWARD");
        registry.register(subject, SchemaBuilder.record("Dispatch").fields().requiredString("headline").endRecord());

        // When a version adds a required field without a default (old records could not be read with it)
        final Schema breaking = SchemaBuilder.record("Dispatch").fields().requiredString("headline").requiredInt("urgency").endRecord();

        // Then registration fails with a message a person can act on
        assertThat(registry.checkCompatibility(subject, breaking).compatible()).isFalse();
        assertThatThrownBy(() -> registry.register(subject, breaking))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(subject)
                .hasMessageContaining("409")
                .hasMessageContaining("BACKWARD");
    }

    @Test
    void shouldFailClearlyWhenAutoRegistrationIsOffAndTheSubjectHasNoSchema() {
        final String topic = STACK.uniqueName("unregistered");
        final AvroSerializer<CorrespondentReport> production = new AvroSerializer<>(registry, false, false);

        assertThatThrownBy(() -> production.serialize(topic, arabicReport()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(topic + "-value")
                .hasMessageContaining("auto.register.schemas");
    }

    @Test
    void shouldNameTopicAndCauseForEveryKindOfBadBytes() {
        final String topic = STACK.uniqueName("poison");
        final AvroDeserializer<CorrespondentReport> deserializer = new AvroDeserializer<>(registry, CorrespondentReport.class);
        final byte[] valid = new AvroSerializer<CorrespondentReport>(registry, true, false).serialize(topic, arabicReport());

        // garbage: not wire format at all
        assertThatThrownBy(() -> deserializer.deserialize(topic, "not avro".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining(topic).hasMessageContaining("magic byte");
        // wire format, but an id no registry handed out
        assertThatThrownBy(() -> deserializer.deserialize(topic, ConfluentWireFormat.frame(987_654, new byte[] {2, 4})))
                .isInstanceOf(SerializationException.class).hasMessageContaining(topic).hasMessageContaining("987654");
        // a valid header with its body cut short
        assertThatThrownBy(() -> deserializer.deserialize(topic, Arrays.copyOf(valid, 12)))
                .isInstanceOf(SerializationException.class).hasMessageContaining(topic).hasMessageContaining("cannot decode");
        // and null stays null (tombstones)
        assertThat(deserializer.deserialize(topic, null)).isNull();
    }

    @Test
    void shouldConfigureFromClientSettingsLikeConfluentsSerializers() {
        final String topic = STACK.uniqueName("by-class-name");
        final AvroSerializer<CorrespondentReport> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", STACK.schemaRegistryUrl(), "auto.register.schemas", "true"), false);
        final AvroDeserializer<CorrespondentReport> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of("schema.registry.url", STACK.schemaRegistryUrl(), "specific.avro.reader", "true"), false);
        final CorrespondentReport report = arabicReport();

        assertThat(deserializer.deserialize(topic, serializer.serialize(topic, report))).isEqualTo(report);
    }

    /** Reads generic records into a given reader schema, as a consumer built against a newer schema does. */
    private static final class AvroDeserializerWithReader {
        private final SchemaRegistryClient registry;
        private final Schema reader;

        AvroDeserializerWithReader(final SchemaRegistryClient registry, final Schema reader) {
            this.registry = registry;
            this.reader = reader;
        }

        GenericRecord deserialize(final String topic, final byte[] bytes) {
            final Schema writer = registry.schemaById(ConfluentWireFormat.schemaId(bytes));
            try {
                return new org.apache.avro.generic.GenericDatumReader<GenericRecord>(writer, reader).read(null,
                        org.apache.avro.io.DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            } catch (final java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static byte[] plainAvro(final CorrespondentReport report) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<CorrespondentReport>(CorrespondentReport.getClassSchema(),
                SpecificData.getForClass(CorrespondentReport.class)).write(report, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    static CorrespondentReport arabicReport() {
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return CorrespondentReport.newBuilder()
                .setReportId(UUID.randomUUID())
                .setCorrespondentId("samir")
                .setLanguage("ar")
                .setKind(ReportKind.NEW)
                .setHeadline("انقطاع المياه عن أحياء شرقي دير الزور لليوم الثالث")
                .setDateline("دير الزور")
                .setBody(List.of("قال مراسلنا إن محطة الضخ الرئيسية توقفت عن العمل.",
                        "وأفادت مصادر محلية بأن الأهالي يشترون المياه من الصهاريج بأسعار مرتفعة."))
                .setFiledAt(now.minusSeconds(30))
                .setReceivedAt(now)
                .setContentDigest("ab".repeat(32))
                .build();
    }
}
