package io.newswire.model.topics;

import io.newswire.model.Alert;
import io.newswire.model.AlertRule;
import io.newswire.model.ApiKey;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentCredential;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.DeadLetter;
import io.newswire.model.EnrichedReport;
import io.newswire.model.ReportStatus;
import io.newswire.model.WebhookDelivery;
import io.newswire.model.WebhookDeliveryState;
import io.newswire.model.WebhookSubscriber;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of Newswire's topics, in the order a report travels through them. Code never spells a
 * topic name itself: it reads {@code Topics.REPORTS.name()}.
 */
public final class Topics {

    private static final String THIRTY_DAYS_MS = Long.toString(30L * 24 * 60 * 60 * 1000);

    /** Reports as filed, written by the gateway only after validation. */
    public static final TopicSpec REPORTS = new TopicSpec("newswire.reports.v1", 6,
            Map.of("retention.ms", THIRTY_DAYS_MS), CorrespondentReport.class,
            "report id", "Correspondent reports as accepted by the gateway (acks=all, idempotent producer).");

    /** Valid reports with their matching forms and enrichment. */
    public static final TopicSpec REPORTS_ENRICHED = new TopicSpec("newswire.reports.enriched.v1", 6,
            Map.of("retention.ms", THIRTY_DAYS_MS), EnrichedReport.class,
            "report id", "Validated, normalised and enriched reports.");

    /** Every article version, in order per article. */
    public static final TopicSpec ARTICLE_UPDATES = new TopicSpec("newswire.articles.updates.v1", 6,
            Map.of("retention.ms", THIRTY_DAYS_MS), ArticleUpdate.class,
            "article id", "Every version of every article: NEW, UPDATE, CORRECTION, WITHDRAWAL.");

    /** Latest state per article; compacted, so a new consumer can load the current newsroom state. */
    public static final TopicSpec ARTICLES = new TopicSpec("newswire.articles.v1", 6,
            Map.of("cleanup.policy", "compact"), ArticleUpdate.class,
            "article id", "Latest version of each article (compacted).");

    /** What became of each report; the gateway's status endpoint reads it. */
    public static final TopicSpec REPORT_STATUS = new TopicSpec("newswire.reports.status.v1", 6,
            Map.of("cleanup.policy", "compact"), ReportStatus.class,
            "report id", "Latest processing state of each report (compacted).");

    /** Correspondent credentials, hashed; one partition so every gateway reads all of them in order. */
    public static final TopicSpec CORRESPONDENTS = new TopicSpec("newswire.correspondents.v1", 1,
            Map.of("cleanup.policy", "compact"), CorrespondentCredential.class,
            "correspondent id", "Correspondent credentials (token hashes only), compacted.");

    /** Alerts raised by rules on article versions. */
    public static final TopicSpec ALERTS = new TopicSpec("newswire.alerts.v1", 3,
            Map.of("retention.ms", THIRTY_DAYS_MS), Alert.class,
            "alert id", "Alerts raised on article versions by urgency, watch-list and place rules.");

    // --- alerter (issue 15) ---
    /**
     * The desks' alert rules, editable at runtime ({@code newswire alerts rules add|list|remove}, or the alerter's
     * HTTP API); every alerter instance follows the whole topic. Compacted; a tombstone removes a rule.
     */
    public static final TopicSpec ALERT_RULES = new TopicSpec("newswire.alerts.rules.v1", 1,
            Map.of("cleanup.policy", "compact"), AlertRule.class,
            "rule id", "Alert rules of the desks (compacted; a tombstone removes a rule).");
    // --- end alerter ---

    /** Records that could not be processed, with their original bytes and the reason. */
    public static final TopicSpec DEAD_LETTERS = new TopicSpec("newswire.dlq.v1", 3,
            Map.of("retention.ms", THIRTY_DAYS_MS), DeadLetter.class,
            "original key or report id", "Dead letters: the original bytes, where they came from, and why they failed.");

    // --- publisher ---
    /** Publisher API keys (newsroom staff, partners), hashed; one partition so every publisher reads all in order. */
    public static final TopicSpec API_KEYS = new TopicSpec("newswire.publisher.api-keys.v1", 1,
            Map.of("cleanup.policy", "compact"), ApiKey.class,
            "key id", "Publisher API keys of newsroom staff and partners (key hashes only), compacted.");
    // --- end publisher ---

    // ---- webhooks (issue 14, publisher webhooks): subscribers, delivery ledger, retry tiers, parking ----

    /** Webhook subscribers (URL, filter, signing secret); one partition, compacted, so every publisher reads all in order. */
    public static final TopicSpec WEBHOOK_SUBSCRIBERS = new TopicSpec("newswire.publisher.webhook-subscribers.v1", 1,
            Map.of("cleanup.policy", "compact"), WebhookSubscriber.class,
            "subscriber id", "Webhook subscribers of the publisher (compacted; removal is a tombstone).");

