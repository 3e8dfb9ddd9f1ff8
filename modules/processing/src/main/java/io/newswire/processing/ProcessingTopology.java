package io.newswire.processing;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.DeadLetter;
import io.newswire.model.EnrichedReport;
import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.enrichment.BuiltInEnrichment;
import io.newswire.enrichment.ReportEnricher;
import io.newswire.processing.articles.ArticleProcessor;
import io.newswire.processing.articles.DeskRouter;
import io.newswire.processing.articles.ReportDesk;
import io.newswire.processing.articles.ReportMemory;
import io.newswire.processing.dedup.DedupSettings;
import io.newswire.processing.dedup.StoryMatcher;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.processing.enrich.EnrichProcessor;
import io.newswire.processing.normalize.NormalizeProcessor;
import io.newswire.processing.normalize.ReportNormalizer;
import io.newswire.processing.support.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.utils.Bytes;

import java.time.Duration;

/**
 * The processing topology, built the same way by tests and by {@link ProcessingApp}:
 *
 * <pre>
 * newswire.reports.v1 ──normalize (validate, matching forms)──enrich (language, dates, places, parties, sources,
 *        │                            subjects, urgency)──► newswire.reports.enriched.v1
 *        │                          │ invalid / undecodable ──► newswire.dlq.v1 (+ DEAD_LETTERED status)
 *        │                          ▼
 *        │              key by desk (a change goes to its report's desk, from the report-desks global table)
 *        │                          │ ◄── newswire.processing.reroutes.v1 (waiting changes sent on to their desk)
 *        │                          ▼
 *        │              repartition "by-desk"
 *        │                          ▼
 *        │              articles (dedup by id, text and similarity; versions; references that arrive
 *        │                        before the report they refer to wait in a store; refused ► dead letters)
 *        │                    ├──► newswire.articles.updates.v1 (every version)
 *        │                    ├──► newswire.articles.v1 (latest, compacted)
 *        │                    ├──► newswire.reports.status.v1
 *        │                    ├──► newswire.dlq.v1
 *        │                    ├──► newswire.processing.report-desks.v1 (report id → desk; tombstone when forgotten)
 *        │                    └──► newswire.processing.reroutes.v1
 * </pre>
 *
 * <p>State and how long it lives: the articles step's stores for {@code articles.retention.ms} after an article's
 * last version ({@link ArticleProcessor}); waiting references for {@link ArticleProcessor#MAX_WAIT}; dedup's for
 * {@code dedup.horizon.ms} ({@link StoryMatcher}).
 */
public final class ProcessingTopology {

    /** Partitions of the by-desk repartition topic: the parallelism of the articles step. */
    public static final int DESK_PARTITIONS = 6;

    private ProcessingTopology() {
    }

    /**
     * The topology with the default retention of the articles step ({@link ArticleProcessor#DEFAULT_RETENTION}) and
     * the built-in enrichment.
     */
    public static Topology build(final ProcessingSerdes serdes, final DedupSettings dedup) {
        return build(serdes, dedup, ArticleProcessor.DEFAULT_RETENTION);
    }

    /** @param retention articles.retention.ms: how long articles, their reports and digests are kept after last use */
    public static Topology build(final ProcessingSerdes serdes, final DedupSettings dedup, final Duration retention) {
        return build(serdes, dedup, retention, BuiltInEnrichment.shared());
    }

