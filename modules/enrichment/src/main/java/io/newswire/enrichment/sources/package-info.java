/**
 * Sources and attribution: which claims a report attributes, to whom, and which strong claims (casualty figures,
 * accusations) it leaves unattributed. Cues are data ({@code enrichment/sources/attribution.json},
 * {@link io.newswire.enrichment.sources.AttributionCues}); the core is
 * {@link io.newswire.enrichment.sources.AttributionExtractor}, giving {@link io.newswire.model.SourceClaim} values
 * with evidence and {@code unattributed-claim} {@link io.newswire.model.Warning}s.
 */
package io.newswire.enrichment.sources;
