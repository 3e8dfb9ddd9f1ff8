package io.newswire.ops.dlq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which dead letters a replay sends back, and why it leaves the others, so a replay never loops:
 * <ul>
 *   <li>named by id: replayed, whatever its history (the operator chose it); an id that is not on the topic is
 *       reported as missing;</li>
 *   <li>chosen by a filter: replayed only if it was never replayed before (the replay log says) and did not itself
 *       come from a replay: a replayed record that failed again waits for someone to look at it and name it.</li>
 * </ul>
 * Pure: the dead letters and the replay log's ids in, a plan out.
 */
public final class ReplayPlanner {

    /**
     * @param replay  the dead letters to send back, in topic order
     * @param skipped each left one with why
     * @param missing named ids not found on the dead-letter topic
     */
    public record Plan(List<DeadLetterEntry> replay, Map<DeadLetterId, String> skipped, List<DeadLetterId> missing) {
    }

    private ReplayPlanner() {
    }

    /**
     * @param deadLetters every dead letter read (for a filter, those it matched)
     * @param named       the ids given; empty to replay by filter
     * @param replayed    the ids the replay log already holds
     */
    public static Plan plan(final List<DeadLetterEntry> deadLetters, final List<DeadLetterId> named, final Set<DeadLetterId> replayed) {
        final List<DeadLetterEntry> replay = new ArrayList<>();
        final Map<DeadLetterId, String> skipped = new java.util.TreeMap<>();
        if (!named.isEmpty()) {
            final Map<DeadLetterId, DeadLetterEntry> byId = deadLetters.stream()
                    .collect(Collectors.toMap(DeadLetterEntry::id, e -> e, (a, b) -> a));
            final List<DeadLetterId> missing = new ArrayList<>();
            for (final DeadLetterId id : named.stream().distinct().toList()) {
                if (byId.containsKey(id)) {
                    replay.add(byId.get(id));
                } else {
                    missing.add(id);
                }
            }
            return new Plan(replay, skipped, missing);
        }
        for (final DeadLetterEntry entry : deadLetters) {
            if (replayed.contains(entry.id())) {
                skipped.put(entry.id(), "already replayed (name its id to replay it again)");
            } else if (entry.fromReplay()) {
                skipped.put(entry.id(), "failed again after replaying " + entry.replayOf() + " (name its id to replay it again)");
            } else {
                replay.add(entry);
            }
        }
        return new Plan(replay, skipped, List.of());
    }
}
