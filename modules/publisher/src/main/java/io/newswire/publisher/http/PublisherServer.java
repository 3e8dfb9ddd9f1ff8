package io.newswire.publisher.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newswire.model.ApiKey;
import io.newswire.publisher.apikeys.Access;
import io.newswire.publisher.apikeys.ApiKeyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The newsroom API over HTTP (Javalin): authentication by API key, problem+json for every refusal, one access-log line
 * per request (with its request id, never with the key). The answers themselves come from {@link NewsroomApi}.
 *
 * <p>Endpoints: {@code GET /v1/articles}, {@code /v1/articles/{id}}, {@code /v1/articles/{id}/versions/{n}},
 * {@code /v1/feeds/articles.atom}, {@code /v1/feeds/desks/{desk}.atom}; {@code /health}, {@code /ready},
 * {@code /openapi.json} without a key. Until the articles and keys on the topics at start are loaded, API requests get
 * 503 with Retry-After (a 401 then would tell a valid key it is wrong; a 404 that a published article is unknown).
 */
public final class PublisherServer implements AutoCloseable {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(PublisherServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("io.newswire.publisher.access");
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ACCESS_ATTRIBUTE = "newswire.access";
    private static final String REQUEST_ID_ATTRIBUTE = "newswire.requestId";

    private final NewsroomApi api;
    private final ApiKeyDirectory keys;
    private final BooleanSupplier loaded;
    private final Map<String, BooleanSupplier> readiness;
    private final Javalin http;
    private final String host;

    /**
     * @param loaded    whether articles and keys are loaded; API requests get 503 until then
     * @param readiness named checks /ready reports (loaded state, Kafka, registry)
     */
    public PublisherServer(final NewsroomApi api, final ApiKeyDirectory keys, final BooleanSupplier loaded,
                           final Map<String, BooleanSupplier> readiness, final String host) {
        this.api = api;
        this.keys = keys;
        this.loaded = loaded;
        this.readiness = Map.copyOf(readiness);
        this.host = host;
        this.http = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.startupWatcherEnabled = false;
        });
        routes();
    }

    /** Starts listening; port 0 picks a free one. */
    public PublisherServer start(final int port) {
        http.start(host, port);
        LOG.info("Publisher listening on {}", url());
        return this;
    }

    public int port() {
        return http.port();
    }

    /** Base URL for clients on this machine, e.g. http://127.0.0.1:8090. */
    public String url() {
        return HttpReplies.baseUrl(host, port());
    }

    private void routes() {
        http.before(this::assignRequestId);
        http.get("/health", ctx -> HttpReplies.json(ctx, 200, Map.of("status", "UP")));
        http.get("/ready", ctx -> HttpReplies.ready(ctx, readiness));
        http.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
        http.get("/v1/articles", ctx -> reply(ctx, api.list(authorise(ctx), ctx.queryParamMap(), "/v1/articles")));
        http.get("/v1/articles/{id}", ctx -> reply(ctx, api.latest(authorise(ctx), ctx.pathParam("id"), ctx.queryParamMap())));
        http.get("/v1/articles/{id}/versions/{n}", ctx -> reply(ctx, api.version(authorise(ctx), ctx.pathParam("id"), ctx.pathParam("n"),
                ctx.queryParamMap())));
        http.get("/v1/feeds/articles.atom", ctx -> {
            final Access access = authorise(ctx);
            reply(ctx, api.feed(access, ctx.queryParamMap(), url() + "/v1/feeds/articles.atom" + query(ctx), "Newswire: articles"));
        });
        http.get("/v1/feeds/desks/{file}", ctx -> {
            final Access access = authorise(ctx);
            final String file = ctx.pathParam("file");
            if (!file.endsWith(".atom") || file.length() == ".atom".length()) {
                throw new ApiProblem(ProblemType.NO_SUCH_ENDPOINT, "Desk feeds are /v1/feeds/desks/<desk>.atom");
            }
            final String desk = file.substring(0, file.length() - ".atom".length());
            final Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
            if (query.containsKey("desk")) {
                throw new ApiProblem(ProblemType.UNKNOWN_PARAMETER, "A desk feed names its desk in the path; use /v1/feeds/articles.atom?desk=... for several");
            }
            query.put("desk", List.of(desk));
            reply(ctx, api.feed(access, query, url() + "/v1/feeds/desks/" + file + query(ctx), "Newswire: " + desk + " desk"));
        });
        http.exception(ApiProblem.class, (problem, ctx) -> HttpReplies.problem(ctx, problem, requestId(ctx)));
        http.exception(Exception.class, (error, ctx) -> {
            LOG.error("Request {} {} {} failed", requestId(ctx), ctx.method(), ctx.path(), error);
            HttpReplies.problem(ctx, new ApiProblem(ProblemType.INTERNAL, "The publisher failed; request id " + requestId(ctx)), requestId(ctx));
        });
        http.error(404, ctx -> {
            // our own 404s (no such article) are problem documents already; Javalin's own for a path it lacks is not
            final String type = ctx.res().getContentType();
            if (type == null || !type.startsWith(ApiProblem.MEDIA_TYPE)) {
                HttpReplies.problem(ctx, new ApiProblem(ProblemType.NO_SUCH_ENDPOINT, ctx.method() + " " + ctx.path() + " is not part of the API; see /openapi.json"), requestId(ctx));
            }
        });
        http.error(405, ctx -> HttpReplies.problem(ctx, new ApiProblem(ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path()), requestId(ctx)));
        http.after(ctx -> ACCESS.info("{} {} {} -> {}", requestId(ctx), ctx.method(), ctx.path(), ctx.statusCode()));
    }

    /** Loading state, then the key: 503 while loading, 401 without a valid key. */
    private Access authorise(final Context ctx) {
        if (!loaded.getAsBoolean()) {
            throw new ApiProblem(ProblemType.STARTING, "The publisher is still reading articles and API keys from Kafka", java.util.List.of(),
                    Map.of("Retry-After", "5"));
        }
        final String header = ctx.header("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiProblem(ProblemType.UNAUTHORIZED, "Send Authorization: Bearer <API key> (issued with `newswire apikeys add`)",
                    List.of(), Map.of("WWW-Authenticate", "Bearer"));
        }
        final ApiKey key = keys.authenticate(header.substring(7).trim()).orElseThrow(() -> new ApiProblem(ProblemType.UNAUTHORIZED,
                "The API key is not valid: unknown, or removed", List.of(), Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        final Access access = new Access(key);
        ctx.attribute(ACCESS_ATTRIBUTE, access);
        return access;
    }


    private static String query(final Context ctx) {
        return ctx.queryString() == null || ctx.queryString().isEmpty() ? "" : "?" + ctx.queryString();
    }

    private void assignRequestId(final Context ctx) {
        final String offered = ctx.header(REQUEST_ID_HEADER);
        final String id = offered != null && CLIENT_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.attribute(REQUEST_ID_ATTRIBUTE, id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    private static String requestId(final Context ctx) {
        final Object id = ctx.attribute(REQUEST_ID_ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }

    private static void reply(final Context ctx, final NewsroomApi.Reply reply) {
        reply.headers().forEach(ctx::header);
        ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
    }


    /** The OpenAPI document served at /openapi.json. */
    public static String openApi() {
        try (InputStream in = PublisherServer.class.getResourceAsStream("/publisher-openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException | NullPointerException e) {
            throw new IllegalStateException("publisher-openapi.json missing from the publisher jar", e);
        }
    }

    @Override
    public void close() {
        http.stop();
    }
}
