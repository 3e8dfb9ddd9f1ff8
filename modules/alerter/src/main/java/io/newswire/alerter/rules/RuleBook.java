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
 * rule applied here is used from the next article version any stream thread takes. The stream threads read the rules
 * through a {@link RuleIndex}, built again on the first read after a change (so reading the whole topic at start
 * builds it once, and a rule added at runtime costs one build: hash maps over the rules' keys, the watch-list keys
 * having been worked out when each rule was compiled).
 */
public final class RuleBook {

    private final MatchingTextNormalizer normalizer;
    private final Map<String, CompiledRule> rules = new ConcurrentHashMap<>();
    /** Null after a change until the next reader builds it. */
    private volatile RuleIndex index;

    public RuleBook(final MatchingTextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * @param ruleId the key of the record
     * @param rule   the rule, or null for a tombstone (removal)
     */
    public synchronized void apply(final String ruleId, final AlertRule rule) {
        // dropped first, under the lock the rebuild takes: a reader from now on waits for this change, never misses it
        index = null;
        if (rule == null) {
            rules.remove(ruleId);
        } else {
            rules.put(ruleId, CompiledRule.compile(rule, normalizer));
        }
    }

    /** The rules in force, filed for matching: what the stream threads judge each version by. */
    public RuleIndex index() {
        final RuleIndex current = index;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (index == null) {
                index = RuleIndex.of(rules.values());
            }
            return index;
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
