package io.newswire.alerter.stream;

import io.newswire.alerter.rules.RuleBook;
import io.newswire.alerter.suppression.StoryAlerts;
import io.newswire.model.Alert;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.processing.support.JsonSerde;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;

/**
 * The alerter's graph: {@code newswire.articles.updates.v1} through {@link AlertProcessor} (rules, suppression store)
 * to {@code newswire.alerts.v1}. No repartition: the updates are keyed by article id already, which is what the
 * suppression state is kept by. Tests and the application build the same graph here.
 */
public final class AlerterTopology {

    /** Per story, what each rule last saw (JSON values: the changelog needs no schema subject). */
    public static final String SUPPRESSION_STORE = "alert-suppression";

    private AlerterTopology() {
    }

    /**
     * @param serdes   the serdes of the public topics
     * @param rules    the rules in force (followed from the rules topic)
     * @param window   the suppression window, also the store's retention
     * @param listener told of each alert before it commits
     */
    public static Topology build(final NewswireSerdes serdes, final RuleBook rules, final Duration window, final AlertListener listener) {
        final Serde<ArticleUpdate> updates = serdes.valueSerde(Topics.ARTICLE_UPDATES);
        final Serde<Alert> alerts = serdes.valueSerde(Topics.ALERTS);
        final StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUPPRESSION_STORE),
                NewswireSerdes.keySerde(), new JsonSerde<>(StoryAlerts.class)));
        builder.stream(Topics.ARTICLE_UPDATES.name(), Consumed.with(NewswireSerdes.keySerde(), updates))
                .process(() -> new AlertProcessor(rules, window, listener), SUPPRESSION_STORE)
                .to(Topics.ALERTS.name(), Produced.with(NewswireSerdes.keySerde(), alerts));
        return builder.build();
    }
}