    /**
     * The delivery ledger: the latest state of each version's delivery to each subscriber, written before and after
     * each POST. Compacted, and deleted after the article updates' own retention, past which nothing can be replayed.
     */
    public static final TopicSpec WEBHOOK_DELIVERIES = new TopicSpec("newswire.publisher.webhook-deliveries.v1", 6,
            Map.of("cleanup.policy", "compact,delete", "retention.ms", THIRTY_DAYS_MS), WebhookDeliveryState.class,
            "idempotency key", "Publisher's webhook ledger: claimed, delivered, failed or parked, per version per subscriber.");

    /** Retry tiers: every record of a tier waits the same delay, so a partition's head is always the next one due. */
    public static final TopicSpec WEBHOOK_RETRY_1 = webhookRetryTier(1);
    public static final TopicSpec WEBHOOK_RETRY_2 = webhookRetryTier(2);
    public static final TopicSpec WEBHOOK_RETRY_3 = webhookRetryTier(3);

    /** Deliveries that failed their last attempt, with the reason; `newswire subscribers replay` sends them again. */
    public static final TopicSpec WEBHOOK_PARKED = new TopicSpec("newswire.publisher.webhook-parked.v1", 3,
            Map.of("retention.ms", THIRTY_DAYS_MS), WebhookDelivery.class,
            "subscriber id", "Webhook deliveries parked after their last attempt, with the reason; replayable.");

    /** The retry tiers in order: attempt n waits in tier min(n, 3). */
    public static final List<TopicSpec> WEBHOOK_RETRY_TIERS = List.of(WEBHOOK_RETRY_1, WEBHOOK_RETRY_2, WEBHOOK_RETRY_3);

    private static final List<TopicSpec> WEBHOOKS = List.of(WEBHOOK_SUBSCRIBERS, WEBHOOK_DELIVERIES, WEBHOOK_RETRY_1,
            WEBHOOK_RETRY_2, WEBHOOK_RETRY_3, WEBHOOK_PARKED);

    private static TopicSpec webhookRetryTier(final int tier) {
        return new TopicSpec("newswire.publisher.webhook-retry-" + tier + ".v1", 3,
                Map.of("retention.ms", Long.toString(7L * 24 * 60 * 60 * 1000)), WebhookDelivery.class,
                "subscriber id", "Webhook deliveries waiting for retry tier " + tier + ".");
    }

    // ---- end of webhooks ----

    private static final List<TopicSpec> ALL = java.util.stream.Stream.concat(List.of(REPORTS, REPORTS_ENRICHED, ARTICLE_UPDATES, ARTICLES,
            REPORT_STATUS, CORRESPONDENTS, ALERTS, ALERT_RULES, DEAD_LETTERS,
            API_KEYS).stream(), WEBHOOKS.stream()).toList();

    /**
     * The desk each report the articles step knows was decided in (a plain UTF-8 string), read back by every
     * processing instance as a global table, so a change filed under another desk reaches its article. Compacted;
     * a report's entry is deleted (tombstone) when the articles step forgets it, so it holds articles.retention.ms.
     */
    public static final TopicSpec REPORT_DESKS = new TopicSpec("newswire.processing.report-desks.v1", 6,
            Map.of("cleanup.policy", "compact"), String.class,
            "report id", "Processing's own: the desk each known report lives in (compacted, string values).");

    /** Reports the articles step hands to the desk their reference lives in, keyed by that desk. */
    public static final TopicSpec REROUTES = new TopicSpec("newswire.processing.reroutes.v1", 3,
            Map.of("retention.ms", THIRTY_DAYS_MS), EnrichedReport.class,
            "desk", "Processing's own: reports sent on to the desk of the report they refer to.");

    private static final List<TopicSpec> PROCESSING = List.of(REPORT_DESKS, REROUTES);

    // --- ops (issue 17) ---
    /**
     * One record per dead letter replayed by {@code newswire dlq replay} (who, when, which dead letter, where to), as a
     * JSON string keyed by the dead letter's id ({@code partition:offset} on {@link #DEAD_LETTERS}): the audit of
     * replays, and what keeps a filter replay from sending one dead letter twice. Kept as long as the dead letters.
     */
    public static final TopicSpec DLQ_REPLAYS = new TopicSpec("newswire.dlq.replays.v1", 1,
            Map.of("retention.ms", THIRTY_DAYS_MS), String.class,
            "dead letter id (partition:offset)", "Ops' own: each replay of a dead letter (who, when, which; JSON string values).");

    private static final List<TopicSpec> OPS = List.of(DLQ_REPLAYS);
    // --- end ops ---

    private Topics() {
    }

    /** Every topic, in the order a report travels. */
    public static List<TopicSpec> all() {
        return ALL;
    }

    /** Every topic to create: the public ones, processing's own and ops' own. */
    public static List<TopicSpec> everything() {
        return java.util.stream.Stream.of(ALL, PROCESSING, OPS).flatMap(List::stream).toList();
    }

    /** Topics only processing writes and reads (no public schema subject of their own). */
    public static List<TopicSpec> processing() {
        return PROCESSING;
    }

    /** The topic of that name, if Newswire owns it. */
    public static Optional<TopicSpec> byName(final String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
