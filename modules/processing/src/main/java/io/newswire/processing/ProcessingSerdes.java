package io.newswire.processing;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.DeadLetter;
import io.newswire.model.EnrichedReport;
import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes the topology needs, handed in so unit tests can use registry-free ones.
 */
public record ProcessingSerdes(Serde<String> key, Serde<CorrespondentReport> report, Serde<EnrichedReport> enriched,
                               Serde<ArticleUpdate> article, Serde<ReportStatus> status,
                               Serde<DeadLetter> deadLetter) {

    /** The production serdes: Avro in Confluent's wire format through the registry. */
    public static ProcessingSerdes from(final NewswireSerdes serdes) {
        return new ProcessingSerdes(NewswireSerdes.keySerde(), serdes.valueSerde(Topics.REPORTS), serdes.valueSerde(Topics.REPORTS_ENRICHED),
                serdes.valueSerde(Topics.ARTICLE_UPDATES), serdes.valueSerde(Topics.REPORT_STATUS),
                serdes.valueSerde(Topics.DEAD_LETTERS));
    }
}
