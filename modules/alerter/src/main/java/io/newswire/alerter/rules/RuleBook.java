package io.newswire.alerter.rules;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.AlertRule;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules in force, compiled, as the compacted rules topic says (a follower applies each record; a tombstone
 * removes). Shared by the stream threads that read it and the thread that follows the topic, hence concurrent: a
 * rule applied here is used from the next article version any stream thread takes.
 */
public final class RuleBook {

    private final MatchingTextNormalizer normalizer;
    private final Map<String, CompiledRule> rules = new ConcurrentHashMap<>();

    public RuleBook(final MatchingTextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * @param ruleId the key of the record
     * @param rule   the rule, or null for a tombstone (removal)
     */
    public void apply(final String ruleId, final AlertRule rule) {
        if (rule == null) {
            rules.remove(ruleId);
        } else {
            rules.put(ruleId, CompiledRule.compile(rule, normalizer));
        }
    }

    public Collection<CompiledRule> all() {
        return List.copyOf(rules.values());
    }

    public Optional<CompiledRule> byId(final String ruleId) {
        return Optional.ofNullable(rules.get(ruleId));
    }

    /** The same rule (by its createdAt) is in force: how a writer knows its change has been read. */
    public boolean holds(final AlertRule rule) {
        final CompiledRule current = rules.get(rule.getRuleId());
        return current != null && current.rule().getCreatedAt().equals(rule.getCreatedAt());
    }

    public MatchingTextNormalizer normalizer() {
        return normalizer;
    }
}
