package io.newswire.enrichment;

import io.newswire.enrichment.dates.DateExtractor;
import io.newswire.enrichment.text.ReportText;
import io.newswire.model.CorrespondentReport;

import java.time.ZoneId;

/**
 * What every step reads: the report as filed, its texts by field, and the zone its relative dates are read in.
 *
 * @param report the report as filed
 * @param text   its fields (headline, dateline, body, captions, bio)
 * @param zone   the correspondent's zone ({@code timeZone}), else the step's default
 */
public record EnrichmentInput(CorrespondentReport report, ReportText text, ZoneId zone) {

    /** The input of a report; an absent or unknown time zone is read as {@code defaultZone}. */
    public static EnrichmentInput of(final CorrespondentReport report, final ZoneId defaultZone) {
        return new EnrichmentInput(report, ReportText.of(report), DateExtractor.zoneOf(report.getTimeZone(), defaultZone));
    }
}
