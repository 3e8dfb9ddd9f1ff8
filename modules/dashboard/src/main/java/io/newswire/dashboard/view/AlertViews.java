package io.newswire.dashboard.view;

import io.newswire.model.Alert;

import java.util.LinkedHashMap;
import java.util.Map;

/** An alert as the wire shows it: which article it fired on (nil UUID for health alerts), why, and how urgent. */
public final class AlertViews {

    private AlertViews() {
    }

    public static Map<String, Object> alert(final Alert alert) {
        final Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("alertId", alert.getAlertId());
        shown.put("ruleId", alert.getRuleId());
        shown.put("category", alert.getCategory());
        shown.put("articleId", alert.getArticleId().toString());
        shown.put("version", alert.getVersion());
        shown.put("urgency", alert.getUrgency());
        shown.put("headline", alert.getHeadline());
        shown.put("reason", alert.getReason());
        shown.put("matched", alert.getMatched());
        shown.put("desk", alert.getDesk());
        shown.put("escalation", alert.getEscalation());
        shown.put("raisedAt", alert.getRaisedAt().toString());
        return shown;
    }
}
