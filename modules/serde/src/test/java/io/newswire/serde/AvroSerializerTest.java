package io.newswire.serde;

import io.newswire.model.CorrespondentReport;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the serializer writes, byte for byte, and how it finds the schema id. */
class AvroSerializerTest {

    private static final String TOPIC = "newswire.test.reports";
    private final FakeSchemaRegistry fake = FakeSchemaRegistry.start();
    private final SchemaRegistryClient registry = fake.client();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void shouldWriteMagicByteThenBigEndianIdThenExactlyAvrosBinaryEncoding() {
        // Given ids moved past 255, so a wrong byte order would show
        for (int i = 0; i < 300; i++) {
            fake.registerDirectly("filler-" + i + "-value", org.apache.avro.SchemaBuilder.record("F" + i).fields().endRecord());
        }
        final CorrespondentReport report = TestReports.arabicReport();

        // When the report is serialized
        final byte[] bytes = new AvroSerializer<CorrespondentReport>(registry, true, false).serialize(TOPIC, report);

        // Then: byte 0 is the magic byte, bytes 1-4 the registry's id big-endian, the rest SpecificDatumWriter's output
        final int id = registry.idOf(TOPIC + "-value", CorrespondentReport.getClassSchema()).orElseThrow();
        assertThat(id).isGreaterThan(255);
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly((byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(TestReports.plainAvro(report));
    }

    @Test
    void shouldRegisterUnderTopicValueAndTopicKeySubjects() {
        // When the same record is written as a value and as a key
        new AvroSerializer<CorrespondentReport>(registry, true, false).serialize(TOPIC, TestReports.arabicReport());
        new AvroSerializer<CorrespondentReport>(registry, true, true).serialize(TOPIC, TestReports.arabicReport());

        // Then TopicNameStrategy subjects were used
        assertThat(fake.requests()).containsExactly("POST /subjects/" + TOPIC + "-value/versions", "POST /subjects/" + TOPIC + "-key/versions");
    }

    @Test
    void shouldWriteTheSameBytesForAGenericRecordAsForTheGeneratedClass() throws Exception {
        // Given the report as a generic record with the same schema and raw values
        final CorrespondentReport report = TestReports.arabicReport();
        final GenericRecord generic = toGeneric(report);

        // When both are serialized
        final AvroSerializer<Object> serializer = new AvroSerializer<>(registry, true, false);
        final byte[] fromSpecific = serializer.serialize(TOPIC, report);
        final byte[] fromGeneric = serializer.serialize(TOPIC, generic);

        // Then the bytes are identical: one schema id, one encoding
        assertThat(fromGeneric).isEqualTo(fromSpecific);
    }

    @Test
    void shouldWriteNullAsNullWithoutTouchingTheRegistryWhenTheRecordIsATombstone() {
        assertThat(new AvroSerializer<CorrespondentReport>(registry, false, false).serialize(TOPIC, null)).isNull();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void shouldMakeNoHttpCallAfterTheFirstRecordOfASchema() {
        final AvroSerializer<CorrespondentReport> serializer = new AvroSerializer<>(registry, true, false);
        serializer.serialize(TOPIC, TestReports.arabicReport());
        fake.clearRequests();

        for (int i = 0; i < 100; i++) {
            serializer.serialize(TOPIC, TestReports.arabicReport());
        }

        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void shouldFailNamingTheSubjectWhenAutoRegisterIsOffAndTheSchemaIsNotRegistered() {
        // Given production mode, and a subject that does not exist
        final AvroSerializer<CorrespondentReport> production = new AvroSerializer<>(registry, false, false);

        // Then serializing fails clearly, and registers nothing
        assertThatThrownBy(() -> production.serialize(TOPIC, TestReports.arabicReport()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC + "-value")
                .hasMessageContaining("io.newswire.model.CorrespondentReport")
                .hasMessageContaining("auto.register.schemas is off")
                .hasMessageContaining("does not exist");
        assertThat(fake.requests()).noneMatch(r -> r.endsWith("/versions") && r.startsWith("POST"));
    }

    @Test
    void shouldSayWhichVersionsExistWhenTheSubjectHoldsOtherSchemas() {
        fake.registerDirectly(TOPIC + "-value", TestReports.dispatchV1());
        final AvroSerializer<CorrespondentReport> production = new AvroSerializer<>(registry, false, false);

        assertThatThrownBy(() -> production.serialize(TOPIC, TestReports.arabicReport()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("versions [1]");
    }

    @Test
    void shouldUseTheRegisteredIdWithoutRegisteringWhenAutoRegisterIsOff() {
        // Given the schema registered beforehand (newswire schemas register)
        final int id = fake.registerDirectly(TOPIC + "-value", CorrespondentReport.getClassSchema());
        fake.clearRequests();

        // When production mode serializes
        final byte[] bytes = new AvroSerializer<CorrespondentReport>(registry, false, false).serialize(TOPIC, TestReports.arabicReport());

        // Then it looked the id up (POST /subjects/{s}) and wrote it
        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(id);
        assertThat(fake.requests()).containsExactly("POST /subjects/" + TOPIC + "-value");
    }

    @Test
    void shouldWrapARegistryRefusalNamingTopicAndSubject() {
        // Given an incompatible schema already holding the subject under BACKWARD
        registry.setCompatibility(TOPIC + "-value", "BACKWARD");
        fake.registerDirectly(TOPIC + "-value", TestReports.dispatchV1());
        final GenericRecord breaking = new GenericData.Record(TestReports.dispatchBreaking());
        breaking.put("headline", "عاجل");
        breaking.put("urgency", 1);

        assertThatThrownBy(() -> new AvroSerializer<GenericRecord>(registry, true, false).serialize(TOPIC, breaking))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Topic " + TOPIC)
                .hasMessageContaining(TOPIC + "-value")
                .hasMessageContaining("HTTP 409")
                .hasRootCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldRefuseAValueThatIsNotAnAvroRecord() {
        assertThatThrownBy(() -> new AvroSerializer<Object>(registry, true, false).serialize(TOPIC, "plain text"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void shouldConfigureFromConfluentKeysWhenNamedAsAClass() {
        // Given the serializer made by Kafka from a class name and configured with Confluent's keys
        final AvroSerializer<CorrespondentReport> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", fake.url(), "auto.register.schemas", "false"), false);
        fake.registerDirectly(TOPIC + "-value", CorrespondentReport.getClassSchema());

        // Then it writes through that registry, in production mode
        assertThat(serializer.serialize(TOPIC, TestReports.arabicReport())).startsWith(0);
        assertThat(fake.requests()).contains("POST /subjects/" + TOPIC + "-value");
        serializer.close();
    }

    @Test
    void shouldRefuseASubjectNameStrategyItDoesNotImplement() {
        final AvroSerializer<CorrespondentReport> serializer = new AvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(Map.of("schema.registry.url", fake.url(),
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RecordNameStrategy");
    }

    @Test
    void shouldSayTheRegistryIsUnavailableWhenItCannotGetASchemaIdAndWriteOnceItAnswers() {
        // Given a production serializer whose schema id is not cached, and a registry failing every attempt
        fake.registerDirectly(TOPIC + "-value", CorrespondentReport.getClassSchema());
        final AvroSerializer<CorrespondentReport> production = new AvroSerializer<>(registry, false, false);
        fake.failNext(3, 503);

        // Then the failure says "registry unavailable", not "bad record"
        assertThatThrownBy(() -> production.serialize(TOPIC, TestReports.arabicReport()))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining(TOPIC + "-value")
                .hasMessageContaining("HTTP 503");
        // and the same call goes through once it answers
        assertThat(production.serialize(TOPIC, TestReports.arabicReport())).startsWith(0);
    }

    @Test
    void shouldKeepAnIncompatibleSchemaABadRecordNotAnOutage() {
        fake.registerDirectly(TOPIC + "-value", TestReports.dispatchV1());

        assertThatThrownBy(() -> new AvroSerializer<Object>(registry, true, false).serialize(TOPIC,
                new GenericData.Record(TestReports.dispatchBreaking())))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("HTTP 409");
    }

    @Test
    void shouldSayItIsNotConfiguredWhenUsedBeforeConfigure() {
        assertThatThrownBy(() -> new AvroSerializer<CorrespondentReport>().serialize(TOPIC, TestReports.arabicReport()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not configured");
    }

    /** The report as a GenericRecord with raw values (Utf8/long), built through Avro's own bytes. */
    private static GenericRecord toGeneric(final CorrespondentReport report) throws Exception {
        final byte[] body = TestReports.plainAvro(report);
        final GenericRecord generic = new org.apache.avro.generic.GenericDatumReader<GenericRecord>(CorrespondentReport.getClassSchema())
                .read(null, org.apache.avro.io.DecoderFactory.get().binaryDecoder(body, null));
        // and back through GenericDatumWriter, to be sure the generic record alone encodes the same
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(generic.getSchema()).write(generic, encoder);
        encoder.flush();
        assertThat(out.toByteArray()).isEqualTo(body);
        return generic;
    }
}
