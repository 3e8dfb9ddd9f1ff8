package io.newswire.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newswire.gateway.auth.CorrespondentDirectory;
import io.newswire.gateway.http.HttpFailure;
import io.newswire.gateway.http.Problem;
import io.newswire.gateway.http.ReportsApi;
import io.newswire.gateway.http.RequestBody;
import io.newswire.gateway.idempotency.IntakeIndex;
import io.newswire.gateway.intake.ReportIntake;
import io.newswire.gateway.metrics.GatewayMetrics;
import io.newswire.gateway.publish.ReportPublisher;
import io.newswire.gateway.status.ReportStatusView;
import io.newswire.model.CorrespondentCredential;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The correspondent gateway: the HTTP door through which reports enter Newswire. A report is answered 202 only
 * once Kafka has acknowledged it on {@code newswire.reports.v1} (acks=all, idempotent producer); bad input gets a
 * 4xx problem document naming every bad field; only a real outage gives a 5xx (503 with Retry-After).
 *
 * <p>Reads {@code newswire.correspondents.v1} (credentials), {@code newswire.reports.v1} (which ids are taken)
 * and {@code newswire.reports.status.v1} (what processing made of them). See /openapi.json for the API.
 */
public final class GatewayServer implements AutoCloseable {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String CORRESPONDENT_ATTRIBUTE = "correspondent";

    private final NewswireConfig config;
    private final NewswireSerdes serdes;
    private final KafkaProducer<String, CorrespondentReport> producer;
    private final CorrespondentDirectory directory;
    private final IntakeIndex index;
    private final ReportStatusView statuses;
    private final Admin admin;
    private final GatewayMetrics metrics;
    private final ReportsApi api;
    private final Semaphore concurrency;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxBodyBytes;
    private final int ratePerMinute;
    private final Javalin http;

