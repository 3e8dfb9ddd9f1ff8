package io.newswire.dashboard.ops;

import io.newswire.ops.status.ClusterStatus;
import io.newswire.runtime.config.NewswireConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the cluster's status ({@link ClusterStatus}: brokers, topics with end offsets, consumer groups with lag,
 * the last hour's dead letters) every {@link #INTERVAL} into an {@link OpsHistory} of {@link #SAMPLES} points: ten
 * minutes of charts, in constant memory.
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

    public OpsMonitor(final NewswireConfig config, final Clock clock) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                history.add(ClusterStatus.take(config, Duration.ofSeconds(5), clock.instant()));
            } catch (final RuntimeException e) {
                // the next sample tries again; a failed one must not end the sampling
                LOG.warn("Ops sample failed: {}", e.toString());
            }
        }, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    public OpsHistory history() {
        return history;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
