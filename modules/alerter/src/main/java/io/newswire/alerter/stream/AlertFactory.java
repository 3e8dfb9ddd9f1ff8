package io.newswire.alerter.stream;

import io.newswire.alerter.rules.CompiledRule;
import io.newswire.alerter.rules.RuleMatch;
import io.newswire.alerter.suppression.Escalation;
import io.newswire.model.Alert;
import io.newswire.model.AlertEvidence;
import io.newswire.model.ArticleUpdate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the {@link Alert} record of a decision: which rule, which version, why now and on what. */
public final class AlertFactory {

    public static final String CATEGORY_RULE = "RULE";

    private AlertFactory() {
    }

    /** Deterministic, so a replay raises the same alert: rule, article, version. */
    public static String alertId(final String ruleId, final ArticleUpdate update) {
        return ruleId + ":" + update.getArticleId() + ":" + update.getVersion();
    }

    /**
     * @param match      what the rule matched on this version. May be null (a correction or withdrawal of a story the
     *                   rule alerted on, whose new text no longer matches)
     * @param recordTime the version's record time, epoch millis
     */
    public static Alert alert(final CompiledRule rule, final ArticleUpdate update, final RuleMatch match, final Escalation escalation,
                              final long recordTime) {
        final List<AlertEvidence> evidence = new ArrayList<>(match == null ? List.of() : match.evidence());
        if (match == null || (escalation != Escalation.FIRST && evidence.stream().noneMatch(e -> e.getKind().equals("signal")))) {
            evidence.add(escalationEvidence(update, escalation));
        }
        final List<String> matched = match == null ? List.of() : match.matchedValues();
        return Alert.newBuilder()
                .setAlertId(alertId(rule.ruleId(), update))
                .setRuleId(rule.ruleId())
                .setDesk(rule.desk())
                .setArticleId(update.getArticleId())
                .setVersion(update.getVersion())
                .setUrgency(update.getUrgency())
                .setHeadline(update.getHeadline())
                .setCategory(CATEGORY_RULE)
                .setEscalation(escalation.name())
                .setReason(reason(rule, escalation, evidence))
                .setMatched(matched)
                .setEvidence(evidence)
                .setRaisedAt(Instant.ofEpochMilli(recordTime))
                .build();
    }

    private static AlertEvidence escalationEvidence(final ArticleUpdate update, final Escalation escalation) {
        final String kind = switch (escalation) {
            case CORROBORATION -> "corroboration";
            case URGENCY_RAISED -> "urgency";
            default -> "signal";
        };
        final String value = switch (escalation) {
            case URGENCY_RAISED -> String.valueOf(update.getUrgency());
            case CORROBORATION -> update.getSources().stream().filter(s -> s.getRole() == io.newswire.model.SourceRole.CORROBORATION)
                    .map(s -> s.getCorrespondentId()).collect(Collectors.joining(","));
            default -> update.getSignal().name();
        };
        return AlertEvidence.newBuilder().setKind(kind).setValue(value).setLabel("version " + update.getVersion()).build();
    }

    private static String reason(final CompiledRule rule, final Escalation escalation, final List<AlertEvidence> evidence) {
        final String what = evidence.stream().map(e -> e.getKind() + " " + (e.getLabel() != null && !e.getKind().equals("urgency")
                        ? e.getLabel() + " (" + e.getValue() + ")" : e.getValue())
                        + (e.getText() != null && !e.getKind().equals("urgency") ? " '" + e.getText() + "'" : ""))
                .distinct().collect(Collectors.joining("; "));
        final String why = switch (escalation) {
            case FIRST -> "matched";
            case URGENCY_RAISED -> "urgency raised";
            case CORRECTION -> "corrected";
            case WITHDRAWAL -> "withdrawn";
            case CORROBORATION -> "corroborated by another correspondent";
        };
        return "Rule " + rule.ruleId() + " (desk " + rule.desk() + ") " + why + ": " + what;
    }
}
