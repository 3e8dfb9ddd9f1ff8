package io.newswire.alerter.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asks each gateway's {@code GET /ready}, all at once, and says what each answered. The gateway's readiness is its
 * own verdict on whether a report can get in now (credentials, accepted ids and report states loaded; Kafka and the
 * registry answering), the same reasons its API answers 503, so the alerter need not wait for a correspondent to
 * file and fail. A gateway that does not answer within {@link #TIMEOUT} counts as not answering.
 */
public final class GatewayProber {

    /**
     * Longest a probe may take: the gateway's own check waits up to 2 s for Kafka and up to
     * schema.registry.call.timeout.ms (5 s) for the registry before it answers 503.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> gateways;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** @param gateways base URLs, e.g. http://127.0.0.1:8080 (a trailing slash is dropped) */
    public GatewayProber(final List<String> gateways) {
        this.gateways = gateways.stream().map(String::trim).filter(g -> !g.isEmpty()).map(g -> g.replaceAll("/+$", "")).distinct().toList();
        for (final String gateway : this.gateways) {
            final URI uri = URI.create(gateway);
            if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("alerter.gateway.urls: '" + gateway + "' is not an http(s) base URL such as http://127.0.0.1:8080");
            }
        }
    }

    public List<String> gateways() {
        return gateways;
    }

    /** What each gateway answered now, in the configured order. */
    public Map<String, GatewayProbe> probeAll() {
        final Map<String, CompletableFuture<GatewayProbe>> pending = new LinkedHashMap<>();
        for (final String gateway : gateways) {
            final HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/ready")).timeout(TIMEOUT).GET().build();
            pending.put(gateway, http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> GatewayProbe.answered(r.statusCode(), failingChecks(r.body())))
                    .exceptionally(e -> GatewayProbe.unreachable(unwrapped(e).getClass().getSimpleName())));
        }
        final Map<String, GatewayProbe> probes = new LinkedHashMap<>();
        pending.forEach((gateway, probe) -> probes.put(gateway, probe.join()));
        return probes;
    }

    /** The checks of a readiness body ({"kafka": false, ...}) that failed; none if it is not such a body. */
    static List<String> failingChecks(final String body) {
        final List<String> failing = new ArrayList<>();
        try {
            final JsonNode checks = JSON.readTree(body);
            if (checks != null && checks.isObject()) {
                checks.fields().forEachRemaining(e -> {
                    if (e.getValue().isBoolean() && !e.getValue().booleanValue()) {
                        failing.add(e.getKey());
                    }
                });
            }
        } catch (final Exception e) {
            // not JSON (a proxy's error page): the status alone says it
        }
        return failing;
    }

    /** The client's own exception (ConnectException, HttpTimeoutException), not the future's wrapper nor its deep cause. */
    private static Throwable unwrapped(final Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
