package io.newswire.dashboard.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.newswire.dashboard.auth.StaffAccess;
import io.newswire.dashboard.live.LiveWire;
import io.newswire.dashboard.ops.OpsHistory;
import io.newswire.ops.dlq.DeadLetterStore;
import io.newswire.ops.status.HealthJudge;
import io.newswire.dashboard.view.ArticleViews;
import io.newswire.dashboard.view.TextQuery;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.ApiKey;
import io.newswire.model.ArticleUpdate;
import io.newswire.publisher.filter.ArticleFilter;
import io.newswire.publisher.filter.InvalidFilterException;
import io.newswire.publisher.http.ApiProblem;
import io.newswire.publisher.http.HttpReplies;
import io.newswire.publisher.http.ProblemType;
import io.newswire.publisher.state.ArticlePage;
import io.newswire.publisher.state.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The dashboard over HTTP (Javalin).
 *
 * <p>Pages: {@code /} (the live wire), {@code /article.html?id=...} (one article), {@code /ops.html} (stream health and
 * dead letters, {@link OpsApi}), {@code /login.html}, served from
 * the jar with their scripts and styles, never with data: every byte of report text reaches the browser as JSON from
 * {@code /api} and is put on the page as text. Every response carries a Content-Security-Policy that allows scripts,
 * styles, fonts and connections from this origin only (no inline script, no eval), so even text that slipped into markup
 * could not run.
 *
 * <p>API, all behind a STAFF login ({@link StaffAccess}: the {@code nw_session} cookie from {@code POST /api/login}, or
 * {@code Authorization: Bearer <API key>}): {@code GET /api/session}, {@code GET /api/articles} (the publisher's filter
 * parameters plus {@code q}, free text on the normalised form, and {@code limit}), {@code GET /api/articles/{id}},
 * {@code GET /api/stream} (Server-Sent Events, {@link LiveWire}; the same filter), {@code POST /api/logout}. Refusals are
 * problem+json with the publisher's problem types. {@code /health} and {@code /ready} need no login.
 */
public final class DashboardServer implements AutoCloseable {

