package io.newswire.enrichment.dates;

import io.newswire.enrichment.EnrichmentInput;
import io.newswire.enrichment.EnrichmentStep;
import io.newswire.model.Enrichment;

/** The dates step: every date named or implied, resolved in the correspondent's zone, one chosen as the event's. */
public final class DatesStep implements EnrichmentStep {

    private final DateExtractor extractor;

    public DatesStep(final DateExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public String name() {
        return "dates";
    }

    @Override
    public void enrich(final EnrichmentInput input, final Enrichment.Builder enrichment) {
        enrichment.setDates(extractor.extract(input.text(), input.report().getFiledAt(), input.zone(), input.report().getLanguage()));
    }
}
