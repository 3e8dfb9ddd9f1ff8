package io.newswire.enrichment.urgency;

import io.newswire.enrichment.EnrichmentInput;
import io.newswire.enrichment.EnrichmentStep;
import io.newswire.model.Enrichment;

/** The urgency step: {@link UrgencyScorer}, after subjects (some subjects raise urgency), into {@code urgency}. */
public final class UrgencyStep implements EnrichmentStep {

    private final UrgencyScorer scorer;

    public UrgencyStep(final UrgencyScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public String name() {
        return "urgency";
    }

    @Override
    public void enrich(final EnrichmentInput input, final Enrichment.Builder enrichment) {
        final Urgency urgency = scorer.score(input.text(), input.report().getDesk(), input.report().getFlaggedUrgent(),
                enrichment.getSubjects(), enrichment.getDates().stream().anyMatch(d -> d.getEventDate()));
        enrichment.setUrgency(urgency.level()).setUrgencyReasons(urgency.reasons());
    }
}
