package io.newswire.serde;

import io.newswire.model.CorrespondentReport;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading: round trips, evolution by schema resolution, and what happens to bytes that are not what they claim. */
class AvroDeserializerTest {

    private static final String TOPIC = "newswire.test.reports";
    private final FakeSchemaRegistry fake = FakeSchemaRegistry.start();
    private final SchemaRegistryClient registry = fake.client();
    private final AvroSerializer<Object> serializer = new AvroSerializer<>(registry, true, false);
    private final AvroDeserializer<CorrespondentReport> reports = new AvroDeserializer<>(registry, CorrespondentReport.class);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void shouldRoundTripAnArabicReportFieldForFieldWhenReadIntoTheGeneratedClass() {
        // Given an Arabic report with logical types and optional fields set
        final CorrespondentReport report = TestReports.arabicReport();

        // When it is written and read back
        final CorrespondentReport read = reports.deserialize(TOPIC, serializer.serialize(TOPIC, report));

        // Then it is equal, Arabic text and UUID / Instant values included
        assertThat(read).isEqualTo(report);
        assertThat(read.getHeadline()).isEqualTo("انقطاع المياه عن أحياء شرقي دير الزور لليوم الثالث");
        assertThat(read.getReportId()).isEqualTo(report.getReportId());
        assertThat(read.getEventTime()).isEqualTo(report.getEventTime());
    }

    @Test
    void shouldLetAGenericReaderReadWhatASpecificWriterWrote() {
        final CorrespondentReport report = TestReports.arabicReport();
        final byte[] bytes = serializer.serialize(TOPIC, report);

        final GenericRecord read = AvroDeserializer.generic(registry).deserialize(TOPIC, bytes);

        // raw values, as Confluent's generic deserializer gives: text (String, since the generated class's schema
        // says avro.java.string=String), epoch millis, UUIDs as text
        assertThat(read.getSchema()).isEqualTo(CorrespondentReport.getClassSchema());
        assertThat(read.get("headline")).hasToString(report.getHeadline());
        assertThat(read.get("filedAt")).isEqualTo(TestReports.FILED.toEpochMilli());
        assertThat(read.get("reportId")).hasToString(report.getReportId().toString());
    }

    @Test
    void shouldReadAnOldRecordIntoANewerReaderSchemaWithTheDefaultOfTheAddedField() {
        // Given a record written with v1
        final GenericRecord old = new GenericData.Record(TestReports.dispatchV1());
        old.put("headline", "خبر قديم");
        final byte[] oldBytes = serializer.serialize(TOPIC, old);

        // When a consumer built against v2 (a field added with a default) reads it
        final GenericRecord read = AvroDeserializer.generic(registry, TestReports.dispatchV2()).deserialize(TOPIC, oldBytes);

        // Then it gets v2's shape, the new field at its default
        assertThat(read.getSchema()).isEqualTo(TestReports.dispatchV2());
        assertThat(read.get("headline")).hasToString("خبر قديم");
        assertThat(read.get("urgency")).isEqualTo(5);
    }

    @Test
    void shouldReadARecordWrittenBeforeAFieldWasAddedIntoTodaysGeneratedClass() {
        // Given the report schema as it was before the defaulted 'client' field existed, and a record written with it
        final Schema before = withoutField(CorrespondentReport.getClassSchema(), "client");
        final GenericRecord old = new GenericData.Record(before);
        final GenericRecord current = AvroDeserializer.generic(registry).deserialize(TOPIC, serializer.serialize(TOPIC, TestReports.arabicReport()));
        before.getFields().forEach(f -> old.put(f.name(), current.get(f.name())));
        final byte[] oldBytes = serializer.serialize("older-topic", old);

        // When it is read in specific mode
        final CorrespondentReport read = reports.deserialize("older-topic", oldBytes);

        // Then it resolves into the generated class: the missing field takes its default
        assertThat(ConfluentWireFormat.schemaId(oldBytes)).isNotEqualTo(ConfluentWireFormat.schemaId(serializer.serialize(TOPIC, TestReports.arabicReport())));
        assertThat(read.getHeadline()).isEqualTo(TestReports.arabicReport().getHeadline());
        assertThat(read.getClient()).isNull();
    }

