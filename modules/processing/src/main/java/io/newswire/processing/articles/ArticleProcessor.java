package io.newswire.processing.articles;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.DeadLetter;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.EnrichedReport;
import io.newswire.model.PubStatus;
import io.newswire.model.ReportKind;
import io.newswire.model.ReportState;
import io.newswire.model.RecordOrigin;
import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.processing.ProcessingMetrics;
import io.newswire.processing.dedup.DedupSettings;
import io.newswire.processing.dedup.NearDuplicateDetector;
import io.newswire.processing.dedup.StoryMatcher;
import io.newswire.processing.dedup.TermVector;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.processing.validate.InvalidReportException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns reports into article versions. Runs on the stream re-keyed by desk, so every report of a desk is
 * handled in order by one task: references and duplicates within a desk resolve deterministically.
 *
 * <p>In: {@link EnrichedReport}s keyed by desk. Out (split to their topics by the topology): {@link ArticleUpdate}s
 * keyed by article id; {@link ReportStatus}es, {@link DeadLetter}s and {@link ReportDesk}s keyed by report id;
 * {@link EnrichedReport}s keyed by another desk, for a waiting change whose report was decided there.
 * <ul>
 *   <li>the same report id again: a retry; nothing is emitted (a different digest under that id is dead-lettered)</li>
 *   <li>the same matching text under another id: recorded as DUPLICATE of the first, no new version</li>
 *   <li>UPDATE / CORRECTION / WITHDRAWAL of the correspondent's own report: the next version of its article</li>
 *   <li>NEW matching an earlier report of the desk within the horizon ({@link NearDuplicateDetector}): the next
 *       version of that article (corroboration, or a re-file by the same correspondent)</li>
 *   <li>NEW otherwise: version 1 of a new article</li>
 *   <li>a change of another correspondent's report, of a withdrawn or forgotten article, or a resubmitted id with
 *       other content: a dead letter with the report's origin on newswire.reports.v1, and a DEAD_LETTERED status</li>
 * </ul>
 *
 * <p>Retention: an article and its reports (those it cites and the resends recorded as its duplicates) are deleted
 * {@code articles.retention.ms} after its last version ({@link StoreRetention}, one index entry per article; which
 * reports an article has and which report has a text are derived from the reports store: {@link ReportIndex}); a
 * waiting reference is dead-lettered after {@link #MAX_WAIT}, measured
 * in the records' time ({@link RecordTimeClock}).
 */
public final class ArticleProcessor implements Processor<String, EnrichedReport, String, Object> {

    public static final String REPORTS_STORE = "article-reports";
    public static final String ARTICLES_STORE = "articles";
    public static final String PENDING_STORE = "article-pending-references";
    /** When each article was last versioned, to delete it and its reports after the retention. */
    public static final String RETENTION_STORE = "article-retention";
    /** Default of articles.retention.ms: how long an article, its reports and digests are kept after last use. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private static final int PURGE_LIMIT = 10_000;
    /** How long a report waits for the report it refers to before it is dead-lettered. */
    public static final Duration MAX_WAIT = Duration.ofMinutes(30);
    private static final Duration EXPIRY_CHECK = Duration.ofSeconds(10);

    private final MatchingTextNormalizer normalizer;
    private final StoryMatcher stories;
    private final RecordTimeClock waitClock = new RecordTimeClock();
    private final long retentionMillis;
    private final int deskPartitions;
    private StoreRetention retention;
    private KeyValueStore<String, ValueAndTimestamp<String>> reportDesks;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ReportMemory> reports;
    private KeyValueStore<String, EnrichedReport> pending;
    private ReportIndex reportIndex;
    private KeyValueStore<String, ArticleUpdate> articles;
    private ProcessingMetrics meters;

    /** Every store this processor uses: its own and dedup's. */
    public static String[] stores() {
        final List<String> names = new ArrayList<>(List.of(REPORTS_STORE, ARTICLES_STORE, PENDING_STORE, RETENTION_STORE));
        names.addAll(List.of(StoryMatcher.STORES));
        return names.toArray(String[]::new);
    }

    /**
     * @param retention how long after an article's last version it, its reports and their digests are kept: within
     *                  it a report can be updated, corrected or withdrawn, and a resend is recognised
     */
    public ArticleProcessor(final MatchingTextNormalizer normalizer, final DedupSettings dedup, final Duration retention,
                            final int deskPartitions) {
        this.normalizer = normalizer;
        this.deskPartitions = deskPartitions;
        this.stories = new StoryMatcher(dedup);
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void init(final ProcessorContext<String, Object> context) {
        this.context = context;
        this.meters = ProcessingMetrics.from(context.appConfigs());
        stories.init(context);
        this.reports = context.getStateStore(REPORTS_STORE);
        this.pending = context.getStateStore(PENDING_STORE);
        // checked often (the scan covers only waiting reports); how long each has waited is measured by waitClock
        context.schedule(EXPIRY_CHECK, PunctuationType.WALL_CLOCK_TIME, this::expireWaiting);
        this.articles = context.getStateStore(ARTICLES_STORE);
        this.reportDesks = context.getStateStore(DeskRouter.REPORT_DESKS_STORE);
        this.reportIndex = new ReportIndex(reports, this::deskOf);
        this.retention = new StoreRetention(context.getStateStore(RETENTION_STORE), Map.of("a", articles), (store, key, time) -> {
            for (final String reportId : reportIndex.forgetArticle(key)) {
                // forgotten here, so forgotten in the report-desks table too
                context.forward(new Record<>(reportId, new ReportDesk(reportId, null), time));
            }
        });
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, wall -> {
            final long now = waitClock.now(wall);
            if (now >= 0) {
                retention.purgeBefore(now - retentionMillis, PURGE_LIMIT);
            }
        });
    }

    @Override
    public void process(final Record<String, EnrichedReport> record) {
        waitClock.observe(record.timestamp(), System.currentTimeMillis());
        meters.processed(ProcessingMetrics.Step.ARTICLES);
        if (decideOrDeadLetter(record)) {
            releaseWaitingFor(record);
        }
    }

    /**
     * Decides a report; one this step must refuse (a change to another correspondent's report or to a withdrawn
     * article, an id resubmitted with other content) becomes a dead letter keyed by its report id, with a
     * DEAD_LETTERED status, like a report refused earlier in the pipeline.
     *
     * @return whether it was decided (only then can reports waiting for it go ahead)
     */
    private boolean decideOrDeadLetter(final Record<String, EnrichedReport> record) {
        try {
            decide(record);
            return true;
        } catch (final InvalidReportException e) {
            meters.decided(ProcessingMetrics.Outcome.REFUSED);
            deadLetter(record.value(), record.timestamp(), e.stage(), e.code(), e.getMessage());
            return false;
        }
    }

    /**
     * Reports that referred to a report not yet seen wait in a store (the reference can arrive later: offline
     * queues, several gateways, reports of one story on different source partitions). Each report decided here may
     * unblock some; they are decided now, in turn. A waiting entry is deleted only once its report is decided or
     * dead-lettered, so a failure in between leaves it waiting (the transaction aborts) instead of losing it.
     */
    private void releaseWaitingFor(final Record<String, EnrichedReport> trigger) {
        final Deque<String> decided = new ArrayDeque<>(List.of(trigger.value().getReport().getReportId().toString()));
        while (!decided.isEmpty()) {
            final String decidedId = decided.poll();
            final List<KeyValue<String, EnrichedReport>> ready = new ArrayList<>();
            try (KeyValueIterator<String, EnrichedReport> waiting = pending.prefixScan(decidedId + "|", new StringSerializer())) {
                waiting.forEachRemaining(ready::add);
            }
            for (final KeyValue<String, EnrichedReport> entry : ready) {
                final Record<String, EnrichedReport> released = new Record<>(trigger.key(), entry.value, trigger.timestamp());
                try {
                    if (decideOrDeadLetter(released)) {
                        decided.add(entry.value.getReport().getReportId().toString());
                    }
                } catch (final KafkaException e) {
                    throw e; // the store or the producer failed: the transaction aborts and the entry is still there
                } catch (final RuntimeException e) {
                    // a fault in deciding this one report must not lose it, nor block the reports after it
                    deadLetter(entry.value, trigger.timestamp(), "articles", e.getClass().getName(),
                            "deciding it after report " + decidedId + " arrived failed: " + e);
                }
                pending.delete(entry.key);
            }
        }
    }

    /** Reports that waited longer than the limit for the report they refer to are dead-lettered, not kept forever. */
    private void expireWaiting(final long wallClockMillis) {
        final long now = waitClock.now(wallClockMillis);
        if (now < 0) {
            return; // no record seen since start: no time to measure waiting in yet
        }
        final List<KeyValue<String, EnrichedReport>> expired = new ArrayList<>();
        final List<KeyValue<String, String>> elsewhere = new ArrayList<>();
        try (KeyValueIterator<String, EnrichedReport> all = pending.all()) {
            all.forEachRemaining(entry -> {
                final String referenceDesk = deskOf(entry.value.getReport().getRefersTo().toString());
                if (referenceDesk != null && DeskRouter.partitionOf(referenceDesk, deskPartitions) != context.taskId().partition()) {
                    elsewhere.add(KeyValue.pair(entry.key, referenceDesk));
                } else if (entry.value.getReport().getReceivedAt().toEpochMilli() < now - MAX_WAIT.toMillis()) {
                    expired.add(entry);
                }
            });
        }
        for (final KeyValue<String, String> entry : elsewhere) {
            // its reference was decided in another desk's task (a desk change): send it there instead of waiting here
            context.forward(new Record<>(entry.value, pending.get(entry.key), now));
            pending.delete(entry.key);
        }
        for (final KeyValue<String, EnrichedReport> entry : expired) {
            final CorrespondentReport report = entry.value.getReport();
            deadLetter(entry.value, now, "articles", "unknown-reference", report.getKind() + " refers to report " + report.getRefersTo()
                    + ", which did not arrive within " + MAX_WAIT.toMinutes() + " minutes (measured in the records' time), or is older than the "
                    + Duration.ofMillis(retentionMillis).toDays() + "-day retention");
            pending.delete(entry.key);
        }
    }

    private String deskOf(final String reportId) {
        final ValueAndTimestamp<String> desk = reportDesks.get(reportId);
        return desk == null ? null : desk.value();
    }

    /** A dead letter keyed by the report id, pointing at the report's record on newswire.reports.v1, and its status. */
    private void deadLetter(final EnrichedReport enriched, final long timestamp, final String stage, final String code, final String reason) {
        final CorrespondentReport report = enriched.getReport();
        final String reportId = report.getReportId().toString();
        final RecordOrigin origin = enriched.getOrigin();
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        meters.deadLettered(stage, code);
        context.forward(new Record<>(reportId, DeadLetter.newBuilder()
                .setOriginalTopic(origin == null ? Topics.REPORTS.name() : origin.getTopic())
                .setOriginalPartition(origin == null ? -1 : origin.getPartition())
                .setOriginalOffset(origin == null ? -1 : origin.getOffset())
                .setOriginalKey(ByteBuffer.wrap(reportId.getBytes(StandardCharsets.UTF_8)))
                .setReportId(reportId).setStage(stage).setErrorClass(code).setReason(reason).setFailedAt(now).build(), timestamp));
        context.forward(new Record<>(reportId, ReportStatus.newBuilder()
                .setReportId(report.getReportId()).setState(ReportState.DEAD_LETTERED).setReason(stage + ": " + reason)
                .setUpdatedAt(now).build(), timestamp));
    }

    private void decide(final Record<String, EnrichedReport> record) {
        final EnrichedReport enriched = record.value();
        final CorrespondentReport report = enriched.getReport();
        final String reportId = report.getReportId().toString();
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        final ReportMemory seen = reports.get(reportId);
        if (seen != null) {
            if (!seen.contentDigest().equals(report.getContentDigest())) {
                throw new InvalidReportException("conflicting-resubmission", "articles",
                        "report " + reportId + " was processed before with other content");
            }
            meters.decided(ProcessingMetrics.Outcome.RETRY);
            return; // a retry of a report already processed: exactly once means nothing new
        }
        final String matchingDigest = matchingDigest(enriched);
        if (report.getKind() == ReportKind.NEW) {
            final ReportMemory original = reportIndex.withText(record.key(), matchingDigest);
            if (original != null) {
                recordDuplicate(record, report, original, matchingDigest, now);
                return;
            }
            final TermVector terms = dedupTerms(enriched);
            final long receivedAt = report.getReceivedAt().toEpochMilli();
            final Optional<NearDuplicateDetector.Match> match = stories.findMatch(record.key(), terms, receivedAt);
            final ArticleUpdate current = match.map(m -> articles.get(m.matched().articleId())).orElse(null);
            final ArticleUpdate next;
            if (current == null || current.getPubStatus() == PubStatus.CANCELED) {
                next = ArticleVersioner.start(report, enriched.getEnrichment(), now);
            } else {
                final NearDuplicateDetector.Match m = match.get();
                final UUID matchedReport = UUID.fromString(m.matched().reportId());
                next = m.matched().correspondentId().equals(report.getCorrespondentId())
                        ? ArticleVersioner.refile(current, report, enriched.getEnrichment(), matchedReport, m.similarity(), m.method(), now)
                        : ArticleVersioner.corroborate(current, report, matchedReport, m.similarity(), m.method(), now);
            }
            stories.remember(record.key(), reportId, next.getArticleId().toString(), report.getCorrespondentId(), terms, receivedAt);
            remember(record, report, next.getArticleId(), matchingDigest);
            emit(record, next, now);
            return;
        }
        final ReportMemory referenced = reports.get(report.getRefersTo().toString());
        if (referenced == null) {
            // not seen yet: wait for it (released in releaseWaitingFor, dead-lettered after MAX_WAIT)
            pending.put(report.getRefersTo() + "|" + reportId, enriched);
            meters.decided(ProcessingMetrics.Outcome.WAITING);
            context.forward(record.withKey(reportId).withValue(ReportStatus.newBuilder()
                    .setReportId(report.getReportId()).setState(ReportState.ACCEPTED)
                    .setReason("waiting for report " + report.getRefersTo() + ", which this desk (" + record.key() + ") has not received yet")
                    .setUpdatedAt(now).build()));
            return;
        }
        if (!referenced.correspondentId().equals(report.getCorrespondentId())) {
            throw new InvalidReportException("not-own-report", "articles", report.getKind() + " " + reportId + " by "
                    + report.getCorrespondentId() + " refers to report " + report.getRefersTo() + " filed by another correspondent");
        }
        final ArticleUpdate current = articles.get(referenced.articleId());
        if (current == null) {
            // (a report and its article are forgotten together; a report remembered before that, longer than its article)
            throw new InvalidReportException("article-expired", "articles", "article " + referenced.articleId()
                    + " is older than the retention; " + report.getKind() + " " + reportId + " cannot change it");
        }
        if (current.getPubStatus() == PubStatus.CANCELED) {
            throw new InvalidReportException("article-withdrawn", "articles", "article " + current.getArticleId()
                    + " was withdrawn; " + report.getKind() + " " + reportId + " cannot change it");
        }
        final ArticleUpdate next = ArticleVersioner.revise(current, report, enriched.getEnrichment(), now);
        remember(record, report, next.getArticleId(), matchingDigest);
        emit(record, next, now);
    }

    private void recordDuplicate(final Record<String, EnrichedReport> record, final CorrespondentReport report, final ReportMemory original,
                                 final String matchingDigest, final Instant now) {
        meters.decided(ProcessingMetrics.Outcome.DUPLICATE);
        final ReportMemory memory = new ReportMemory(report.getReportId().toString(), original.articleId(),
                report.getCorrespondentId(), report.getContentDigest(), matchingDigest, report.getReceivedAt().toEpochMilli(), record.key());
        reports.put(memory.reportId(), memory);
        reportIndex.add(memory);
        retention.touch("a", original.articleId(), record.timestamp());
        context.forward(new Record<>(report.getReportId().toString(), new ReportDesk(report.getReportId().toString(), record.key()),
                record.timestamp()));
        context.forward(record.withKey(report.getReportId().toString()).withValue(ReportStatus.newBuilder()
                .setReportId(report.getReportId()).setState(ReportState.DUPLICATE)
                .setArticleId(UUID.fromString(original.articleId())).setDuplicateOf(UUID.fromString(original.reportId()))
                .setReason("same text as report " + original.reportId() + " (matching form identical)")
                .setUpdatedAt(now).build()));
    }

    private void remember(final Record<String, EnrichedReport> record, final CorrespondentReport report, final UUID articleId,
                          final String matchingDigest) {
        final String reportId = report.getReportId().toString();
        final ReportMemory memory = new ReportMemory(reportId, articleId.toString(), report.getCorrespondentId(), report.getContentDigest(),
                matchingDigest, report.getReceivedAt().toEpochMilli(), record.key());
        reports.put(reportId, memory);
        reportIndex.add(memory);
        context.forward(new Record<>(reportId, new ReportDesk(reportId, record.key()), record.timestamp()));
    }

    private void emit(final Record<String, EnrichedReport> record, final ArticleUpdate version, final Instant now) {
        articles.put(version.getArticleId().toString(), version);
        meters.versioned(record.value().getReport().getKind(), version);
        keepAlive(record, version);
        context.forward(record.withKey(version.getArticleId().toString()).withValue(version));
        context.forward(record.withKey(version.getTriggeringReportId().toString()).withValue(ReportStatus.newBuilder()
                .setReportId(version.getTriggeringReportId()).setState(ReportState.PROCESSED)
                .setArticleId(version.getArticleId()).setArticleVersion(version.getVersion()).setUpdatedAt(now).build()));
    }

    /**
     * An article in use keeps what it is made of: the article and its reports expire together, the retention after its
     * last version, so any of its reports can be corrected while it lives. One index entry, the article's.
     */
    private void keepAlive(final Record<String, EnrichedReport> record, final ArticleUpdate version) {
        retention.touch("a", version.getArticleId().toString(), record.timestamp());
    }

    /** The terms the normalise step carried; computed here for a record written before it did. */
    private TermVector dedupTerms(final EnrichedReport enriched) {
        final java.nio.ByteBuffer carried = enriched.getEnrichment().getDedupTerms();
        if (carried != null && carried.hasRemaining()) {
            return TermVector.decode(carried);
        }
        final CorrespondentReport report = enriched.getReport();
        return StoryMatcher.vector(normalizer, report.getHeadline(), report.getBody());
    }

    static String matchingDigest(final EnrichedReport enriched) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(enriched.getEnrichment().getMatchingHeadline().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(enriched.getEnrichment().getMatchingBody().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
