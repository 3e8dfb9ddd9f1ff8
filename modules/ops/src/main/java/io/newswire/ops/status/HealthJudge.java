package io.newswire.ops.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Says what in a {@link StatusSnapshot} is unhealthy, so `newswire status` can gate a deploy: no broker reachable,
 * a consumer group more than {@code maxLag} records behind, a Streams application's group with offsets but no member
 * (no instance running), more than {@code maxDeadLetters} dead letters in the last hour, an end-to-end p99 latency
 * over {@code maxP99Latency} (or a latency that could not be measured). Pure: a snapshot and thresholds in, the problems (none: healthy) out.
 *
 * @param maxLag         the most records a group may be behind
 * @param maxDeadLetters the most dead letters an hour may bring
 * @param maxP99Latency  the longest p99 end-to-end latency of the last hour. May be null (latency not judged).
 */
public record HealthJudge(long maxLag, long maxDeadLetters, Duration maxP99Latency) {

    /** Judges lag, Streams instances and dead letters, not latency. */
    public HealthJudge(final long maxLag, final long maxDeadLetters) {
        this(maxLag, maxDeadLetters, null);
    }

    public List<String> problems(final StatusSnapshot snapshot) {
        final List<String> problems = new ArrayList<>();
        if (snapshot.error() != null) {
            problems.add("cluster unreachable at " + snapshot.bootstrap() + ": " + snapshot.error());
            return problems;
        }
        if (snapshot.brokers().isEmpty()) {
            problems.add("no broker in the cluster at " + snapshot.bootstrap());
        }
        for (final StatusSnapshot.GroupStatus group : snapshot.groups()) {
            if (group.lag() > maxLag) {
                problems.add("group " + group.groupId() + " is " + group.lag() + " records behind (over " + maxLag + "; worst "
                        + group.worst() + ")");
            }
            if (group.streams() && group.members().isEmpty() && group.partitions() > 0) {
                problems.add("Streams application " + group.groupId() + " has no running instance (group " + group.state() + ")");
            }
        }
        if (snapshot.deadLetterCount() > maxDeadLetters) {
            problems.add(snapshot.deadLetterCount() + " dead letters in the last hour (over " + maxDeadLetters + ")");
        }
        if (snapshot.latencyError() != null) {
            problems.add("end-to-end latency not measured: " + snapshot.latencyError());
        }
        final StatusSnapshot.Latency latency = snapshot.latency();
        if (maxP99Latency != null && latency != null && latency.p99Ms() > maxP99Latency.toMillis()) {
            problems.add("end-to-end latency p99 " + latency.p99Ms() + " ms over the last hour (over " + maxP99Latency.toMillis() + " ms)");
        }
        return problems;
    }
}
