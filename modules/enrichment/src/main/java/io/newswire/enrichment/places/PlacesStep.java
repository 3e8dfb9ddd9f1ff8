package io.newswire.enrichment.places;

import io.newswire.enrichment.EnrichmentInput;
import io.newswire.enrichment.EnrichmentStep;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.Enrichment;

/**
 * The places step: {@link PlaceResolver} over the report's texts with its desk and declared language as context,
 * into {@code places}. The report's dateline is one of its texts already ({@code ReportText.of}).
 */
public final class PlacesStep implements EnrichmentStep {

    private final PlaceResolver resolver;

    public PlacesStep(final PlaceResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "places";
    }

    @Override
    public void enrich(final EnrichmentInput input, final Enrichment.Builder enrichment) {
        final CorrespondentReport report = input.report();
        enrichment.setPlaces(resolver.resolve(input.text(), PlaceContext.of(report.getDesk(), report.getLanguage())));
    }
}