    public static final String SESSION_COOKIE = "nw_session";
    /** Same origin only: no inline script or style, no plugins, no framing, forms post here only. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ATTRIBUTE = "newswire.dashboard.key";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final ArticleStore store;
    private final StaffAccess access;
    private final LiveWire live;
    private final BooleanSupplier loaded;
    private final Map<String, BooleanSupplier> readiness;
    private final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();
    private final Javalin http;
    private final String host;

    /**
     * @param loaded    whether the article window and the API keys are loaded; the API answers 503 until then
     * @param readiness named checks /ready reports
     */
    public DashboardServer(final ArticleStore store, final StaffAccess access, final LiveWire live, final Ops ops, final BooleanSupplier loaded,
                           final Map<String, BooleanSupplier> readiness, final String host) {
        this.store = store;
        this.access = access;
        this.live = live;
        this.loaded = loaded;
        this.readiness = Map.copyOf(readiness);
        this.host = host;
        this.http = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.startupWatcherEnabled = false;
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboard-web";
                files.location = Location.CLASSPATH;
                files.headers = securityHeaders();
            });
        });
        routes();
        new OpsApi(ops.history(), ops.deadLetters(), ops.judge(), ops.clock(), ctx -> ctx.attribute(KEY_ATTRIBUTE)).routes(http);
    }

    /** What the ops page reads: the sampled status, the dead letters, the health thresholds, the clock of replays. */
    public record Ops(OpsHistory history, DeadLetterStore deadLetters, HealthJudge judge, Clock clock) {
    }

    /** Starts listening; port 0 picks a free one. */
    public DashboardServer start(final int port) {
        http.start(host, port);
        LOG.info("Dashboard listening on {}", url());
        return this;
    }

    public int port() {
        return http.port();
    }

    /** Base URL for a browser on this machine, e.g. http://127.0.0.1:8092. */
    public String url() {
        return HttpReplies.baseUrl(host, port());
    }

    private static Map<String, String> securityHeaders() {
        final Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        return headers;
    }

    private void routes() {
        http.before(ctx -> securityHeaders().forEach(ctx::header));
        http.before("/api/*", ctx -> {
            ctx.header("Cache-Control", "no-store");
            if (!"/api/login".equals(ctx.path())) {
                authorise(ctx);
            }
        });
        http.get("/health", ctx -> HttpReplies.json(ctx, 200, Map.of("status", "UP")));
        http.get("/ready", ctx -> HttpReplies.ready(ctx, readiness));
        http.post("/api/login", this::login);
        http.post("/api/logout", ctx -> {
            ctx.header("Set-Cookie", cookie("", 0, ctx));
            ctx.status(204);
        });
        http.get("/api/session", ctx -> {
            final ApiKey key = ctx.attribute(KEY_ATTRIBUTE);
            HttpReplies.json(ctx, 200, Map.of("keyId", key.getKeyId(), "displayName", key.getDisplayName()));
        });
        http.get("/api/articles", this::list);
        http.get("/api/articles/{id}", this::article);
        final SseHandler stream = new SseHandler(client -> {
            if (!live.serve(client, Optional.ofNullable(client.ctx().header("Last-Event-ID")).orElse(client.ctx().queryParam("lastEventId")),
                    client.ctx().attribute("newswire.dashboard.filter"))) {
                client.close();
            }
        });
        http.get("/api/stream", ctx -> {
            final String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new ApiProblem(ProblemType.NO_SUCH_ENDPOINT, "The live wire is Server-Sent Events: send Accept: text/event-stream");
            }
            if (live.clients() >= LiveWire.MAX_CLIENTS) {
                throw new ApiProblem(ProblemType.STARTING, "This dashboard instance serves " + LiveWire.MAX_CLIENTS + " browsers already",
                        List.of(), Map.of("Retry-After", "10"));
            }
            ctx.attribute("newswire.dashboard.filter", filter(ctx));
            stream.handle(ctx);
        });
        http.exception(ApiProblem.class, (problem, ctx) -> HttpReplies.problem(ctx, problem, "-"));
        http.exception(Exception.class, (error, ctx) -> {
            LOG.error("Dashboard request {} {} failed", ctx.method(), ctx.path(), error);
            HttpReplies.problem(ctx, new ApiProblem(ProblemType.INTERNAL, "The dashboard failed on this request"), "-");
        });
        http.error(404, ctx -> {
            final String type = ctx.res().getContentType();
            if (ctx.path().startsWith("/api/") && (type == null || !type.startsWith(ApiProblem.MEDIA_TYPE))) {
                HttpReplies.problem(ctx, new ApiProblem(ProblemType.NO_SUCH_ENDPOINT, ctx.method() + " " + ctx.path() + " is not part of the dashboard's API"), "-");
            }
        });
    }

    private void login(final Context ctx) {
        // JSON only: a cross-site HTML form cannot send it, so a login cannot be forced on a browser from elsewhere
        if (ctx.contentType() == null || !ctx.contentType().startsWith("application/json")) {
            throw new ApiProblem(ProblemType.UNAUTHORIZED, "Log in with a JSON body {\"apiKey\": \"nwk_...\"}");
        }
        final String secret;
        try {
            final JsonNode body = JSON.readTree(ctx.body());
            secret = body == null || !body.hasNonNull("apiKey") ? null : body.get("apiKey").asText();
        } catch (final IOException e) {
            throw new ApiProblem(ProblemType.UNAUTHORIZED, "Log in with a JSON body {\"apiKey\": \"nwk_...\"}");
        }
        requireLoaded();
        final StaffAccess.Decision decision = access.authenticate(secret);
        if (!decision.allowed()) {
            throw refusal(decision.refusal());
        }
        ctx.header("Set-Cookie", cookie(access.sessionFor(decision.key()), access.sessionTtl().toSeconds(), ctx));
        LOG.info("Dashboard login by key {}", decision.key().getKeyId());
        HttpReplies.json(ctx, 200, Map.of("keyId", decision.key().getKeyId(), "displayName", decision.key().getDisplayName()));
    }

    /** HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure behind HTTPS. */
    private static String cookie(final String value, final long maxAgeSeconds, final Context ctx) {
        final boolean https = "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || "https".equalsIgnoreCase(ctx.scheme());
        return SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }

    private void authorise(final Context ctx) {
        requireLoaded();
        final String header = ctx.header("Authorization");
        final String bearer = header != null && header.length() > 7 && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : null;
        final StaffAccess.Decision decision = access.check(ctx.cookie(SESSION_COOKIE), bearer);
        if (!decision.allowed()) {
            throw refusal(decision.refusal());
        }
        ctx.attribute(KEY_ATTRIBUTE, decision.key());
    }

    private void requireLoaded() {
        if (!loaded.getAsBoolean()) {
            throw new ApiProblem(ProblemType.STARTING, "The dashboard is still reading articles and API keys from Kafka", List.of(),
                    Map.of("Retry-After", "5"));
        }
    }

    private static ApiProblem refusal(final StaffAccess.Refusal refusal) {
        return switch (refusal) {
            case NO_CREDENTIALS -> new ApiProblem(ProblemType.UNAUTHORIZED, "Log in with a newsroom API key (issued with `newswire apikeys add --role STAFF`)");
            case UNKNOWN_KEY -> new ApiProblem(ProblemType.UNAUTHORIZED, "The API key or session is not valid: unknown, removed, rotated or expired");
            case NOT_STAFF -> new ApiProblem(ProblemType.FORBIDDEN, "The dashboard is for newsroom staff; a partner key reads the publisher's API and feeds");
        };
    }

    private Predicate<ArticleUpdate> filter(final Context ctx) {
        final ArticleFilter filter;
        try {
            filter = ArticleFilter.parse(ctx.queryParamMap());
        } catch (final InvalidFilterException e) {
            throw new ApiProblem(ProblemType.INVALID_FILTER, "The filter has " + e.errors().size() + " invalid value(s)", e.errors(), Map.of());
        }
        final TextQuery text = TextQuery.of(ctx.queryParam("q"), normalizer);
        return filter.and(text);
    }

    private void list(final Context ctx) {
        final Predicate<ArticleUpdate> filter = filter(ctx);
        final int limit = limit(ctx.queryParam("limit"));
        final ArticlePage page = store.list(filter, null, limit);
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("articles", page.articles().stream().map(ArticleViews::summary).toList());
        body.put("facets", ArticleViews.facets(page.articles()));
        body.put("held", store.articleCount());
        HttpReplies.json(ctx, 200, body);
    }

    private void article(final Context ctx) {
        final UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (final IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.INVALID_ARTICLE_ID, "Not an article id (a UUID): " + ctx.pathParam("id"));
        }
        final ArticleUpdate latest = store.latest(id).orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No article " + id + " on the wire"));
        final List<ArticleUpdate> versions = new ArrayList<>();
        for (int n = 1; n <= latest.getVersion(); n++) {
            store.version(id, n).ifPresent(versions::add);
        }
        HttpReplies.json(ctx, 200, ArticleViews.detail(versions));
    }

    private static int limit(final String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            final int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (final NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new ApiProblem(ProblemType.INVALID_LIMIT, "limit is an integer from 1 to " + MAX_LIMIT);
    }



    @Override
    public void close() {
        http.stop();
    }
}
