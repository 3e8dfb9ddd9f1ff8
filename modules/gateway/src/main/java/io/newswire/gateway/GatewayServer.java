package io.newswire.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newswire.gateway.auth.CorrespondentDirectory;
import io.newswire.gateway.auth.CorrespondentLoader;
import io.newswire.gateway.http.CorrespondentRateLimiter;
import io.newswire.gateway.http.HttpFailure;
import io.newswire.gateway.http.Problem;
import io.newswire.gateway.http.ProblemType;
import io.newswire.gateway.http.ReportsApi;
import io.newswire.gateway.http.RequestBody;
import io.newswire.gateway.idempotency.IntakeIndex;
import io.newswire.gateway.idempotency.IntakeIndexLoader;
import io.newswire.gateway.intake.ReportIntake;
import io.newswire.gateway.metrics.GatewayMetrics;
import io.newswire.gateway.publish.ReportPublisher;
import io.newswire.gateway.status.ReportStatusLoader;
import io.newswire.gateway.status.ReportStatusView;
import io.newswire.model.CorrespondentCredential;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportStatus;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The correspondent gateway: the HTTP door through which reports enter Newswire. A report is answered 202 only
 * once Kafka has acknowledged it on {@code newswire.reports.v1} (acks=all, idempotent producer); bad input gets a
 * 4xx problem document naming every bad field; only a real outage gives a 5xx (503 with Retry-After).
 *
 * <p>Writes {@code newswire.reports.v1}. Reads {@code newswire.correspondents.v1} (credentials),
 * {@code newswire.reports.v1} (which ids are taken) and {@code newswire.reports.status.v1} (what processing made of
 * them). The API is described in /openapi.json.
 *
 * <p>What it holds in memory is bounded by time, not by history: the accepted ids and the report states of one
 * window (gateway.idempotency.window.ms, 7 days by default). At start it reads only that much of each topic, and
 * every minute it drops what has aged out (see {@link IntakeIndex}, {@link ReportStatusView}).
 *
 * <p>Order of checks on every API request: concurrency cap (503), still loading (503), credentials (401), rate
 * limit for writes (429), media type (415), body size (413), UTF-8 and JSON (400), fields (400), then the write.
 * Every request is logged once on {@code io.newswire.gateway.access} with its request id, never with its token.
 */