    /** @param enricher the enrichment steps, shared by every stream thread (its steps are thread-safe) */
    public static Topology build(final ProcessingSerdes serdes, final DedupSettings dedup, final Duration retention,
                                 final ReportEnricher enricher) {
        final StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, serdes, dedup, retention, enricher);
        return builder.build();
    }

    public static void addTo(final StreamsBuilder builder, final ProcessingSerdes serdes, final DedupSettings dedup, final Duration retention,
                             final ReportEnricher enricher) {
        final MatchingTextNormalizer matching = new MatchingTextNormalizer();
        final ReportNormalizer normalizer = new ReportNormalizer(matching);
        final KStream<String, EnrichedReport> enriched = builder
                .stream(Topics.REPORTS.name(), Consumed.with(serdes.key(), serdes.report()).withName("reports"))
                .processValues(() -> new NormalizeProcessor(normalizer), Named.as("normalize"))
                .processValues(() -> new EnrichProcessor(enricher), Named.as("enrich"));
        enriched.to(Topics.REPORTS_ENRICHED.name(), Produced.with(serdes.key(), serdes.enriched()).withName("enriched-reports"));

        // where each known report lives, in every instance, so a change filed under another desk reaches its article
        builder.globalTable(Topics.REPORT_DESKS.name(), Consumed.with(serdes.key(), Serdes.String()).withName("report-desks"),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(DeskRouter.REPORT_DESKS_STORE)
                        .withKeySerde(serdes.key()).withValueSerde(Serdes.String()));
        final KStream<String, EnrichedReport> reroutes = builder.stream(Topics.REROUTES.name(),
                Consumed.with(serdes.key(), serdes.internalEnriched()).withName("reroutes"));

        // one desk, one task: references and duplicates inside a desk resolve in arrival order
        final KStream<String, EnrichedReport> byDesk = enriched
                .process(DeskRouter::new, Named.as("key-by-desk"))
                .merge(reroutes, Named.as("with-reroutes"))
                .repartition(Repartitioned.<String, EnrichedReport>as("by-desk").withKeySerde(serdes.key())
                        .withValueSerde(serdes.internalEnriched()).withNumberOfPartitions(DESK_PARTITIONS));
        addArticlesStage(builder, byDesk, serdes, matching, dedup, retention);
    }

    /**
     * The articles stage alone, on a stream of enriched reports keyed by desk and partitioned by it (one desk, one
     * task): the articles step, its stores, and the topics its outcomes go to. The full topology feeds it from the
     * by-desk repartition; the articles benchmark feeds it from a topic of its own, so the step's cost is measured
     * without the stages before it. Needs the report-desks global store ({@link DeskRouter#REPORT_DESKS_STORE}).
     */
    public static void addArticlesStage(final StreamsBuilder builder, final KStream<String, EnrichedReport> byDesk,
                                        final ProcessingSerdes serdes, final MatchingTextNormalizer matching,
                                        final DedupSettings dedup, final Duration retention) {
        StoryMatcher.addStores(builder);
        // Record caches where a key is written again soon: a story's article is rewritten by each version, a retention
        // entry moved when its key is touched again, a waiting reference deleted when its report arrives; with
        // exactly-once the cache is flushed at each commit (every 100 ms), so all writes of one key within a commit
        // reach RocksDB and the changelog as one record (a put then a delete as one tombstone). Reads see the cache
        // first, so the step reads its own writes; it forwards with context.forward, never on a cache flush, so when
        // outcomes go downstream does not change. Reports are written once each: no cache there,
        // nor on dedup's stores (see StoryMatcher), where it would only add a copy.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleProcessor.REPORTS_STORE),
                Serdes.String(), new JsonSerde<>(ReportMemory.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleProcessor.ARTICLES_STORE),
                Serdes.String(), serdes.internalArticle()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleProcessor.RETENTION_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleProcessor.PENDING_STORE),
                Serdes.String(), serdes.internalEnriched()).withCachingEnabled());
        final KStream<String, Object> outcomes = byDesk
                .process(() -> new ArticleProcessor(matching, dedup, retention, DESK_PARTITIONS), Named.as("articles"), ArticleProcessor.stores());

        outcomes.split(Named.as("outcome-"))
                .branch((key, value) -> value instanceof ArticleUpdate, Branched.withConsumer(versions -> {
                    final KStream<String, ArticleUpdate> updates = versions.mapValues(v -> (ArticleUpdate) v, Named.as("as-article"));
                    updates.to(Topics.ARTICLE_UPDATES.name(), Produced.with(serdes.key(), serdes.article()).withName("article-updates"));
                    updates.to(Topics.ARTICLES.name(), Produced.with(serdes.key(), serdes.article()).withName("articles-latest"));
                }, "articles"))
                .branch((key, value) -> value instanceof ReportStatus, Branched.withConsumer(statuses -> statuses
                        .mapValues(v -> (ReportStatus) v, Named.as("as-status"))
                        .to(Topics.REPORT_STATUS.name(), Produced.with(serdes.key(), serdes.status()).withName("report-status")), "statuses"))
                .branch((key, value) -> value instanceof DeadLetter, Branched.withConsumer(letters -> letters
                        .mapValues(v -> (DeadLetter) v, Named.as("as-dead-letter"))
                        .to(Topics.DEAD_LETTERS.name(), Produced.with(serdes.key(), serdes.deadLetter()).withName("late-dead-letters")), "dead-letters"))
                .branch((key, value) -> value instanceof EnrichedReport, Branched.withConsumer(sent -> sent
                        .mapValues(v -> (EnrichedReport) v, Named.as("as-reroute"))
                        .to(Topics.REROUTES.name(), Produced.with(serdes.key(), serdes.internalEnriched()).withName("reroutes-out")), "reroutes"))
                .branch((key, value) -> value instanceof ReportDesk, Branched.withConsumer(desks -> desks
                        .mapValues(v -> ((ReportDesk) v).desk(), Named.as("as-report-desk"))
                        .to(Topics.REPORT_DESKS.name(), Produced.with(serdes.key(), Serdes.String()).withName("report-desks-out")), "report-desks"))
                .noDefaultBranch();
    }

}
