package io.newswire.processing.validate;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the schema cannot say about a report: it has text, its kind and reference agree, and its times are sane
 * (filed before it was received, allowing for client clock skew). Pure: no Kafka, no state. Whether a referenced
 * report exists is checked where reports are remembered, in the articles step.
 */
public final class ReportValidator {

    /** How far a client's clock may run ahead of the gateway's before filedAt is implausible. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private ReportValidator() {
    }

    /** Every problem found; empty when the report is valid. */
    public static List<String> problems(final CorrespondentReport report) {
        final List<String> problems = new ArrayList<>();
        if (report.getHeadline() == null || report.getHeadline().isBlank()) {
            problems.add("headline is empty");
        }
        if (report.getBody() == null || report.getBody().stream().allMatch(p -> p == null || p.isBlank())) {
            problems.add("body is empty");
        }
        if (report.getKind() != ReportKind.NEW && report.getRefersTo() == null) {
            problems.add(report.getKind() + " without refersTo");
        }
        if (report.getKind() == ReportKind.NEW && report.getRefersTo() != null) {
            problems.add("NEW report with refersTo " + report.getRefersTo());
        }
        if (report.getRefersTo() != null && report.getRefersTo().equals(report.getReportId())) {
            problems.add("report refers to itself");
        }
        if (report.getFiledAt().isAfter(report.getReceivedAt().plus(MAX_CLOCK_SKEW))) {
            problems.add("filedAt " + report.getFiledAt() + " is after receivedAt " + report.getReceivedAt());
        }
        return problems;
    }
}
