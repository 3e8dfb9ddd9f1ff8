/**
 * Urgency 1 (flash) to 9 from rules kept as data ({@code enrichment/urgency/urgency.json}): breaking words in the
 * headline, casualty figures ({@link io.newswire.enrichment.urgency.CasualtyCounter}, also used by sources to spot
 * unattributed figures), named events, the desk, the correspondent's own flag and the subjects found. The core is
 * {@link io.newswire.enrichment.urgency.UrgencyScorer}; every level it gives comes with the reasons that fired.
 */
package io.newswire.enrichment.urgency;
