package io.newswire.alerter.suppression;

import java.util.HashMap;
import java.util.Map;

/**
 * The alerter's memory of one story (the suppression store's value, keyed by article id): each rule that alerted on
 * it and what it last saw. JSON in the store, so its changelog needs no schema subject.
 *
 * @param rules by rule id
 */
public record StoryAlerts(Map<String, StoryRuleState> rules) {

    public StoryAlerts {
        rules = Map.copyOf(rules);
    }

    public static StoryAlerts empty() {
        return new StoryAlerts(Map.of());
    }

    /** A copy with the rule's state replaced. */
    public StoryAlerts with(final String ruleId, final StoryRuleState state) {
        final Map<String, StoryRuleState> copy = new HashMap<>(rules);
        copy.put(ruleId, state);
        return new StoryAlerts(copy);
    }

    /** A copy without the rules whose last alert is before the cutoff (record time, epoch millis). */
    public StoryAlerts withoutAlertsBefore(final long cutoff) {
        final Map<String, StoryRuleState> kept = new HashMap<>();
        rules.forEach((id, state) -> {
            if (state.lastAlertAt() >= cutoff) {
                kept.put(id, state);
            }
        });
        return kept.size() == rules.size() ? this : new StoryAlerts(kept);
    }

    /** The newest last alert of any rule, or Long.MIN_VALUE when there is none. */
    public long newestAlertAt() {
        return rules.values().stream().mapToLong(StoryRuleState::lastAlertAt).max().orElse(Long.MIN_VALUE);
    }
}
