package io.newswire.processing;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.DeadLetter;
import io.newswire.model.EnrichedReport;
import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.processing.articles.ArticleProcessor;
import io.newswire.processing.articles.ReportMemory;
import io.newswire.processing.dedup.DedupSettings;
import io.newswire.processing.dedup.StoryMatcher;
import io.newswire.processing.normalize.MatchingTextNormalizer;
import io.newswire.processing.normalize.NormalizeProcessor;
import io.newswire.processing.normalize.ReportNormalizer;
import io.newswire.processing.support.JsonSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;

/**
 * The processing topology, built the same way by tests and by {@link ProcessingApp}:
 *
 * <pre>
 * newswire.reports.v1 ──normalize (validate, matching forms)──► newswire.reports.enriched.v1
 *        │                          │ invalid / undecodable ──► newswire.dlq.v1 (+ DEAD_LETTERED status)
 *        │                          ▼
 *        │              re-key by desk ─► repartition "by-desk"
 *        │                          ▼
 *        │              articles (dedup by id, text and similarity; versions; references that arrive
 *        │                        before the report they refer to wait in a store)
 *        │                    ├──► newswire.articles.updates.v1 (every version)
 *        │                    ├──► newswire.articles.v1 (latest, compacted)
 *        │                    └──► newswire.reports.status.v1
 * </pre>
 */
public final class ProcessingTopology {

    /** Partitions of the by-desk repartition topic: the parallelism of the articles step. */
    public static final int DESK_PARTITIONS = 6;
    /** The desk of a report filed without one. */
    public static final String DEFAULT_DESK = "general";

    private ProcessingTopology() {
    }

    /** The topology with the default retention of the articles step ({@link ArticleProcessor#DEFAULT_RETENTION}). */
    public static Topology build(final ProcessingSerdes serdes, final DedupSettings dedup) {
        return build(serdes, dedup, ArticleProcessor.DEFAULT_RETENTION);
    }

    /** @param retention articles.retention.ms: how long articles, their reports and digests are kept after last use */
    public static Topology build(final ProcessingSerdes serdes, final DedupSettings dedup, final Duration retention) {
        final StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, serdes, dedup, retention);
        return builder.build();
    }

    public static void addTo(final StreamsBuilder builder, final ProcessingSerdes serdes, final DedupSettings dedup, final Duration retention) {
        final MatchingTextNormalizer matching = new MatchingTextNormalizer();
        final ReportNormalizer normalizer = new ReportNormalizer(matching);
        StoryMatcher.addStores(builder);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleProcessor.REPORTS_STORE),
                Serdes.String(), new JsonSerde<>(ReportMemory.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleProcessor.MATCHING_DIGESTS_STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleProcessor.ARTICLES_STORE),
                Serdes.String(), serdes.internalArticle()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleProcessor.RETENTION_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleProcessor.PENDING_STORE),
                Serdes.String(), serdes.internalEnriched()));

        final KStream<String, EnrichedReport> enriched = builder
                .stream(Topics.REPORTS.name(), Consumed.with(serdes.key(), serdes.report()).withName("reports"))
                .processValues(() -> new NormalizeProcessor(normalizer), Named.as("normalize"));
        enriched.to(Topics.REPORTS_ENRICHED.name(), Produced.with(serdes.key(), serdes.enriched()).withName("enriched-reports"));

        // one desk, one task: references and duplicates inside a desk resolve in arrival order
        final KStream<String, SpecificRecord> outcomes = enriched
                .selectKey((reportId, report) -> desk(report), Named.as("key-by-desk"))
                .repartition(Repartitioned.<String, EnrichedReport>as("by-desk").withKeySerde(serdes.key())
                        .withValueSerde(serdes.internalEnriched()).withNumberOfPartitions(DESK_PARTITIONS))
                .process(() -> new ArticleProcessor(matching, dedup, retention), Named.as("articles"), ArticleProcessor.stores());

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
                .noDefaultBranch();
    }

    static String desk(final EnrichedReport report) {
        final String desk = report.getReport().getDesk();
        return desk == null || desk.isBlank() ? DEFAULT_DESK : desk.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
