package io.newswire.dashboard.ops;

import io.newswire.ops.status.StatusSnapshot;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last minutes of the cluster as the ops page charts them, the pure core of the sampler: from successive status
 * snapshots, each topic's throughput (growth of its end offsets per second since the sample before) and each
 * consumer group's lag. Holds at most {@code capacity} samples (a bounded ring: the oldest goes first), so its size
 * does not grow with uptime. Snapshots that failed (the cluster did not answer) count as gaps, not zeros.
 */
public final class OpsHistory {

    /** One point of the charts. */
    public record Point(String at, Map<String, Double> recordsPerSecond, Map<String, Long> lag, boolean reachable) {
    }

    private final int capacity;
    private final Deque<Point> points = new ArrayDeque<>();
    private StatusSnapshot previous;

    public OpsHistory(final int capacity) {
        this.capacity = capacity;
    }

    /** Takes the next snapshot. */
    public synchronized void add(final StatusSnapshot snapshot) {
        final Map<String, Double> rates = new LinkedHashMap<>();
        final Map<String, Long> lag = new LinkedHashMap<>();
        final boolean reachable = snapshot.error() == null;
        if (reachable) {
            if (previous != null && previous.error() == null) {
                final double seconds = Duration.between(previous.takenAt(), snapshot.takenAt()).toMillis() / 1000.0;
                final Map<String, Long> before = new LinkedHashMap<>();
                previous.topics().forEach(t -> before.put(t.name(), t.endOffsets()));
                for (final StatusSnapshot.TopicStatus topic : snapshot.topics()) {
                    final Long was = before.get(topic.name());
                    if (was != null && seconds > 0) {
                        // a topic deleted and re-created would go backwards: no negative throughput
                        rates.put(topic.name(), Math.max(0, topic.endOffsets() - was) / seconds);
                    }
                }
            }
            snapshot.groups().forEach(g -> lag.put(g.groupId(), g.lag()));
        }
        points.addLast(new Point(snapshot.takenAt().toString(), rates, lag, reachable));
        while (points.size() > capacity) {
            points.removeFirst();
        }
        previous = snapshot;
    }

    /** The held points, oldest first. */
    public synchronized List<Point> points() {
        return new ArrayList<>(points);
    }

    /** The latest snapshot taken. May be null (none yet). */
    public synchronized StatusSnapshot latest() {
        return previous;
    }
}
