package io.newswire.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.List;

/**
 * Consumer lag per group and partition, as the cluster reports it (committed offset against the end offset, read with
 * the Admin API), exported as {@code newswire_consumer_group_lag_records{group,topic,partition}}. Unlike the consumers'
 * own {@code records-lag}, it shows a group whose consumers have stopped. Whoever samples the cluster (the dashboard's
 * ops sampler) hands each sample to {@link #update}; the rows are replaced, so a group or partition gone from the
 * cluster leaves the scrape (bounded by the cluster's groups times their partitions).
 */
public final class ConsumerLagMetrics {

    public static final String LAG = "newswire.consumer.group.lag.records";
    private static final String LAG_DESC = "Records a consumer group is behind on a partition (end offset minus committed offset), "
            + "from the cluster every few seconds; absent while the cluster does not answer";

    /** One partition's lag in one group. */
    public record Lag(String group, String topic, int partition, long records) {
    }

    private final MultiGauge lag;

    public ConsumerLagMetrics(final MeterRegistry registry) {
        this.lag = MultiGauge.builder(LAG).description(LAG_DESC).register(registry);
    }

    /** The latest sample's lags; an empty list (the cluster did not answer) removes them all rather than keep stale values. */
    public void update(final List<Lag> lags) {
        lag.register(lags.stream().map(l -> MultiGauge.Row.of(Tags.of("group", l.group(), "topic", l.topic(),
                "partition", Integer.toString(l.partition())), l.records())).toList(), true);
    }
}