    @Test
    void shouldReadNullAsNullWhenTheRecordIsATombstone() {
        assertThat(reports.deserialize(TOPIC, null)).isNull();
        assertThat(reports.deserialize(TOPIC, new RecordHeaders(), (byte[]) null)).isNull();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void shouldNameTopicAndMagicByteWhenTheBytesAreNotWireFormat() {
        // JSON written to an Avro topic by mistake starts with '{' (0x7b)
        assertThatThrownBy(() -> reports.deserialize(TOPIC, "{\"headline\":\"x\"}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Topic " + TOPIC)
                .hasMessageContaining("magic byte 0x7b");
    }

    @Test
    void shouldNameTopicWhenTheBytesAreShorterThanTheHeader() {
        assertThatThrownBy(() -> reports.deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Topic " + TOPIC)
                .hasMessageContaining("got 3");
        assertThatThrownBy(() -> reports.deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Empty");
    }

    @Test
    void shouldNameTopicAndIdWhenTheRegistryDoesNotKnowTheSchemaId() {
        assertThatThrownBy(() -> reports.deserialize(TOPIC, ConfluentWireFormat.frame(987_654, new byte[] {2, 4})))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Topic " + TOPIC)
                .hasMessageContaining("unknown schema id 987654")
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void shouldNameTopicIdAndEofWhenTheBodyIsTruncated() {
        final byte[] valid = serializer.serialize(TOPIC, TestReports.arabicReport());
        final int id = ConfluentWireFormat.schemaId(valid);

        assertThatThrownBy(() -> reports.deserialize(TOPIC, Arrays.copyOf(valid, valid.length / 2)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Topic " + TOPIC)
                .hasMessageContaining("schema id " + id)
                .hasMessageContaining("io.newswire.model.CorrespondentReport")
                .hasMessageContaining("EOF");
    }

    @Test
    void shouldFailOnlyWithSerializationExceptionForRandomBodiesBehindAValidHeader() {
        // Given a known schema id and many random bodies (seeded, so a failure is reproducible)
        final int id = ConfluentWireFormat.schemaId(serializer.serialize(TOPIC, TestReports.arabicReport()));
        final Random random = new Random(20_260_314L);

        for (int i = 0; i < 2_000; i++) {
            final byte[] body = new byte[random.nextInt(64)];
            random.nextBytes(body);
            final byte[] data = ConfluentWireFormat.frame(id, body);
            // Then every one either decodes into a record or fails as a SerializationException naming topic and id
            try {
                assertThat(reports.deserialize(TOPIC, data)).isNotNull();
            } catch (final SerializationException e) {
                assertThat(e).hasMessageContaining(TOPIC).hasMessageContaining("schema id " + id);
            }
        }
    }

    @Test
    void shouldRejectAValidRecordFollowedByTrailingBytes() {
        // Given a valid record with three bytes appended after its Avro body
        final byte[] valid = serializer.serialize(TOPIC, TestReports.arabicReport());
        final byte[] padded = Arrays.copyOf(valid, valid.length + 3);
        final int id = ConfluentWireFormat.schemaId(valid);
        final int body = valid.length - ConfluentWireFormat.HEADER_SIZE;
        final AvroDeserializer<Object> byClassName = new AvroDeserializer<>();
        byClassName.configure(Map.of("schema.registry.url", fake.url(), "specific.avro.reader", true), false);

        // Then both a programmatic deserializer and one configured by class name refuse it, saying where the record
        // ends and how much is left; neither hands back the record in front of the extra bytes
        for (final AvroDeserializer<?> deserializer : List.of(reports, byClassName)) {
            assertThatThrownBy(() -> deserializer.deserialize(TOPIC, padded))
                    .isExactlyInstanceOf(SerializationException.class)
                    .hasMessage("Topic " + TOPIC + ": the " + (body + 3) + "-byte Avro body written with schema id " + id
                            + " (writer " + CorrespondentReport.getClassSchema().getFullName() + ") holds a whole record in its first "
                            + body + " bytes and 3 byte(s) after it; a record in the wire format ends where its Avro body ends,"
                            + " so it is corrupt or not what it claims to be");
        }
        assertThat(reports.deserialize(TOPIC, valid)).isEqualTo(TestReports.arabicReport());
    }

    @Test
    void shouldSayTheRegistryIsUnavailableNotThatTheRecordIsBadWhenTheWriterSchemaCannotBeFetched() {
        // Given a record written by another process (so the id is not cached here) and a registry failing every attempt
        final byte[] bytes = new AvroSerializer<CorrespondentReport>(fake.client(), true, false).serialize(TOPIC, TestReports.arabicReport());
        fake.failNext(3, 503);

        // Then reading fails as "registry unavailable", naming the id
        assertThatThrownBy(() -> reports.deserialize(TOPIC, bytes))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("schema id " + ConfluentWireFormat.schemaId(bytes))
                .hasMessageContaining("HTTP 503");

        // And once the registry answers, the same bytes read: no failure was remembered
        assertThat(reports.deserialize(TOPIC, bytes)).isEqualTo(TestReports.arabicReport());
    }

    @Test
    void shouldSayTheRegistryIsUnavailableWhenNothingListens() {
        final byte[] bytes = new AvroSerializer<CorrespondentReport>(fake.client(), true, false).serialize(TOPIC, TestReports.arabicReport());
        fake.close();

        assertThatThrownBy(() -> reports.deserialize(TOPIC, bytes))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void shouldCallAnIdTheRegistryDoesNotKnowABadRecordNotAnOutage() {
        assertThatThrownBy(() -> reports.deserialize(TOPIC, ConfluentWireFormat.frame(4242, new byte[] {2, 4})))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema id 4242");
    }

    @Test
    void shouldReadTheSchemaIdFromConfluentsHeaderWhenTheValueHasNoPrefix() {
        // Given a value framed by Confluent's header id serializer: the body alone, the id in __value_schema_id
        final byte[] framed = serializer.serialize(TOPIC, TestReports.arabicReport());
        final RecordHeaders headers = new RecordHeaders();
        headers.add(AvroDeserializer.VALUE_SCHEMA_ID_HEADER, Arrays.copyOf(framed, ConfluentWireFormat.HEADER_SIZE));

        final CorrespondentReport read = reports.deserialize(TOPIC, headers, Arrays.copyOfRange(framed, ConfluentWireFormat.HEADER_SIZE, framed.length));

        assertThat(read).isEqualTo(TestReports.arabicReport());
    }

    @Test
    void shouldNameTheGuidFramingItDoesNotRead() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(AvroDeserializer.VALUE_SCHEMA_ID_HEADER, new byte[17]);
        headers.lastHeader(AvroDeserializer.VALUE_SCHEMA_ID_HEADER).value()[0] = 1;

        assertThatThrownBy(() -> reports.deserialize(TOPIC, headers, new byte[] {2, 4}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("GUID");
    }

    @Test
    void shouldPickTheGeneratedClassByTheWritersNameWhenConfiguredAsSpecificReader() {
        // Given a deserializer made by Kafka from a class name with specific.avro.reader=true
        final AvroDeserializer<Object> byName = new AvroDeserializer<>();
        byName.configure(Map.of("schema.registry.url", fake.url(), "specific.avro.reader", "true"), false);

        assertThat(byName.deserialize(TOPIC, serializer.serialize(TOPIC, TestReports.arabicReport()))).isEqualTo(TestReports.arabicReport());
    }

    @Test
    void shouldSayNoGeneratedClassExistsWhenASpecificReaderMeetsAnUnknownRecord() {
        final AvroDeserializer<Object> byName = new AvroDeserializer<>();
        byName.configure(Map.of("schema.registry.url", fake.url(), "specific.avro.reader", true), false);
        final GenericRecord dispatch = new GenericData.Record(TestReports.dispatchV1());
        dispatch.put("headline", "x");

        assertThatThrownBy(() -> byName.deserialize(TOPIC, serializer.serialize(TOPIC, dispatch)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.newswire.test.Dispatch")
                .hasMessageContaining("no generated class");
    }

    @Test
    void shouldReadIntoTheClassNamedBySpecificAvroValueType() {
        final AvroDeserializer<Object> typed = new AvroDeserializer<>();
        typed.configure(Map.of("schema.registry.url", fake.url(), "specific.avro.value.type", CorrespondentReport.class.getName()), false);

        assertThat(typed.deserialize(TOPIC, serializer.serialize(TOPIC, TestReports.arabicReport()))).isInstanceOf(CorrespondentReport.class);
        assertThatThrownBy(() -> new AvroDeserializer<>().configure(Map.of("schema.registry.url", fake.url(),
                "specific.avro.value.type", "java.lang.String"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a generated Avro SpecificRecord");
    }

    @Test
    void shouldFetchEachWriterSchemaOnceWhenReadingManyRecords() {
        // Given records written by another process (so this client has not seen the schema)
        final SchemaRegistryClient otherProcess = fake.client();
        final byte[] bytes = new AvroSerializer<CorrespondentReport>(otherProcess, true, false).serialize(TOPIC, TestReports.arabicReport());
        fake.clearRequests();

        for (int i = 0; i < 50; i++) {
            reports.deserialize(TOPIC, bytes);
        }

        assertThat(fake.requests()).containsExactly("GET /schemas/ids/" + ConfluentWireFormat.schemaId(bytes));
    }

    private static Schema withoutField(final Schema schema, final String dropped) {
        final List<Schema.Field> fields = schema.getFields().stream().filter(f -> !f.name().equals(dropped))
                .map(f -> new Schema.Field(f, f.schema())).collect(Collectors.toList());
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
