package io.newswire.dashboard.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswire.ops.status.ClusterStatus;
import io.newswire.ops.status.StatusSnapshot;
import io.newswire.runtime.metrics.ConsumerLagMetrics;
import io.newswire.runtime.config.NewswireConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the cluster's status ({@link ClusterStatus}: brokers, topics with end offsets, consumer groups with lag,
 * the last hour's dead letters) every {@link #INTERVAL} into an {@link OpsHistory} of {@link #SAMPLES} points: ten
 * minutes of charts, in constant memory. Each sample's lag per group and partition also goes to the dashboard's
 * {@code /metrics} ({@link ConsumerLagMetrics}).
 */
public final class OpsMonitor implements AutoCloseable {

    public static final Duration INTERVAL = Duration.ofSeconds(10);
    public static final int SAMPLES = 60;

    private static final Logger LOG = LoggerFactory.getLogger(OpsMonitor.class);

    private final OpsHistory history = new OpsHistory(SAMPLES);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        final Thread thread = new Thread(task, "dashboard-ops-sampler");
        thread.setDaemon(true);
        return thread;
    });

    public OpsMonitor(final NewswireConfig config, final Clock clock, final MeterRegistry registry) {
        final ConsumerLagMetrics lag = new ConsumerLagMetrics(registry);
        timer.scheduleWithFixedDelay(() -> {
            try {
                final StatusSnapshot snapshot = ClusterStatus.take(config, Duration.ofSeconds(5), clock.instant());
                history.add(snapshot);
                lag.update(lags(snapshot));
            } catch (final RuntimeException e) {
                // the next sample tries again; a failed one must not end the sampling
                LOG.warn("Ops sample failed: {}", e.toString());
            }
        }, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static List<ConsumerLagMetrics.Lag> lags(final StatusSnapshot snapshot) {
        return snapshot.groups().stream().flatMap(group -> group.behind().stream()
                .map(p -> new ConsumerLagMetrics.Lag(group.groupId(), p.topic(), p.partition(), p.lag()))).toList();
    }

    public OpsHistory history() {
        return history;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
