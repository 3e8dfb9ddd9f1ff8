package io.newswire.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Turns a gateway answer into one line for the person filing: where the report is, or what to fix. */
final class Summaries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Summaries() {
    }

    static String of(final ReportSubmitter.Outcome outcome) {
        if (outcome.status() == ReportSubmitter.UNREADABLE) {
            return "not a report: " + outcome.body();
        }
        if (outcome.status() == ReportSubmitter.UNSENT) {
            return "unsent after " + outcome.attempts() + " attempt(s) (" + outcome.body() + "); kept to send again";
        }
        final JsonNode answer = parse(outcome.body());
        if (outcome.accepted()) {
            return "accepted " + outcome.reportId() + " (partition " + answer.path("partition").asText("?") + ", offset "
                    + answer.path("offset").asText("?") + ")" + (answer.path("resubmission").asBoolean() ? ", already accepted earlier" : "")
                    + (answer.has("warnings") ? "; warnings: " + answer.get("warnings") : "");
        }
        if (outcome.status() == 429 || outcome.status() == 503) {
            return "not accepted yet (" + outcome.status() + " " + answer.path("title").asText("") + ") after " + outcome.attempts()
                    + " attempt(s); kept to send again";
        }
        final List<String> fields = new ArrayList<>();
        answer.path("errors").forEach(e -> fields.add(e.path("pointer").asText() + ": " + e.path("detail").asText()));
        return "rejected " + outcome.status() + " " + answer.path("title").asText("") + ": "
                + (fields.isEmpty() ? answer.path("detail").asText(outcome.body()) : String.join("; ", fields));
    }

    private static JsonNode parse(final String body) {
        try {
            return body == null ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (final IOException e) {
            return JSON.createObjectNode();
        }
    }
}
