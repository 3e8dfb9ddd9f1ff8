package io.newswire.alerter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.newswire.alerter.admin.RuleAdmin;
import io.newswire.alerter.rules.InvalidRuleException;
import io.newswire.alerter.rules.RuleParser;
import io.newswire.alerter.rules.RuleProblem;
import io.newswire.model.AlertRule;

import java.util.List;
import java.util.function.Supplier;

/**
 * The alerter's HTTP API, for the dashboard and for people with curl:
 * <ul>
 *   <li>{@code GET /v1/alerts/stream}: Server-Sent Events of {@code newswire.alerts.v1} ({@link AlertStream});</li>
 *   <li>{@code GET /v1/alerts/rules[?desk=]}, {@code GET /v1/alerts/rules/{id}}: the rules in force;</li>
 *   <li>{@code POST /v1/alerts/rules}: a rule as JSON; 201 (200 when it replaced one of its id) once it is in force,
 *       400 {@code application/problem+json} listing every problem with its JSON pointer;</li>
 *   <li>{@code DELETE /v1/alerts/rules/{id}}: 204 once removed, 404 when there is none;</li>
 *   <li>{@code GET /health}: 200 while the alerter runs, 503 otherwise;</li>
 *   <li>{@code GET /ready}: 200 once its stream is RUNNING, 503 otherwise (JSON of the check).</li>
 * </ul>
 */
public final class AlerterHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    private final Javalin http;

    private AlerterHttp(final Javalin http) {
        this.http = http;
    }

    /**
     * @param healthy whether the alerter is running (its stream is RUNNING or rebalancing)
     */
    public static AlerterHttp start(final String host, final int port, final RuleAdmin rules, final RuleParser parser,
                                    final AlertStream stream, final Supplier<String> healthy) {
        final Javalin http = Javalin.create(config -> config.showJavalinBanner = false);
        final SseHandler events = new SseHandler(stream::serve);
        http.get("/v1/alerts/stream", ctx -> {
            // Javalin streams only to a client that accepts text/event-stream (EventSource always does) and answers
            // anyone else an empty 200, which looks like "no alerts": say what is wrong instead
            final String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                problem(ctx, 406, "not-acceptable", "The alert stream is Server-Sent Events: send Accept: text/event-stream", List.of());
                return;
            }
            events.handle(ctx);
        });
        http.get("/v1/alerts/rules", ctx -> {
            final ArrayNode list = JSON.createArrayNode();
            rules.list(ctx.queryParam("desk")).forEach(rule -> list.add(RuleParser.toJson(rule)));
            ctx.contentType("application/json").result(JSON.writeValueAsString(list));
        });
        http.get("/v1/alerts/rules/{id}", ctx -> rules.get(ctx.pathParam("id")).ifPresentOrElse(
                rule -> json(ctx, 200, RuleParser.toJson(rule)),
                () -> problem(ctx, 404, "rule-not-found", "No rule " + ctx.pathParam("id"), List.of())));
        http.post("/v1/alerts/rules", ctx -> {
            final AlertRule rule;
            try {
                rule = parser.parse(ctx.body());
            } catch (final InvalidRuleException e) {
                problem(ctx, 400, "invalid-rule", "The rule has " + e.problems().size() + " problem(s)", e.problems());
                return;
            }
            final boolean replaced = rules.put(rule);
            ctx.header("Location", "/v1/alerts/rules/" + rule.getRuleId());
            json(ctx, replaced ? 200 : 201, RuleParser.toJson(rule));
        });
        http.delete("/v1/alerts/rules/{id}", ctx -> {
            if (rules.remove(ctx.pathParam("id"))) {
                ctx.status(204);
            } else {
                problem(ctx, 404, "rule-not-found", "No rule " + ctx.pathParam("id"), List.of());
            }
        });
        http.get("/health", ctx -> {
            final String state = healthy.get();
            ctx.status(state == null ? 503 : 200).result(state == null ? "not running" : state);
        });
        http.get("/ready", ctx -> { // ready once its stream is RUNNING (rules loaded, partitions assigned), not while rebalancing
            final boolean ready = "RUNNING".equals(healthy.get());
            final ObjectNode body = JSON.createObjectNode().put("streams", ready).put("status", ready ? "READY" : "NOT_READY");
            json(ctx, ready ? 200 : 503, body);
        });
        http.start(host, port);
        return new AlerterHttp(http);
    }

    private static void json(final Context ctx, final int status, final ObjectNode body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9457 problem details; {@code errors} lists each problem with its JSON pointer. */
    private static void problem(final Context ctx, final int status, final String type, final String title, final List<RuleProblem> problems) {
        final ObjectNode body = JSON.createObjectNode();
        body.put("type", "urn:newswire:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        if (!problems.isEmpty()) {
            final ArrayNode errors = body.putArray("errors");
            problems.forEach(p -> errors.addObject().put("pointer", p.pointer()).put("detail", p.message()));
            body.put("detail", new InvalidRuleException(problems).getMessage());
        }
        try {
            ctx.status(status).contentType(PROBLEM).result(JSON.writeValueAsString(body));
        } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The port it listens on (when 0 was asked for, the one chosen). */
    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
    }
}
