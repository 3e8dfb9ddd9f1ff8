package io.newswire.alerter.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule that cannot be accepted, with every problem found in it (not only the first). */
public final class InvalidRuleException extends IllegalArgumentException {

    private final List<RuleProblem> problems;

    public InvalidRuleException(final List<RuleProblem> problems) {
        super("Invalid alert rule: " + problems.stream().map(p -> (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
