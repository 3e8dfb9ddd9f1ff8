package io.newswire.processing.articles;

/**
 * The desk a report was decided in, for {@code newswire.processing.report-desks.v1} (keyed by report id).
 *
 * @param reportId the report
 * @param desk     its desk, or null once the articles step has forgotten the report (a tombstone)
 */
public record ReportDesk(String reportId, String desk) {
}
