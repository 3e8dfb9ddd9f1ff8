package io.newswire.alerter.health;

import java.util.List;

/**
 * What one gateway said when the alerter asked its {@code GET /ready}.
 *
 * @param status   the HTTP status it answered, or 0 when it did not answer (refused, reset, timed out)
 * @param notReady the checks its body named as failing (kafka, schemaRegistry, ...), or why it did not answer
 */
public record GatewayProbe(int status, List<String> notReady) {

    public GatewayProbe {
        notReady = List.copyOf(notReady);
    }

    /** An answer with that status and the checks it named as failing. */
    public static GatewayProbe answered(final int status, final List<String> failingChecks) {
        return new GatewayProbe(status, failingChecks);
    }

    /** No answer at all: the gateway is down, unreachable or too slow. */
    public static GatewayProbe unreachable(final String why) {
        return new GatewayProbe(0, List.of(why));
    }

    /** Ready: a 2xx. */
    public boolean normal() {
        return status >= 200 && status < 300;
    }

    /** For a person: "answers 503 on /ready (kafka not ready)" or "does not answer /ready (ConnectException)". */
    public String describe() {
        if (status == 0) {
            return "does not answer /ready (" + String.join(", ", notReady) + ")";
        }
        return "answers " + status + " on /ready" + (notReady.isEmpty() ? "" : " (not ready: " + String.join(", ", notReady) + ")");
    }
}
