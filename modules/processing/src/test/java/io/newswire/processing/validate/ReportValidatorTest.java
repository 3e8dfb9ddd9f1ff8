package io.newswire.processing.validate;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReportValidatorTest {

    private static CorrespondentReport.Builder valid() {
        final Instant now = Instant.parse("2026-11-24T10:00:00Z");
        return CorrespondentReport.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId("c").setLanguage("ar")
                .setKind(ReportKind.NEW).setHeadline("عنوان").setBody(List.of("نص")).setFiledAt(now).setReceivedAt(now).setContentDigest("d");
    }

    @Test
    void shouldAcceptAValidReport() {
        assertThat(ReportValidator.problems(valid().build())).isEmpty();
    }

    @Test
    void shouldFindEveryProblemAtOnce() {
        final CorrespondentReport report = valid().setHeadline(" ").setBody(List.of("", " ")).setKind(ReportKind.CORRECTION).build();

        assertThat(ReportValidator.problems(report)).containsExactly("headline is empty", "body is empty", "CORRECTION without refersTo");
    }

    @Test
    void shouldRejectAReportFiledLongAfterItWasReceived() {
        // a client clock a few minutes fast is normal; an hour is not a filing time
        final CorrespondentReport report = valid().setFiledAt(Instant.parse("2026-11-24T11:00:00Z")).build();

        assertThat(ReportValidator.problems(report)).singleElement().asString().contains("filedAt");
        assertThat(ReportValidator.problems(valid().setFiledAt(Instant.parse("2026-11-24T10:05:00Z")).build())).isEmpty();
    }

    @Test
    void shouldRejectAReportReferringToItself() {
        final UUID id = UUID.randomUUID();

        assertThat(ReportValidator.problems(valid().setReportId(id).setKind(ReportKind.UPDATE).setRefersTo(id).build()))
                .containsExactly("report refers to itself");
    }
}
