package io.newswire.processing;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.DeadLetter;
import io.newswire.model.EnrichedReport;
import io.newswire.model.ReportStatus;
import io.newswire.model.topics.TopicSpec;
import io.newswire.model.topics.Topics;
import io.newswire.processing.support.EncodeOnceSerializer;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serdes the topology needs, handed in so unit tests can use registry-free ones.
 *
 * <p>Streams' own topics (the by-desk repartition topic, the changelogs of stores holding Avro) are named after the
 * application id, so their TopicNameStrategy subjects ({@code <application.id>-...-value}) are registered by no one
 * when auto-registration is off, as in production. They use {@link #internalEnriched()} and
 * {@link #internalArticle()} instead: the same Avro in the same wire format, written under the subject of the public
 * topic that carries the same record type, which {@code newswire init} registers. So the internal topics need no
 * subject of their own, changing {@code processing.application.id} changes nothing, and any Confluent tool can still
 * read them.
 */
public record ProcessingSerdes(Serde<String> key, Serde<CorrespondentReport> report, Serde<EnrichedReport> enriched,
                               Serde<ArticleUpdate> article, Serde<ReportStatus> status,
                               Serde<DeadLetter> deadLetter) {

    /** The production serdes: Avro in Confluent's wire format through the registry. */
    public static ProcessingSerdes from(final NewswireSerdes serdes) {
        // an article version is written to the articles store and both article topics: encoded once for the three
        final Serde<ArticleUpdate> article = serdes.valueSerde(Topics.ARTICLE_UPDATES);
        return new ProcessingSerdes(NewswireSerdes.keySerde(), serdes.valueSerde(Topics.REPORTS), serdes.valueSerde(Topics.REPORTS_ENRICHED),
                Serdes.serdeFrom(new EncodeOnceSerializer<>(article.serializer()), article.deserializer()), serdes.valueSerde(Topics.REPORT_STATUS),
                serdes.valueSerde(Topics.DEAD_LETTERS));
    }

    /** Enriched reports on Streams' internal topics, under the subject of {@code newswire.reports.enriched.v1}. */
    public Serde<EnrichedReport> internalEnriched() {
        return underSubjectOf(Topics.REPORTS_ENRICHED, enriched);
    }

    /** Article versions on Streams' internal topics, under the subject of {@code newswire.articles.updates.v1}. */
    public Serde<ArticleUpdate> internalArticle() {
        return underSubjectOf(Topics.ARTICLE_UPDATES, article);
    }

    /** Writes as if to the public topic, whatever internal topic Streams names; reading needs no subject (the id is in the record). */
    private static <T> Serde<T> underSubjectOf(final TopicSpec publicTopic, final Serde<T> serde) {
        final Serializer<T> serializer = serde.serializer();
        return Serdes.serdeFrom((topic, value) -> serializer.serialize(publicTopic.name(), value), serde.deserializer());
    }
}
