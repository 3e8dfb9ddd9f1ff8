package io.newswire.enrichment;

import io.newswire.model.Enrichment;

/**
 * One enrichment step: reads the report (and what earlier steps added) and adds its annotations to the enrichment
 * being built. A step is deterministic (the same report gives the same output on every replay) and holds no state
 * between reports; its dictionaries are loaded once, before the first report.
 */
public interface EnrichmentStep {

    /** Short stable name, used in warnings and metrics: "language", "places", ... */
    String name();

    /**
     * Adds this step's annotations.
     *
     * @param input      the report, its texts and its time zone
     * @param enrichment the enrichment so far: earlier steps' fields are set
     */
    void enrich(EnrichmentInput input, Enrichment.Builder enrichment);
}
