package io.newswire.serde;

import io.newswire.model.Attribution;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Our own fixtures: an Arabic report with every kind of field set, and small schemas for evolution tests. */
final class TestReports {

    /** Fixed instants: a test that compares bytes must not depend on the clock. */
    static final Instant FILED = Instant.parse("2026-03-14T06:12:45.123Z");

    private TestReports() {
    }

    /** A report from Deir ez-Zor about a water outage, in Arabic, with optional fields and logical types set. */
    static CorrespondentReport arabicReport() {
        return CorrespondentReport.newBuilder()
                .setReportId(UUID.fromString("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a6c11"))
                .setCorrespondentId("samir")
                .setDesk("syria")
                .setLanguage("ar")
                .setKind(ReportKind.NEW)
                .setHeadline("انقطاع المياه عن أحياء شرقي دير الزور لليوم الثالث")
                .setDateline("دير الزور")
                .setBody(List.of("قال مراسلنا إن محطة الضخ الرئيسية توقفت عن العمل منذ صباح الأحد.",
                        "وأفادت مصادر محلية بأن الأهالي يشترون المياه من الصهاريج بأسعار مرتفعة."))
                .setSources(List.of(Attribution.newBuilder().setSource("مجلس الحي").setClaim("المحطة متوقفة بسبب نقص الوقود").build()))
                .setFlaggedUrgent(true)
                .setTimeZone("Asia/Damascus")
                .setEventTime(FILED.minusSeconds(3 * 86_400))
                .setFiledAt(FILED)
                .setReceivedAt(FILED.plusMillis(850))
                .setContentDigest("ab".repeat(32))
                .build();
    }

    /** Avro's own binary encoding of a generated record: what the body after the 5-byte header must equal. */
    static byte[] plainAvro(final SpecificRecord record) {
        try {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(record.getSchema(), SpecificData.getForClass(record.getClass())).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version 1 of a small test record. */
    static Schema dispatchV1() {
        return SchemaBuilder.record("Dispatch").namespace("io.newswire.test").fields()
                .requiredString("headline").endRecord();
    }

    /** Version 2: a field added with a default, which BACKWARD compatibility allows. */
    static Schema dispatchV2() {
        return SchemaBuilder.record("Dispatch").namespace("io.newswire.test").fields()
                .requiredString("headline").name("urgency").type().intType().intDefault(5).endRecord();
    }

    /** A breaking version: a field added without a default, so a v2 reader cannot read v1 records. */
    static Schema dispatchBreaking() {
        return SchemaBuilder.record("Dispatch").namespace("io.newswire.test").fields()
                .requiredString("headline").requiredInt("urgency").endRecord();
    }
}
