package io.newswire.alerter.rules;

import io.newswire.model.AlertEvidence;

import java.util.List;

/**
 * A rule that fired on an article version, and on what: one or more evidence entries per condition of the rule.
 *
 * @param rule     the rule
 * @param evidence what met each condition; never empty
 */
public record RuleMatch(CompiledRule rule, List<AlertEvidence> evidence) {

    public RuleMatch {
        evidence = List.copyOf(evidence);
    }

    /** The rule-side values that matched (terms, place ids, party ids...), for {@code Alert.matched}. */
    public List<String> matchedValues() {
        return evidence.stream().map(AlertEvidence::getValue).distinct().toList();
    }
}
