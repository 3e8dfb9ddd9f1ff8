package io.newswire.ops.status;

import java.util.ArrayList;
import java.util.List;

/**
 * Says what in a {@link StatusSnapshot} is unhealthy, so `newswire status` can gate a deploy: no broker reachable,
 * a consumer group more than {@code maxLag} records behind, more than {@code maxDeadLetters} dead letters in the last
 * hour. Pure: a snapshot and thresholds in, the problems (none: healthy) out.
 *
 * @param maxLag         the most records a group may be behind
 * @param maxDeadLetters the most dead letters an hour may bring
 */
public record HealthJudge(long maxLag, long maxDeadLetters) {

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
        }
        if (snapshot.deadLetterCount() > maxDeadLetters) {
            problems.add(snapshot.deadLetterCount() + " dead letters in the last hour (over " + maxDeadLetters + ")");
        }
        return problems;
    }
}