public final class GatewayServer implements AutoCloseable {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** The logger of the one line per request. */
    public static final String ACCESS_LOG = "io.newswire.gateway.access";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOG);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String CORRESPONDENT_ATTRIBUTE = "newswire.correspondent";
    private static final String REQUEST_ID_ATTRIBUTE = "newswire.requestId";
    private static final Duration LOAD_WAIT = Duration.ofSeconds(60);
    /** How often aged-out ids and states are dropped; between sweeps they are already invisible to lookups. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final NewswireConfig config;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final NewswireSerdes serdes;
    private final CorrespondentDirectory directory = new CorrespondentDirectory();
    private final CorrespondentLoader directoryLoader;
    private final IntakeIndexLoader indexLoader;
    private final ReportStatusLoader statusLoader;
    private final Admin admin;
    private final GatewayMetrics metrics;
    private final CorrespondentRateLimiter rateLimiter;
    private final ReportsApi api;
    private final Semaphore concurrency;
    private final int maxBodyBytes;
    private final Javalin http;

    private GatewayServer(final NewswireConfig config, final NewswireMetrics meters, final Clock clock) {
        this.config = config;
        try {
            this.serdes = keep(NewswireSerdes.fromConfig(config.serdeConfig()));
            final long ackTimeoutMs = config.getLong(NewswireConfig.GATEWAY_ACK_TIMEOUT_MS_CONFIG);
            final KafkaProducer<String, CorrespondentReport> producer = keep(new KafkaProducer<>(
                    KafkaClientConfigs.durableProducer(config, "newswire-gateway", ackTimeoutMs),
                    NewswireSerdes.keySerde().serializer(), serdes.<CorrespondentReport>valueSerde(Topics.REPORTS).serializer()));
            final Map<String, Object> reader = KafkaClientConfigs.committedReader(config, null, "newswire-gateway");
            this.directoryLoader = keep(new CorrespondentLoader(directory, reader, serdes.<CorrespondentCredential>valueSerde(Topics.CORRESPONDENTS).deserializer()).start());
            final Duration window = config.gatewayIdempotencyWindow();
            final IntakeIndex index = new IntakeIndex(clock, window);
            this.indexLoader = keep(new IntakeIndexLoader(index, reader, serdes.<CorrespondentReport>valueSerde(Topics.REPORTS).deserializer()).start());
            final ReportStatusView statuses = new ReportStatusView(clock, window);
            this.statusLoader = keep(new ReportStatusLoader(statuses, reader, serdes.<ReportStatus>valueSerde(Topics.REPORT_STATUS).deserializer()).start());
            keep(sweepEveryMinute(index, statuses));
            this.admin = keep(Admin.create(KafkaClientConfigs.admin(config)));
            this.metrics = new GatewayMetrics(meters.registry());
            meters.bindClient(producer);
            metrics.watchState(index, indexLoader, Topics.REPORTS.name(), statuses, statusLoader, Topics.REPORT_STATUS.name());
            this.rateLimiter = new CorrespondentRateLimiter(config.getInt(NewswireConfig.GATEWAY_RATE_LIMIT_PER_MINUTE_CONFIG));
            this.api = new ReportsApi(new ReportIntake(clock), index, new ReportPublisher(producer, Duration.ofMillis(ackTimeoutMs)),
                    statuses, rateLimiter, metrics, clock);
            this.concurrency = new Semaphore(config.getInt(NewswireConfig.GATEWAY_MAX_CONCURRENT_REQUESTS_CONFIG));
            this.maxBodyBytes = config.getInt(NewswireConfig.GATEWAY_MAX_BODY_BYTES_CONFIG);
            this.http = Javalin.create(javalin -> {
                javalin.showJavalinBanner = false;
                javalin.startupWatcherEnabled = false;
                // bodies are read here with our own limit; Javalin's must not be the smaller one
                javalin.http.maxRequestSize = (long) maxBodyBytes * 2;
            });
            routes();
        } catch (final RuntimeException e) {
            closeResources();
            throw e;
        }
    }

    /**
     * Starts a gateway: connects to Kafka and the registry, loads credentials, the index of accepted ids and the
     * report states of the window (up to a minute; until then API requests get 503 "starting"), and listens on
     * gateway.host:gateway.port.
     *
     * @param metrics where the gateway's meters are registered; not closed by {@link #close()}
     */
    public static GatewayServer start(final NewswireConfig config, final NewswireMetrics metrics) {
        return start(config, metrics, Clock.systemUTC());
    }

    /** As {@link #start(NewswireConfig, NewswireMetrics)}, with the clock that stamps receivedAt and judges filedAt. */
    public static GatewayServer start(final NewswireConfig config, final NewswireMetrics metrics, final Clock clock) {
        final GatewayServer server = new GatewayServer(config, metrics, clock);
        try {
            if (!server.indexLoader.awaitLoaded(LOAD_WAIT) || !server.statusLoader.awaitLoaded(LOAD_WAIT)
                    || !server.directoryLoader.awaitLoaded(LOAD_WAIT)) {
                LOG.warn("Gateway starting before the report index, report states or credentials were loaded; it answers 503 until they are");
            }
            server.http.start(config.getString(NewswireConfig.GATEWAY_HOST_CONFIG), config.getInt(NewswireConfig.GATEWAY_PORT_CONFIG));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            throw new IllegalStateException("Interrupted while starting the gateway", e);
        } catch (final RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("Gateway listening on {}", server.url());
        return server;
    }

    /** The port it listens on (useful with gateway.port=0). */
    public int port() {
        return http.port();
    }

    /** Base URL for clients on this machine, e.g. http://127.0.0.1:8080. */
    public String url() {
        final String host = config.getString(NewswireConfig.GATEWAY_HOST_CONFIG);
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port();
    }

    private void routes() {
        http.before(this::assignRequestId);
        http.get("/health", ctx -> json(ctx, 200, Map.of("status", "UP")));
        http.get("/ready", this::ready);
        http.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
        http.get("/v1/whoami", ctx -> guarded(ctx, Access.WHOAMI, () -> {
            final CorrespondentCredential me = ctx.attribute(CORRESPONDENT_ATTRIBUTE);
            final Map<String, Object> body = new LinkedHashMap<>();
            body.put("correspondentId", me.getCorrespondentId());
            body.put("displayName", me.getDisplayName());
            body.put("desk", me.getDesk());
            json(ctx, 200, body);
        }));
        http.post("/v1/reports", ctx -> guarded(ctx, Access.WRITE_ONE, () -> {
            RequestBody.checkMediaType(ctx.contentType(), "application/json");
            reply(ctx, api.submit(ctx.attribute(CORRESPONDENT_ATTRIBUTE), body(ctx)));
        }));
        http.post("/v1/reports/batch", ctx -> guarded(ctx, Access.WRITE_BATCH, () -> {
            RequestBody.checkMediaType(ctx.contentType(), "application/json", "application/x-ndjson");
            final boolean ndjson = ctx.contentType().toLowerCase(Locale.ROOT).startsWith("application/x-ndjson");
            reply(ctx, api.submitBatch(ctx.attribute(CORRESPONDENT_ATTRIBUTE), body(ctx), ndjson, requestId(ctx)));
        }));
        http.get("/v1/reports/{id}", ctx -> guarded(ctx, Access.STATUS, () ->
                reply(ctx, api.status(ctx.attribute(CORRESPONDENT_ATTRIBUTE), ctx.pathParam("id")))));
        http.exception(HttpFailure.class, (failure, ctx) -> problem(ctx, failure));
        http.exception(Exception.class, (error, ctx) -> {
            LOG.error("Request {} {} {} failed", requestId(ctx), ctx.method(), ctx.path(), error);
            problem(ctx, new HttpFailure(ProblemType.INTERNAL, "The gateway failed; request id " + requestId(ctx)));
        });
        http.error(404, ctx -> {
            if (ctx.result() == null) {
                problem(ctx, new HttpFailure(ProblemType.NO_SUCH_ENDPOINT, ctx.method() + " " + ctx.path() + " is not part of the API; see /openapi.json"));
            }
        });
        http.error(405, ctx -> problem(ctx, new HttpFailure(ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path())));
        http.after(ctx -> {
            ACCESS.info("{} {} {} -> {} ({} ms)", requestId(ctx), ctx.method(), ctx.path(), ctx.statusCode(),
                    ctx.<Long>attribute("newswire.startedNanos") == null ? "-"
                            : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ctx.<Long>attribute("newswire.startedNanos")));
            MDC.remove("requestId");
        });
    }

    /** What a request does, for the checks that guard it. */
    private enum Access {
        WHOAMI(false, false), STATUS(true, true), WRITE_ONE(true, false), WRITE_BATCH(true, false);

        /** Whether an answer depends on the index of accepted reports (a write could duplicate, a lookup could say 404). */
        private final boolean needsIndex;
        /** Whether an answer depends on the report states (a processed report would show ACCEPTED). */
        private final boolean needsStatuses;

        Access(final boolean needsIndex, final boolean needsStatuses) {
            this.needsIndex = needsIndex;
            this.needsStatuses = needsStatuses;
        }
    }

    /** Concurrency cap, loading state, credentials and (for writes) the rate limit around a handler. */
    private void guarded(final Context ctx, final Access access, final Runnable handler) {
        if (!concurrency.tryAcquire()) {
            throw new HttpFailure(ProblemType.OVERLOADED, "The gateway is at its limit of concurrent requests; retry shortly", Map.of("Retry-After", "1"));
        }
        try {
            if (!directoryLoader.isLoaded() || (access.needsIndex && !indexLoader.isLoaded()) || (access.needsStatuses && !statusLoader.isLoaded())) {
                // a 401 now would tell a valid correspondent their token is wrong; a write now could duplicate a report
                throw new HttpFailure(ProblemType.STARTING, "The gateway is still reading credentials, accepted reports and their states from Kafka",
                        Map.of("Retry-After", "5"));
            }
            final CorrespondentCredential me = authenticate(ctx);
            ctx.attribute(CORRESPONDENT_ATTRIBUTE, me);
            rateLimit(me, access);
            handler.run();
        } finally {
            concurrency.release();
        }
    }

    private CorrespondentCredential authenticate(final Context ctx) {
        final String header = ctx.header("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HttpFailure(ProblemType.UNAUTHORIZED, "Send Authorization: Bearer <token> (issued with `newswire correspondents add`)",
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        return directory.authenticate(header.substring(7).trim()).orElseThrow(() -> new HttpFailure(ProblemType.UNAUTHORIZED,
                "The token is not valid: unknown, or revoked", Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
    }

    /** A single report costs a token before its body is read; a batch only needs one left here and pays per report later. */
    private void rateLimit(final CorrespondentCredential me, final Access access) {
        final Optional<Duration> wait = switch (access) {
            case WHOAMI, STATUS -> Optional.empty();
            case WRITE_ONE -> rateLimiter.tryTake(me.getCorrespondentId(), 1);
            case WRITE_BATCH -> rateLimiter.waitForOne(me.getCorrespondentId());
        };
        if (wait.isPresent()) {
            final long seconds = CorrespondentRateLimiter.retryAfterSeconds(wait.get());
            throw new HttpFailure(ProblemType.RATE_LIMITED, "At most " + rateLimiter.perMinute() + " reports a minute per correspondent; retry in "
                    + seconds + " s", Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    private String body(final Context ctx) {
        try {
            return RequestBody.readUtf8(ctx.req().getInputStream(), ctx.req().getContentLengthLong(), maxBodyBytes);
        } catch (final IOException e) {
            throw new HttpFailure(ProblemType.INCOMPLETE_BODY, "The request body could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void ready(final Context ctx) {
        final Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("credentialsLoaded", directoryLoader.isLoaded());
        checks.put("reportIndexLoaded", indexLoader.isLoaded());
        checks.put("reportStatesLoaded", statusLoader.isLoaded());
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
        // a client's id is kept when it is a plain token, so an app can match our log to its own
        final String id = offered != null && CLIENT_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.attribute(REQUEST_ID_ATTRIBUTE, id);
        ctx.attribute("newswire.startedNanos", System.nanoTime());
        ctx.header(REQUEST_ID_HEADER, id);
        MDC.put("requestId", id);
    }

    private static String requestId(final Context ctx) {
        final Object id = ctx.attribute(REQUEST_ID_ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }

    private void problem(final Context ctx, final HttpFailure failure) {
        final Problem problem = failure.problem();
        metrics.rejected(problem.type().code());
        failure.headers().forEach(ctx::header);
        writeJson(ctx, problem.status(), Problem.MEDIA_TYPE, problem.body(requestId(ctx)));
    }

    private static void reply(final Context ctx, final ReportsApi.Reply reply) {
        reply.headers().forEach(ctx::header);
        json(ctx, reply.status(), reply.body());
    }

    private static void json(final Context ctx, final int status, final Object body) {
        writeJson(ctx, status, "application/json", body);
    }

    private static void writeJson(final Context ctx, final int status, final String mediaType, final Object body) {
        try {
            ctx.status(status).contentType(mediaType).result(JSON.writeValueAsBytes(body));
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

    /** Drops aged-out ids and states on a daemon thread; closing it stops the sweeps. */
    private static AutoCloseable sweepEveryMinute(final IntakeIndex index, final ReportStatusView statuses) {
        final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            final Thread thread = new Thread(task, "gateway-window-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                final int ids = index.evictExpired();
                final int states = statuses.evictExpired();
                if (ids + states > 0) {
                    LOG.debug("Dropped {} report ids and {} report states older than the window", ids, states);
                }
            } catch (final RuntimeException e) {
                // a failed sweep must not cancel the later ones
                LOG.warn("Sweeping aged-out report ids and states failed: {}", e.toString());
            }
        }, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return sweeper::shutdownNow;
    }

    private <T extends AutoCloseable> T keep(final T resource) {
        resources.add(resource);
        return resource;
    }

    private void closeResources() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (final Exception e) {
                LOG.warn("Closing {} failed: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        resources.clear();
    }

    /** Stops listening, then the followers, the producer (flushing what it holds) and the clients. */
    @Override
    public void close() {
        if (http != null) {
            http.stop();
        }
        closeResources();
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
