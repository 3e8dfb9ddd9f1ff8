package io.newswire.enrichment.sources;

import io.newswire.enrichment.EnrichmentInput;
import io.newswire.enrichment.EnrichmentStep;
import io.newswire.model.Enrichment;

/**
 * The sources step: {@link AttributionExtractor} over the texts and the correspondent's own list, into
 * {@code claims}; strong claims left unattributed become warnings.
 */
public final class SourcesStep implements EnrichmentStep {

    private final AttributionExtractor extractor;

    public SourcesStep(final AttributionExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public String name() {
        return "sources";
    }

    @Override
    public void enrich(final EnrichmentInput input, final Enrichment.Builder enrichment) {
        final Attributions found = extractor.extract(input.text(), input.report().getSources());
        enrichment.setClaims(found.claims());
        enrichment.getWarnings().addAll(found.warnings());
    }
}
