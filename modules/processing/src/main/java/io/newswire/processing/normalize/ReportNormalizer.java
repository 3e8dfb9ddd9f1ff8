package io.newswire.processing.normalize;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.EnrichedReport;
import io.newswire.model.Enrichment;
import io.newswire.model.Warning;
import io.newswire.processing.dedup.StoryMatcher;
import io.newswire.processing.validate.InvalidReportException;
import io.newswire.processing.validate.ReportValidator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a report and adds its matching forms: the first processing step, pure. The original text is carried
 * untouched inside the {@link EnrichedReport}; later steps (and the enrichment issue's steps) add to its
 * {@link Enrichment}.
 */
public final class ReportNormalizer {

    private final MatchingTextNormalizer normalizer;

    public ReportNormalizer(final MatchingTextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * @throws InvalidReportException when the report breaks a rule the schema cannot express
     */
    public EnrichedReport prepare(final CorrespondentReport report, final Instant now) {
        final List<String> problems = ReportValidator.problems(report);
        if (!problems.isEmpty()) {
            throw new InvalidReportException("invalid-report", "validate", String.join("; ", problems));
        }
        final String body = String.join("\n", report.getBody());
        final List<Warning> warnings = new ArrayList<>();
        final Enrichment enrichment = Enrichment.newBuilder()
                .setMatchingHeadline(normalizer.matchingForm(report.getHeadline()))
                .setMatchingBody(normalizer.matchingForm(body))
                .setDedupTerms(StoryMatcher.vector(normalizer, report.getHeadline(), report.getBody()).encode())
                .setWarnings(warnings)
                .build();
        return EnrichedReport.newBuilder().setReport(report).setEnrichment(enrichment).setProcessedAt(now).build();
    }
}
