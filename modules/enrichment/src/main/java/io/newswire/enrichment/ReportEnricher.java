package io.newswire.enrichment;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.Enrichment;
import io.newswire.model.Warning;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the enrichment steps over a report, in order (later steps may read what earlier ones found: urgency reads
 * subjects). Nothing is lost to enrichment: a step that throws leaves a warning ({@code enrichment-step-failed},
 * naming the step and the error) and the report goes on with what the other steps found.
 */
public final class ReportEnricher {

    public static final String STEP_FAILED = "enrichment-step-failed";

    private final List<EnrichmentStep> steps;
    private final ZoneId defaultZone;

    /**
     * @param steps       in the order they run
     * @param defaultZone the zone of a report that names none (or an unknown one)
     */
    public ReportEnricher(final List<EnrichmentStep> steps, final ZoneId defaultZone) {
        this.steps = List.copyOf(steps);
        this.defaultZone = defaultZone;
    }

    public List<EnrichmentStep> steps() {
        return steps;
    }

    /**
     * @param report     the report as filed
     * @param normalised the enrichment the normalise step made (matching forms, warnings)
     * @return a new enrichment with every step's annotations added
     */
    public Enrichment enrich(final CorrespondentReport report, final Enrichment normalised) {
        final Enrichment.Builder enrichment = Enrichment.newBuilder(normalised);
        enrichment.setWarnings(new ArrayList<>(normalised.getWarnings()));
        final EnrichmentInput input = EnrichmentInput.of(report, defaultZone);
        for (final EnrichmentStep step : steps) {
            try {
                step.enrich(input, enrichment);
            } catch (final RuntimeException e) {
                enrichment.getWarnings().add(Warning.newBuilder().setCode(STEP_FAILED)
                        .setMessage("The " + step.name() + " step failed on this report and added nothing: " + e).build());
            }
        }
        return enrichment.build();
    }
}