    private GatewayServer(final NewswireConfig config, final NewswireMetrics meters, final Clock clock) {
        this.config = config;
        this.serdes = NewswireSerdes.fromConfig(config.serdeConfig());
        final long ackTimeoutMs = config.getLong(NewswireConfig.GATEWAY_ACK_TIMEOUT_MS_CONFIG);
        this.producer = new KafkaProducer<>(KafkaClientConfigs.durableProducer(config, "newswire-gateway", ackTimeoutMs),
                NewswireSerdes.keySerde().serializer(), serdes.<CorrespondentReport>valueSerde(Topics.REPORTS).serializer());
        final Map<String, Object> reader = KafkaClientConfigs.committedReader(config, null, "newswire-gateway");
        this.directory = new CorrespondentDirectory(reader, serdes.valueSerde(io.newswire.model.CorrespondentCredential.class).deserializer()).start();
        this.index = new IntakeIndex(reader, serdes.valueSerde(CorrespondentReport.class).deserializer()).start();
        this.statuses = new ReportStatusView(reader, serdes.valueSerde(io.newswire.model.ReportStatus.class).deserializer()).start();
        this.admin = Admin.create(KafkaClientConfigs.admin(config));
        this.metrics = new GatewayMetrics(meters.registry());
        this.api = new ReportsApi(new ReportIntake(clock), index, new ReportPublisher(producer, Duration.ofMillis(ackTimeoutMs)),
                statuses, metrics, clock);
        this.concurrency = new Semaphore(config.getInt(NewswireConfig.GATEWAY_MAX_CONCURRENT_REQUESTS_CONFIG));
        this.maxBodyBytes = config.getInt(NewswireConfig.GATEWAY_MAX_BODY_BYTES_CONFIG);
        this.ratePerMinute = config.getInt(NewswireConfig.GATEWAY_RATE_LIMIT_PER_MINUTE_CONFIG);
        this.http = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.startupWatcherEnabled = false;
            // we read bodies ourselves with our own limit; Javalin's must not be the smaller one
            javalin.http.maxRequestSize = (long) maxBodyBytes * 2;
        });
        routes();
    }

    /**
     * Starts a gateway: connects to Kafka and the registry, loads credentials and the index of accepted ids, and
     * listens on gateway.host:gateway.port.
     */
    public static GatewayServer start(final NewswireConfig config, final NewswireMetrics metrics) {
        return start(config, metrics, Clock.systemUTC());
    }

    public static GatewayServer start(final NewswireConfig config, final NewswireMetrics metrics, final Clock clock) {
        final GatewayServer server = new GatewayServer(config, metrics, clock);
        try {
            // serving before the index is loaded could write a resubmitted report a second time
            if (!server.index.awaitLoaded(Duration.ofSeconds(60)) || !server.directory.awaitLoaded(Duration.ofSeconds(60))) {
                LOG.warn("Gateway starting before the report index or credentials were fully loaded; /ready says so");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.http.start(config.getString(NewswireConfig.GATEWAY_HOST_CONFIG), config.getInt(NewswireConfig.GATEWAY_PORT_CONFIG));
        LOG.info("Gateway listening on {}", server.url());
        return server;
    }

    public int port() {
        return http.port();
    }

    public String url() {
        final String host = config.getString(NewswireConfig.GATEWAY_HOST_CONFIG);
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port();
    }

    private void routes() {
        http.before(this::assignRequestId);
        http.get("/health", ctx -> json(ctx, 200, Map.of("status", "UP")));
        http.get("/ready", this::ready);
        http.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
        http.get("/v1/whoami", ctx -> guarded(ctx, false, () -> {
            final CorrespondentCredential me = ctx.attribute(CORRESPONDENT_ATTRIBUTE);
            final Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("correspondentId", me.getCorrespondentId());
            body.put("displayName", me.getDisplayName());
            body.put("desk", me.getDesk());
            json(ctx, 200, body);
        }));
        http.post("/v1/reports", ctx -> guarded(ctx, true, () -> {
            RequestBody.checkMediaType(ctx.contentType(), "application/json");
            final ReportsApi.Reply reply = api.submit(ctx.attribute(CORRESPONDENT_ATTRIBUTE), body(ctx));
            json(ctx, reply.status(), reply.body());
        }));
        http.post("/v1/reports/batch", ctx -> guarded(ctx, true, () -> {
            RequestBody.checkMediaType(ctx.contentType(), "application/json", "application/x-ndjson");
            final boolean ndjson = ctx.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/x-ndjson");
            final ReportsApi.Reply reply = api.submitBatch(ctx.attribute(CORRESPONDENT_ATTRIBUTE), body(ctx), ndjson);
            json(ctx, reply.status(), reply.body());
        }));
        http.get("/v1/reports/{id}", ctx -> guarded(ctx, false, () -> {
            final ReportsApi.Reply reply = api.status(ctx.attribute(CORRESPONDENT_ATTRIBUTE), ctx.pathParam("id"));
            json(ctx, reply.status(), reply.body());
        }));
        http.exception(HttpFailure.class, (failure, ctx) -> problem(ctx, failure));
        http.exception(Exception.class, (error, ctx) -> {
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), error);
            problem(ctx, new HttpFailure(Problem.of("internal", "Internal error", 500, "The gateway failed; request id " + requestId(ctx))));
        });
        http.error(404, ctx -> {
            if (ctx.result() == null) {
                problem(ctx, new HttpFailure(Problem.of("not-found", "No such endpoint", 404, ctx.method() + " " + ctx.path() + " is not part of the API; see /openapi.json")));
            }
        });
        http.error(405, ctx -> problem(ctx, new HttpFailure(Problem.of("method-not-allowed", "Method not allowed", 405, ctx.method() + " is not allowed on " + ctx.path()))));
        http.after(ctx -> {
            LOG.info("{} {} {} -> {}", requestId(ctx), ctx.method(), ctx.path(), ctx.statusCode());
            MDC.remove("requestId");
        });
    }

    /** Auth, concurrency cap and (for writes) the per-correspondent rate limit around a handler. */
    private void guarded(final Context ctx, final boolean write, final Runnable handler) {
        if (!concurrency.tryAcquire()) {
            metrics.rejected("overloaded");
            throw new HttpFailure(Problem.of("overloaded", "Too many requests in progress", 503,
                    "The gateway is at its limit of concurrent requests; retry shortly"), Map.of("Retry-After", "1"));
        }
        try {
            final CorrespondentCredential me = authenticate(ctx);
            ctx.attribute(CORRESPONDENT_ATTRIBUTE, me);
            if (write) {
                rateLimit(me);
            }
            handler.run();
        } finally {
            concurrency.release();
        }
    }

    private CorrespondentCredential authenticate(final Context ctx) {
        final String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
            metrics.rejected("unauthorized");
            throw new HttpFailure(Problem.of("unauthorized", "Credentials required", 401,
                    "Send Authorization: Bearer <token> (issued with `newswire correspondents add`)"), Map.of("WWW-Authenticate", "Bearer"));
        }
        return directory.authenticate(header.substring(7).trim()).orElseThrow(() -> {
            metrics.rejected("unauthorized");
            return new HttpFailure(Problem.of("unauthorized", "Unknown or revoked token", 401,
                    "The token is not valid: unknown, or revoked"), Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        });
    }

    private void rateLimit(final CorrespondentCredential me) {
        final Bucket bucket = buckets.computeIfAbsent(me.getCorrespondentId(), id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(ratePerMinute).refillGreedy(ratePerMinute, Duration.ofMinutes(1)).build()).build());
        final ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            metrics.rejected("rate-limited");
            final long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw new HttpFailure(Problem.of("rate-limited", "Too many reports", 429,
                    "At most " + ratePerMinute + " requests a minute per correspondent; retry in " + seconds + " s"),
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    private String body(final Context ctx) {
        final long declared = ctx.req().getContentLengthLong();
        try {
            return RequestBody.readUtf8(ctx.req().getInputStream(), declared, maxBodyBytes);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final HttpFailure failure) {
            metrics.rejected(failure.problem().code());
            throw failure;
        }
    }

    private void ready(final Context ctx) {
        final Map<String, Object> checks = new java.util.LinkedHashMap<>();
        checks.put("credentialsLoaded", directory.awaitLoadedNow());
        checks.put("reportIndexLoaded", index.isLoaded());
        checks.put("kafka", kafkaReachable());
        checks.put("schemaRegistry", registryReachable());
        final boolean ready = checks.values().stream().allMatch(Boolean.TRUE::equals);
        checks.put("status", ready ? "READY" : "NOT_READY");
        json(ctx, ready ? 200 : 503, checks);
    }

    private boolean kafkaReachable() {
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (final Exception e) {
            return false;
        }
    }

    private boolean registryReachable() {
        try {
            serdes.registry().compatibility(null);
            return true;
        } catch (final RuntimeException e) {
            return false;
        }
    }

    private void assignRequestId(final Context ctx) {
        final String offered = ctx.header(REQUEST_ID_HEADER);
        final String id = offered != null && CLIENT_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.attribute(REQUEST_ID_HEADER, id);
        ctx.header(REQUEST_ID_HEADER, id);
        MDC.put("requestId", id);
    }

    private static String requestId(final Context ctx) {
        final Object id = ctx.attribute(REQUEST_ID_HEADER);
        return id == null ? "-" : id.toString();
    }

    private void problem(final Context ctx, final HttpFailure failure) {
        failure.headers().forEach(ctx::header);
        try {
            ctx.status(failure.problem().status()).contentType(Problem.MEDIA_TYPE)
                    .result(JSON.writeValueAsString(failure.problem().body(requestId(ctx))));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(final Context ctx, final int status, final Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String openApi() {
        try (InputStream in = GatewayServer.class.getResourceAsStream("/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.json missing from the gateway jar", e);
        }
    }

    @Override
    public void close() {
        http.stop();
        statuses.close();
        index.close();
        directory.close();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
        serdes.close();
    }

    /** Runs a gateway alone (a deployment's gateway service): settings from the environment. */
    public static void main(final String[] args) throws InterruptedException {
        final NewswireConfig config = NewswireConfig.load(null, System.getenv(), Map.of());
        final NewswireMetrics metrics = new NewswireMetrics();
        metrics.serve(config.getString(NewswireConfig.GATEWAY_HOST_CONFIG), config.getInt(NewswireConfig.METRICS_PORT_CONFIG));
        final GatewayServer server = start(config, metrics);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            metrics.close();
        }));
        Thread.currentThread().join();
    }
}
