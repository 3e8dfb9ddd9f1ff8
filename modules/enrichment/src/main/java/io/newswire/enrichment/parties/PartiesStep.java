package io.newswire.enrichment.parties;

import io.newswire.enrichment.EnrichmentInput;
import io.newswire.enrichment.EnrichmentStep;
import io.newswire.model.Enrichment;

/** The parties step: {@link PartyMatcher} over the report's texts, into {@code entities}. */
public final class PartiesStep implements EnrichmentStep {

    private final PartyMatcher matcher;

    public PartiesStep(final PartyMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String name() {
        return "parties";
    }

    @Override
    public void enrich(final EnrichmentInput input, final Enrichment.Builder enrichment) {
        enrichment.setEntities(matcher.match(input.text(), input.report().getLanguage()));
    }
}
