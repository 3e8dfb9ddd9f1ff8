package io.newswire.enrichment.urgency;

import java.util.List;

/**
 * The urgency of a report and why.
 *
 * @param level   1 (flash) to 9; 5 when no rule fired
 * @param reasons every rule that fired, the deciding one first, e.g. "headline-breaking: عاجل (headline 0-4) → 3";
 *                "default → 5" when none did; never empty
 */
public record Urgency(int level, List<String> reasons) {

    public Urgency {
        reasons = List.copyOf(reasons);
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("Urgency out of 1-9: " + level);
        }
    }
}
