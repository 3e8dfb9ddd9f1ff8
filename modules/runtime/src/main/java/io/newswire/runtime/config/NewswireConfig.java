package io.newswire.runtime.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Every Newswire setting, declared once with its type, default and documentation (Kafka's own {@link ConfigDef}).
 *
 * <p>Values are read, lowest precedence first, from the defaults below, a properties file
 * ({@code --config FILE}), environment variables ({@code NEWSWIRE_BOOTSTRAP_SERVERS} for
 * {@code bootstrap.servers}: upper case, dots and dashes as underscores) and command-line overrides.
 *
 * <p>Two prefixes pass settings straight through, so security needs no code of ours:
 * {@code kafka.*} goes to every Kafka client with the prefix removed (e.g. {@code kafka.security.protocol=SASL_SSL}),
 * {@code schema.registry.*} and {@code basic.auth.*} go to the schema registry client as Confluent names them.
 */
public final class NewswireConfig extends AbstractConfig {

    public static final String ENV_PREFIX = "NEWSWIRE_";
    public static final String KAFKA_PASSTHROUGH_PREFIX = "kafka.";

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka bootstrap servers, host:port[,host:port].";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC = "Base URL of a registry that speaks the Confluent Schema Registry REST API "
            + "(Confluent's, or Apicurio's at /apis/ccompat/v7).";

    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
    private static final String AUTO_REGISTER_SCHEMAS_DOC = "Register a value schema on first use. On in `dev`; off in production, "
            + "where `newswire schemas register` registers schemas/ explicitly and a missing schema is an error.";

    public static final String TOPIC_REPLICATION_FACTOR_CONFIG = "topics.replication.factor";
    private static final String TOPIC_REPLICATION_FACTOR_DOC = "Replication factor of topics Newswire creates; -1 takes the broker's default.";

    public static final String TOPIC_MIN_INSYNC_REPLICAS_CONFIG = "topics.min.insync.replicas";
    private static final String TOPIC_MIN_INSYNC_REPLICAS_DOC = "min.insync.replicas of topics Newswire creates; -1 takes the broker's default. "
            + "With acks=all, 2 of 3 replicas keeps writes durable through one broker loss.";

    public static final String DATA_DIR_CONFIG = "data.dir";
    private static final String DATA_DIR_DOC = "Where `dev` keeps the embedded broker's and registry's data, state stores and endpoints.json.";

    public static final String GATEWAY_HOST_CONFIG = "gateway.host";
    private static final String GATEWAY_HOST_DOC = "Interface the gateway listens on.";

    public static final String GATEWAY_PORT_CONFIG = "gateway.port";
    private static final String GATEWAY_PORT_DOC = "Port of the correspondent gateway (HTTP); 0 picks a free port.";

    public static final String GATEWAY_ACK_TIMEOUT_MS_CONFIG = "gateway.ack.timeout.ms";
    private static final String GATEWAY_ACK_TIMEOUT_MS_DOC = "How long the gateway waits for Kafka's acknowledgement before answering 503 with Retry-After.";

    public static final String GATEWAY_MAX_BODY_BYTES_CONFIG = "gateway.max.body.bytes";
    private static final String GATEWAY_MAX_BODY_BYTES_DOC = "Largest request body the gateway reads; larger requests get 413 before the body is read.";

    public static final String GATEWAY_RATE_LIMIT_PER_MINUTE_CONFIG = "gateway.rate.limit.per.minute";
    private static final String GATEWAY_RATE_LIMIT_PER_MINUTE_DOC = "Reports a correspondent may file per minute (token bucket); more get 429 with Retry-After.";

    public static final String GATEWAY_MAX_CONCURRENT_REQUESTS_CONFIG = "gateway.max.concurrent.requests";
    private static final String GATEWAY_MAX_CONCURRENT_REQUESTS_DOC = "Requests handled at once; more get 503 at once, so a flood cannot exhaust the JVM.";

    public static final String GATEWAY_IDEMPOTENCY_WINDOW_MS_CONFIG = "gateway.idempotency.window.ms";
    private static final String GATEWAY_IDEMPOTENCY_WINDOW_MS_DOC = "How long the gateway remembers an accepted report (default 7 days: at least 7 days "
            + "covers any offline queue). Within it a resubmission is answered with the first acknowledgement and other content "
            + "under the id gets 409; after it the report is written again (processing drops a repeat with the same content by "
            + "report id, and dead-letters one with other content). GET /v1/reports/{id} answers for the same window; an older "
            + "report gets 404. At start the gateway reads only this much of newswire.reports.v1 and newswire.reports.status.v1, "
            + "so its memory and start-up time follow one window of reports, not the whole topic. Keep it below the reports "
            + "topic's retention (30 days).";

    public static final String METRICS_HOST_CONFIG = "metrics.host";
    private static final String METRICS_HOST_DOC = "Interface the scrape endpoint of `newswire process` and `newswire alert` listens on (the gateway's, "
            + "the publisher's and the dashboard's follow their own host setting); 0.0.0.0 in a container so Prometheus reaches it.";
    public static final String METRICS_PORT_CONFIG = "metrics.port";
    private static final String METRICS_PORT_DOC = "Port of the Prometheus scrape endpoint (/metrics); 0 picks a free port.";

    public static final String PROCESSING_APPLICATION_ID_CONFIG = "processing.application.id";
    private static final String PROCESSING_APPLICATION_ID_DOC = "Kafka Streams application.id of the processing app: its consumer group and the prefix of its internal topics.";

    public static final String PROCESSING_STATE_DIR_CONFIG = "processing.state.dir";
    private static final String PROCESSING_STATE_DIR_DOC = "Kafka Streams state directory (RocksDB stores). Empty: <data.dir>/streams, or a temp dir.";

    public static final String PROCESSING_THREADS_CONFIG = "processing.threads";
    private static final String PROCESSING_THREADS_DOC = "Stream threads per processing instance. More instances with the same application id split the partitions.";

    public static final String ARTICLES_RETENTION_MS_CONFIG = "articles.retention.ms";
    private static final String ARTICLES_RETENTION_MS_DOC = "How long the articles step keeps an article, its reports and their digests after the article's last "
            + "version (default 30 days, by the records' time). Within it a report can be updated, corrected or withdrawn and a resend is "
            + "recognised; after it, a change refers to a report processing no longer knows and is dead-lettered.";
    public static final String DEDUP_HORIZON_MS_CONFIG = "dedup.horizon.ms";
    private static final String DEDUP_HORIZON_MS_DOC = "How far back a report is matched against earlier ones (default 72 h). Fingerprint stores keep this much history.";

    public static final String DEDUP_SIMILARITY_THRESHOLD_CONFIG = "dedup.similarity.threshold";
    private static final String DEDUP_SIMILARITY_THRESHOLD_DOC = "tf-idf cosine at or above which a NEW report joins an earlier story of its desk. "
            + "0.36 is the lowest with precision at least 0.95 on the tuning half of our labelled set (modules/processing/dedup-quality.md); lower merges more, higher splits more.";

    public static final String ENRICHMENT_GAZETTEER_PATH_CONFIG = "enrichment.gazetteer.path";
    private static final String ENRICHMENT_GAZETTEER_PATH_DOC = "Gazetteer the places step loads, as written by `newswire gazetteer import` from GeoNames dumps. "
            + "Empty: the extract built in (GeoNames cities500 for the region and the world's larger places, CC BY 4.0).";
    public static final String ENRICHMENT_PARTIES_PATH_CONFIG = "enrichment.parties.path";
    private static final String ENRICHMENT_PARTIES_PATH_DOC = "Alias table of parties and organisations the parties step loads (the built-in table's format). "
            + "Empty: the table built in.";
    public static final String ENRICHMENT_DEFAULT_TIME_ZONE_CONFIG = "enrichment.default.time.zone";
    private static final String ENRICHMENT_DEFAULT_TIME_ZONE_DOC = "IANA zone relative dates (today, yesterday) are read in when a report names no "
            + "timeZone of its own, or an unknown one.";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.STRING, "localhost:9092", Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, "http://localhost:8081", Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(AUTO_REGISTER_SCHEMAS_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM, AUTO_REGISTER_SCHEMAS_DOC)
            .define(TOPIC_REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) -1, Importance.MEDIUM, TOPIC_REPLICATION_FACTOR_DOC)
            .define(TOPIC_MIN_INSYNC_REPLICAS_CONFIG, Type.INT, -1, Importance.MEDIUM, TOPIC_MIN_INSYNC_REPLICAS_DOC)
            .define(DATA_DIR_CONFIG, Type.STRING, ".newswire", Importance.MEDIUM, DATA_DIR_DOC)
            .define(GATEWAY_HOST_CONFIG, Type.STRING, "127.0.0.1", Importance.MEDIUM, GATEWAY_HOST_DOC)
            .define(GATEWAY_PORT_CONFIG, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM, GATEWAY_PORT_DOC)
            .define(GATEWAY_ACK_TIMEOUT_MS_CONFIG, Type.LONG, 5_000L, Range.atLeast(1), Importance.MEDIUM, GATEWAY_ACK_TIMEOUT_MS_DOC)
            .define(GATEWAY_MAX_BODY_BYTES_CONFIG, Type.INT, 256 * 1024, Range.atLeast(1024), Importance.LOW, GATEWAY_MAX_BODY_BYTES_DOC)
            .define(GATEWAY_RATE_LIMIT_PER_MINUTE_CONFIG, Type.INT, 120, Range.atLeast(1), Importance.LOW, GATEWAY_RATE_LIMIT_PER_MINUTE_DOC)
            .define(GATEWAY_MAX_CONCURRENT_REQUESTS_CONFIG, Type.INT, 64, Range.atLeast(1), Importance.LOW, GATEWAY_MAX_CONCURRENT_REQUESTS_DOC)
            .define(GATEWAY_IDEMPOTENCY_WINDOW_MS_CONFIG, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(1), Importance.MEDIUM,
                    GATEWAY_IDEMPOTENCY_WINDOW_MS_DOC)
            .define(METRICS_PORT_CONFIG, Type.INT, 9464, Range.between(0, 65535), Importance.LOW, METRICS_PORT_DOC)
            .define(METRICS_HOST_CONFIG, Type.STRING, "127.0.0.1", Importance.LOW, METRICS_HOST_DOC)
            .define(PROCESSING_APPLICATION_ID_CONFIG, Type.STRING, "newswire-processing", Importance.MEDIUM, PROCESSING_APPLICATION_ID_DOC)
            .define(PROCESSING_STATE_DIR_CONFIG, Type.STRING, "", Importance.LOW, PROCESSING_STATE_DIR_DOC)
            .define(PROCESSING_THREADS_CONFIG, Type.INT, 1, Range.atLeast(1), Importance.LOW, PROCESSING_THREADS_DOC)
            .define(ARTICLES_RETENTION_MS_CONFIG, Type.LONG, Duration.ofDays(30).toMillis(), Range.atLeast(60_000), Importance.MEDIUM,
                    ARTICLES_RETENTION_MS_DOC)
            .define(DEDUP_HORIZON_MS_CONFIG, Type.LONG, Duration.ofHours(72).toMillis(), Range.atLeast(1), Importance.MEDIUM, DEDUP_HORIZON_MS_DOC)
            .define(DEDUP_SIMILARITY_THRESHOLD_CONFIG, Type.DOUBLE, 0.36, Range.between(0.0, 1.0), Importance.MEDIUM, DEDUP_SIMILARITY_THRESHOLD_DOC)
            .define(ENRICHMENT_GAZETTEER_PATH_CONFIG, Type.STRING, "", Importance.MEDIUM, ENRICHMENT_GAZETTEER_PATH_DOC)
            .define(ENRICHMENT_PARTIES_PATH_CONFIG, Type.STRING, "", Importance.LOW, ENRICHMENT_PARTIES_PATH_DOC)
            .define(ENRICHMENT_DEFAULT_TIME_ZONE_CONFIG, Type.STRING, "UTC", Importance.LOW, ENRICHMENT_DEFAULT_TIME_ZONE_DOC);

    // --- publisher: the newsroom API, ninjs and Atom (modules/publisher) ---
    public static final String PUBLISHER_HOST_CONFIG = "publisher.host";
    private static final String PUBLISHER_HOST_DOC = "Interface the publisher's newsroom API listens on.";
    public static final String PUBLISHER_PORT_CONFIG = "publisher.port";
    private static final String PUBLISHER_PORT_DOC = "Port of the publisher's newsroom API (HTTP); 0 picks a free port.";
    public static final String PUBLISHER_APPLICATION_ID_CONFIG = "publisher.application.id";
    private static final String PUBLISHER_APPLICATION_ID_DOC = "Names the publisher's Kafka clients (client.id prefix) and is the consumer group of its "
            + "group-consuming parts (webhook deliveries). The API's article view belongs to no group: every instance reads every "
            + "partition, so any instance answers any request without routing.";
    public static final String PUBLISHER_RETENTION_MS_CONFIG = "publisher.retention.ms";
    private static final String PUBLISHER_RETENTION_MS_DOC = "How long the publisher keeps an article after its latest version (default 30 days, the "
            + "retention of newswire.articles.updates.v1). At start it reads only this much of the topic; older articles are dropped "
            + "by a sweep every minute and are invisible to requests already, so memory follows one window of articles.";
    public static final String PUBLISHER_MAX_PAGE_SIZE_CONFIG = "publisher.max.page.size";
    private static final String PUBLISHER_MAX_PAGE_SIZE_DOC = "Largest `limit` a listing or feed accepts; more is a 400.";
    public static final String PUBLISHER_WEBHOOKS_ENABLED_CONFIG = "publisher.webhooks.enabled";
    private static final String PUBLISHER_WEBHOOKS_ENABLED_DOC = "Whether the publisher also delivers webhooks (publisher.webhooks.*) to the "
            + "subscribers of newswire.publisher.webhook-subscribers.v1. Off: it only serves the API and feeds (e.g. extra API replicas).";

    static {
        DEFINITION
                .define(PUBLISHER_HOST_CONFIG, Type.STRING, "127.0.0.1", Importance.MEDIUM, PUBLISHER_HOST_DOC)
                .define(PUBLISHER_PORT_CONFIG, Type.INT, 8090, Range.between(0, 65535), Importance.MEDIUM, PUBLISHER_PORT_DOC)
                .define(PUBLISHER_APPLICATION_ID_CONFIG, Type.STRING, "newswire-publisher", Importance.MEDIUM, PUBLISHER_APPLICATION_ID_DOC)
                .define(PUBLISHER_RETENTION_MS_CONFIG, Type.LONG, Duration.ofDays(30).toMillis(), Range.atLeast(60_000), Importance.MEDIUM,
                        PUBLISHER_RETENTION_MS_DOC)
                .define(PUBLISHER_MAX_PAGE_SIZE_CONFIG, Type.INT, 100, Range.between(1, 1000), Importance.LOW, PUBLISHER_MAX_PAGE_SIZE_DOC)
                .define(PUBLISHER_WEBHOOKS_ENABLED_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, PUBLISHER_WEBHOOKS_ENABLED_DOC);
    }
    // --- end publisher ---
    // ---- webhooks (issue 14, publisher webhooks): publisher.webhooks.* ----
    // Defined on DEFINITION here, in one block, rather than in the chain above, so parallel edits merge mechanically.

    public static final String WEBHOOKS_GROUP_ID_CONFIG = "publisher.webhooks.group.id";
    private static final String WEBHOOKS_GROUP_ID_DOC = "Consumer group of webhook delivery (newswire.articles.updates.v1); the retry tiers use "
            + "<group>-retry. Publisher instances with one group split the partitions; every instance serves every subscriber.";
    public static final String WEBHOOKS_CONNECT_TIMEOUT_MS_CONFIG = "publisher.webhooks.connect.timeout.ms";
    private static final String WEBHOOKS_CONNECT_TIMEOUT_MS_DOC = "Longest wait to connect to a subscriber.";
    public static final String WEBHOOKS_REQUEST_TIMEOUT_MS_CONFIG = "publisher.webhooks.request.timeout.ms";
    private static final String WEBHOOKS_REQUEST_TIMEOUT_MS_DOC = "Longest wait for a subscriber's answer to one POST; past it the attempt failed "
            + "(the receiver may still have it: the retry carries the same webhook-id).";
    public static final String WEBHOOKS_MAX_ATTEMPTS_CONFIG = "publisher.webhooks.max.attempts";
    private static final String WEBHOOKS_MAX_ATTEMPTS_DOC = "Attempts per version per subscriber before the delivery is parked on "
            + "newswire.publisher.webhook-parked.v1 with its reason.";
    public static final String WEBHOOKS_RETRY_BACKOFF_MS_CONFIG = "publisher.webhooks.retry.backoff.ms";
    private static final String WEBHOOKS_RETRY_BACKOFF_MS_DOC = "Delay of the first retry tier; tier n waits backoff * multiplier^(n-1). Attempt n "
            + "waits in tier min(n, 3), so the delays grow exponentially up to the third tier's.";
    public static final String WEBHOOKS_RETRY_BACKOFF_MULTIPLIER_CONFIG = "publisher.webhooks.retry.backoff.multiplier";
    private static final String WEBHOOKS_RETRY_BACKOFF_MULTIPLIER_DOC = "Growth of the delay from one retry tier to the next.";
    public static final String WEBHOOKS_AFTER_CRASH_CONFIG = "publisher.webhooks.after.crash";
    private static final String WEBHOOKS_AFTER_CRASH_DOC = "What a publisher does with a delivery another (dead) instance claimed but never "
            + "recorded an outcome for: 'park' (default; at most one delivery per version per subscriber, the uncertain one is parked "
            + "with the reason and can be replayed) or 'redeliver' (at least once; the repeat carries the same webhook-id).";
    public static final String WEBHOOKS_MAX_PENDING_CONFIG = "publisher.webhooks.max.pending";
    private static final String WEBHOOKS_MAX_PENDING_DOC = "Deliveries read but not yet settled (delivered, or handed to a retry tier) above which "
            + "the publisher stops reading article updates until they drain.";
    public static final String WEBHOOKS_BATCH_SIZE_CONFIG = "publisher.webhooks.batch.size";
    private static final String WEBHOOKS_BATCH_SIZE_DOC = "Deliveries one subscriber's lane claims in one ledger write before POSTing them in order: "
            + "larger is faster, and after a crash at most this many per subscriber are left uncertain.";

    private static final ConfigDef WEBHOOKS_DEFINED = DEFINITION
            .define(WEBHOOKS_GROUP_ID_CONFIG, Type.STRING, "newswire-webhooks", Importance.MEDIUM, WEBHOOKS_GROUP_ID_DOC)
            .define(WEBHOOKS_CONNECT_TIMEOUT_MS_CONFIG, Type.INT, 2_000, Range.atLeast(1), Importance.MEDIUM, WEBHOOKS_CONNECT_TIMEOUT_MS_DOC)
            .define(WEBHOOKS_REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 5_000, Range.atLeast(1), Importance.MEDIUM, WEBHOOKS_REQUEST_TIMEOUT_MS_DOC)
            .define(WEBHOOKS_MAX_ATTEMPTS_CONFIG, Type.INT, 6, Range.between(1, 100), Importance.MEDIUM, WEBHOOKS_MAX_ATTEMPTS_DOC)
            .define(WEBHOOKS_RETRY_BACKOFF_MS_CONFIG, Type.LONG, 1_000L, Range.atLeast(1), Importance.MEDIUM, WEBHOOKS_RETRY_BACKOFF_MS_DOC)
            .define(WEBHOOKS_RETRY_BACKOFF_MULTIPLIER_CONFIG, Type.DOUBLE, 5.0, Range.between(1.0, 100.0), Importance.LOW,
                    WEBHOOKS_RETRY_BACKOFF_MULTIPLIER_DOC)
            .define(WEBHOOKS_AFTER_CRASH_CONFIG, Type.STRING, "park", ConfigDef.ValidString.in("park", "redeliver"), Importance.MEDIUM,
                    WEBHOOKS_AFTER_CRASH_DOC)
            .define(WEBHOOKS_MAX_PENDING_CONFIG, Type.INT, 10_000, Range.atLeast(1), Importance.LOW, WEBHOOKS_MAX_PENDING_DOC)
            .define(WEBHOOKS_BATCH_SIZE_CONFIG, Type.INT, 32, Range.between(1, 1_000), Importance.LOW, WEBHOOKS_BATCH_SIZE_DOC);

    public Duration webhooksConnectTimeout() {
        return Duration.ofMillis(getInt(WEBHOOKS_CONNECT_TIMEOUT_MS_CONFIG));
    }

    public Duration webhooksRequestTimeout() {
        return Duration.ofMillis(getInt(WEBHOOKS_REQUEST_TIMEOUT_MS_CONFIG));
    }

    public Duration webhooksRetryBackoff() {
        return Duration.ofMillis(getLong(WEBHOOKS_RETRY_BACKOFF_MS_CONFIG));
    }

    /** True when an uncertain delivery left by a dead instance is sent again rather than parked. */
    public boolean webhooksRedeliverAfterCrash() {
        return "redeliver".equals(getString(WEBHOOKS_AFTER_CRASH_CONFIG));
    }

    // ---- end of webhooks ----
    // --- alerter (issue 15): keys, docs and definitions in one block, added to DEFINITION below ---
    public static final String ALERTER_APPLICATION_ID_CONFIG = "alerter.application.id";
    private static final String ALERTER_APPLICATION_ID_DOC = "Kafka Streams application.id of the alerter: its own consumer group (instances with one id split the "
            + "article partitions) and the prefix of its suppression store's changelog.";
    public static final String ALERTER_STATE_DIR_CONFIG = "alerter.state.dir";
    private static final String ALERTER_STATE_DIR_DOC = "State directory of the alerter's stores. Empty: <data.dir>/alerter-streams.";
    public static final String ALERTER_HOST_CONFIG = "alerter.host";
    private static final String ALERTER_HOST_DOC = "Interface the alerter's HTTP API (rules, SSE stream of alerts) listens on.";
    public static final String ALERTER_PORT_CONFIG = "alerter.port";
    private static final String ALERTER_PORT_DOC = "Port of the alerter's HTTP API (GET /v1/alerts/stream, /v1/alerts/rules); 0 picks a free port.";
    public static final String ALERTER_SUPPRESSION_WINDOW_MS_CONFIG = "alerter.suppression.window.ms";
    private static final String ALERTER_SUPPRESSION_WINDOW_MS_DOC = "After a rule alerts on a story, later versions of the story alert that rule again only when "
            + "they escalate (urgency rises, a correction, a withdrawal, a new corroborating correspondent if the rule asks), for this long "
            + "after its last alert (default 24 h, by the records' time). It is also the retention of the suppression store: a story quiet "
            + "for longer is forgotten, and its next match alerts as new.";
    public static final String ALERTER_QUIET_INTERVAL_MS_CONFIG = "alerter.health.quiet.interval.ms";
    private static final String ALERTER_QUIET_INTERVAL_MS_DOC = "A desk or correspondent that has filed before and files nothing for this long raises a "
            + "quiet health alert (default 6 h); a correspondent whose own history shows a longer usual gap gets 3 times that gap instead.";
    public static final String ALERTER_DEAD_LETTER_THRESHOLD_CONFIG = "alerter.health.dead.letter.threshold";
    private static final String ALERTER_DEAD_LETTER_THRESHOLD_DOC = "Dead letters of one stage and reason class within alerter.health.dead.letter.window.ms at which a spike "
            + "alert fires; it clears when the count falls below.";
    public static final String ALERTER_DEAD_LETTER_WINDOW_MS_CONFIG = "alerter.health.dead.letter.window.ms";
    private static final String ALERTER_DEAD_LETTER_WINDOW_MS_DOC = "Sliding window dead-letter spikes are counted over.";
    public static final String ALERTER_LAG_THRESHOLD_CONFIG = "alerter.health.lag.threshold";
    private static final String ALERTER_LAG_THRESHOLD_DOC = "Records a Newswire consumer group (a group id starting with 'newswire') may lag behind on its topics "
            + "before a lag alert fires; it clears when the lag falls below.";
    public static final String ALERTER_HEALTH_CHECK_INTERVAL_MS_CONFIG = "alerter.health.check.interval.ms";
    private static final String ALERTER_HEALTH_CHECK_INTERVAL_MS_DOC = "How often the alerter evaluates the health conditions (quiet, dead-letter spikes, lag).";
    public static final String ALERTER_GATEWAY_URLS_CONFIG = "alerter.gateway.urls";
    private static final String ALERTER_GATEWAY_URLS_DOC = "Base URLs of the gateways whose GET /ready the health watcher polls, comma-separated "
            + "(e.g. http://gateway-1:8080,http://gateway-2:8080). Empty: no gateway is watched; `dev` and `alert` on a dev stack fill in its gateway.";
    public static final String ALERTER_GATEWAY_POLL_INTERVAL_MS_CONFIG = "alerter.gateway.poll.interval.ms";
    private static final String ALERTER_GATEWAY_POLL_INTERVAL_MS_DOC = "How often each gateway's /ready is polled.";
    public static final String ALERTER_GATEWAY_UNAVAILABLE_MS_CONFIG = "alerter.gateway.unavailable.ms";
    private static final String ALERTER_GATEWAY_UNAVAILABLE_MS_DOC = "How long a gateway must answer /ready with anything but 2xx (503: Kafka or the "
            + "registry not answering, its state not loaded), or not answer at all, on every poll before a health alert fires; one normal answer clears it.";

    static {
        DEFINITION
                .define(ALERTER_APPLICATION_ID_CONFIG, Type.STRING, "newswire-alerter", Importance.MEDIUM, ALERTER_APPLICATION_ID_DOC)
                .define(ALERTER_STATE_DIR_CONFIG, Type.STRING, "", Importance.LOW, ALERTER_STATE_DIR_DOC)
                .define(ALERTER_HOST_CONFIG, Type.STRING, "127.0.0.1", Importance.MEDIUM, ALERTER_HOST_DOC)
                .define(ALERTER_PORT_CONFIG, Type.INT, 8091, Range.between(0, 65535), Importance.MEDIUM, ALERTER_PORT_DOC)
                .define(ALERTER_SUPPRESSION_WINDOW_MS_CONFIG, Type.LONG, Duration.ofHours(24).toMillis(), Range.atLeast(1_000), Importance.MEDIUM,
                        ALERTER_SUPPRESSION_WINDOW_MS_DOC)
                .define(ALERTER_QUIET_INTERVAL_MS_CONFIG, Type.LONG, Duration.ofHours(6).toMillis(), Range.atLeast(1_000), Importance.LOW,
                        ALERTER_QUIET_INTERVAL_MS_DOC)
                .define(ALERTER_DEAD_LETTER_THRESHOLD_CONFIG, Type.INT, 10, Range.atLeast(1), Importance.LOW, ALERTER_DEAD_LETTER_THRESHOLD_DOC)
                .define(ALERTER_DEAD_LETTER_WINDOW_MS_CONFIG, Type.LONG, Duration.ofMinutes(5).toMillis(), Range.atLeast(1_000), Importance.LOW,
                        ALERTER_DEAD_LETTER_WINDOW_MS_DOC)
                .define(ALERTER_LAG_THRESHOLD_CONFIG, Type.LONG, 1_000L, Range.atLeast(1), Importance.LOW, ALERTER_LAG_THRESHOLD_DOC)
                .define(ALERTER_HEALTH_CHECK_INTERVAL_MS_CONFIG, Type.LONG, Duration.ofSeconds(30).toMillis(), Range.atLeast(100), Importance.LOW,
                        ALERTER_HEALTH_CHECK_INTERVAL_MS_DOC)
                .define(ALERTER_GATEWAY_URLS_CONFIG, Type.LIST, "", Importance.MEDIUM, ALERTER_GATEWAY_URLS_DOC)
                .define(ALERTER_GATEWAY_POLL_INTERVAL_MS_CONFIG, Type.LONG, Duration.ofSeconds(10).toMillis(), Range.atLeast(100), Importance.LOW,
                        ALERTER_GATEWAY_POLL_INTERVAL_MS_DOC)
                .define(ALERTER_GATEWAY_UNAVAILABLE_MS_CONFIG, Type.LONG, Duration.ofMinutes(1).toMillis(), Range.atLeast(0), Importance.LOW,
                        ALERTER_GATEWAY_UNAVAILABLE_MS_DOC);
    }
    // --- end alerter ---

    // --- dashboard: the newsroom's live wire in the browser (modules/dashboard) ---
    public static final String DASHBOARD_HOST_CONFIG = "dashboard.host";
    private static final String DASHBOARD_HOST_DOC = "Interface the newsroom dashboard listens on.";
    public static final String DASHBOARD_PORT_CONFIG = "dashboard.port";
    private static final String DASHBOARD_PORT_DOC = "Port of the newsroom dashboard (HTTP: pages, /api, the live SSE stream); 0 picks a free port.";
    public static final String DASHBOARD_APPLICATION_ID_CONFIG = "dashboard.application.id";
    private static final String DASHBOARD_APPLICATION_ID_DOC = "Names the dashboard's Kafka clients (client.id prefix). It belongs to no consumer "
            + "group: every instance reads every partition of the article and alert topics, so any instance serves any editor.";
    public static final String DASHBOARD_RETENTION_MS_CONFIG = "dashboard.retention.ms";
    private static final String DASHBOARD_RETENTION_MS_DOC = "How long the dashboard keeps an article after its latest version (default 3 days). At "
            + "start it reads only this much of newswire.articles.updates.v1; older articles leave the wire (the publisher's API keeps "
            + "them longer), so memory follows one window.";
    public static final String DASHBOARD_SESSION_SECRET_CONFIG = "dashboard.session.secret";
    private static final String DASHBOARD_SESSION_SECRET_DOC = "Secret that signs login sessions (HMAC-SHA256), at least 32 characters. Give every "
            + "dashboard instance behind one load balancer the same secret so a session works on any of them. Empty (the default): a "
            + "random secret per process, so sessions end when it restarts.";
    public static final String DASHBOARD_SESSION_TTL_MS_CONFIG = "dashboard.session.ttl.ms";
    private static final String DASHBOARD_SESSION_TTL_MS_DOC = "How long a login lasts (default 12 h, one shift). A removed API key ends its sessions "
            + "at once, whatever their age.";

    static {
        DEFINITION
                .define(DASHBOARD_HOST_CONFIG, Type.STRING, "127.0.0.1", Importance.MEDIUM, DASHBOARD_HOST_DOC)
                .define(DASHBOARD_PORT_CONFIG, Type.INT, 8092, Range.between(0, 65535), Importance.MEDIUM, DASHBOARD_PORT_DOC)
                .define(DASHBOARD_APPLICATION_ID_CONFIG, Type.STRING, "newswire-dashboard", Importance.LOW, DASHBOARD_APPLICATION_ID_DOC)
                .define(DASHBOARD_RETENTION_MS_CONFIG, Type.LONG, Duration.ofDays(3).toMillis(), Range.atLeast(60_000), Importance.MEDIUM,
                        DASHBOARD_RETENTION_MS_DOC)
                .define(DASHBOARD_SESSION_SECRET_CONFIG, Type.PASSWORD, "", Importance.MEDIUM, DASHBOARD_SESSION_SECRET_DOC)
                .define(DASHBOARD_SESSION_TTL_MS_CONFIG, Type.LONG, Duration.ofHours(12).toMillis(), Range.atLeast(60_000), Importance.LOW,
                        DASHBOARD_SESSION_TTL_MS_DOC);
    }
    // --- end dashboard ---

    public NewswireConfig(final Map<String, ?> values) {
        super(DEFINITION, values, false);
    }

    /** The declared keys, for documentation (`newswire config` prints them). */
    public static ConfigDef definition() {
        return DEFINITION;
    }

    /**
     * Reads the settings from, lowest precedence first: defaults, a properties file, the environment, overrides.
     *
     * @param file      a properties file. May be null.
     * @param env       environment variables (usually {@code System.getenv()}); only {@code NEWSWIRE_*} are read
     * @param overrides values from the command line; win over everything else
     */
    public static NewswireConfig load(final Path file, final Map<String, String> env, final Map<String, ?> overrides) {
        final Map<String, Object> values = new HashMap<>();
        if (file != null) {
            values.putAll(readProperties(file));
        }
        values.putAll(fromEnvironment(env));
        values.putAll(overrides);
        return new NewswireConfig(values);
    }

    /** {@code NEWSWIRE_GATEWAY_PORT=9000} becomes {@code gateway.port=9000}; {@code NEWSWIRE_KAFKA_SASL_MECHANISM} a {@code kafka.sasl.mechanism}. */
    static Map<String, String> fromEnvironment(final Map<String, String> env) {
        final Map<String, String> values = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                values.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return values;
    }

    private static Map<String, String> readProperties(final Path file) {
        final Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        final Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** Settings every Kafka client shares: bootstrap servers plus every {@code kafka.*} passthrough (security, client.rack ...). */
    public Map<String, Object> kafkaCommon() {
        final Map<String, Object> common = new HashMap<>(originalsWithPrefix(KAFKA_PASSTHROUGH_PREFIX, true));
        common.put(BOOTSTRAP_SERVERS_CONFIG, getString(BOOTSTRAP_SERVERS_CONFIG));
        return common;
    }

    /** Settings of the schema registry client and serdes, under Confluent's names. */
    public Map<String, Object> serdeConfig() {
        final Map<String, Object> serde = new HashMap<>(originalsWithPrefix("schema.registry.", false));
        serde.putAll(originalsWithPrefix("basic.auth.", false));
        serde.put(SCHEMA_REGISTRY_URL_CONFIG, getString(SCHEMA_REGISTRY_URL_CONFIG));
        serde.put(AUTO_REGISTER_SCHEMAS_CONFIG, getBoolean(AUTO_REGISTER_SCHEMAS_CONFIG));
        return serde;
    }

    public String bootstrapServers() {
        return getString(BOOTSTRAP_SERVERS_CONFIG);
    }

    public Path dataDir() {
        return Path.of(getString(DATA_DIR_CONFIG));
    }

    public Duration articlesRetention() {
        return Duration.ofMillis(getLong(ARTICLES_RETENTION_MS_CONFIG));
    }

    public Duration dedupHorizon() {
        return Duration.ofMillis(getLong(DEDUP_HORIZON_MS_CONFIG));
    }

    public Duration gatewayIdempotencyWindow() {
        return Duration.ofMillis(getLong(GATEWAY_IDEMPOTENCY_WINDOW_MS_CONFIG));
    }

    /** A copy with some values replaced: how `dev` points every component at the embedded stack. */
    public NewswireConfig with(final Map<String, ?> replacements) {
        final Map<String, Object> values = new HashMap<>(originals());
        values.putAll(replacements);
        return new NewswireConfig(values);
    }
}
