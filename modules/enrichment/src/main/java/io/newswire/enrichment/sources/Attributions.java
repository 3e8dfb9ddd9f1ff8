package io.newswire.enrichment.sources;

import io.newswire.model.SourceClaim;
import io.newswire.model.Warning;

import java.util.List;

/**
 * What {@link AttributionExtractor} found in one report.
 *
 * @param claims   the correspondent's own attributions first, then those found in the text; never null
 * @param warnings {@code unattributed-claim} warnings; never null
 */
public record Attributions(List<SourceClaim> claims, List<Warning> warnings) {

    public Attributions {
        claims = List.copyOf(claims);
        warnings = List.copyOf(warnings);
    }
}
