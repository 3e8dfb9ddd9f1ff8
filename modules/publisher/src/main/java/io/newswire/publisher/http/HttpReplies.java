package io.newswire.publisher.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * How the newsroom's HTTP servers (the publisher's API, the dashboard) answer alike: JSON bodies, problem+json
 * refusals, the /ready document, and the base URL a client on this machine uses.
 */
public final class HttpReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpReplies() {
    }

    /** http://host:port, with 127.0.0.1 for a server listening on every interface. */
    public static String baseUrl(final String host, final int port) {
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port;
    }

    /** 200 with every named check true and {@code status: READY}, else 503 with the checks and {@code NOT_READY}. */
    public static void ready(final Context ctx, final Map<String, BooleanSupplier> readiness) {
        final Map<String, Object> checks = new LinkedHashMap<>();
        readiness.forEach((name, check) -> checks.put(name, check.getAsBoolean()));
        final boolean ready = checks.values().stream().allMatch(Boolean.TRUE::equals);
        checks.put("status", ready ? "READY" : "NOT_READY");
        json(ctx, ready ? 200 : 503, checks);
    }

    /** The problem document with its headers (Retry-After, WWW-Authenticate). */
    public static void problem(final Context ctx, final ApiProblem problem, final String requestId) {
        problem.headers().forEach(ctx::header);
        write(ctx, problem.type().status(), ApiProblem.MEDIA_TYPE, problem.body(requestId));
    }

    public static void json(final Context ctx, final int status, final Object body) {
        write(ctx, status, "application/json", body);
    }

    private static void write(final Context ctx, final int status, final String mediaType, final Object body) {
        try {
            ctx.status(status).contentType(mediaType).result(JSON.writeValueAsBytes(body));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
