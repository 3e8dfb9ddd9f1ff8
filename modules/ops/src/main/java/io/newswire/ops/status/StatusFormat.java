package io.newswire.ops.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Prints a {@link StatusSnapshot} and its problems as terminal tables or as JSON. Pure: snapshot in, text out. */
public final class StatusFormat {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusFormat() {
    }

    public static String text(final StatusSnapshot snapshot, final List<String> problems) {
        final StringBuilder out = new StringBuilder();
        out.append(problems.isEmpty() ? "HEALTHY" : "UNHEALTHY").append("   ").append(snapshot.bootstrap())
                .append("   at ").append(snapshot.takenAt()).append('\n');
        problems.forEach(p -> out.append("  ! ").append(p).append('\n'));
        if (snapshot.error() != null) {
            return out.toString();
        }
        out.append("\nBrokers\n");
        snapshot.brokers().forEach(b -> out.append("  ").append(b).append('\n'));
        out.append("\nTopics\n");
        // as wide as the longest name, so Streams' long internal topic names keep the columns aligned
        final int width = Math.max(5, snapshot.topics().stream().mapToInt(t -> t.name().length()).max().orElse(5));
        out.append(String.format("  %-" + width + "s %10s %12s %14s %16s  %s%n", "TOPIC", "PARTITIONS", "END OFFSETS", "SIZE (BYTES)", "RETENTION (MS)", "CLEANUP"));
        for (final StatusSnapshot.TopicStatus topic : snapshot.topics()) {
            out.append(String.format("  %-" + width + "s %10d %12d %14d %16s  %s%n", topic.name(), topic.partitions(), topic.endOffsets(), topic.sizeBytes(),
                    topic.retentionMs() < 0 ? "forever" : Long.toString(topic.retentionMs()), topic.cleanup()));
        }
        out.append("\nConsumer groups\n");
        if (snapshot.groups().isEmpty()) {
            out.append("  (none)\n");
        } else {
            out.append(String.format("  %-52s %-20s %10s %10s  %s%n", "GROUP", "STATE", "LAG", "PARTITIONS", "WORST"));
            for (final StatusSnapshot.GroupStatus group : snapshot.groups()) {
                out.append(String.format("  %-52s %-20s %10d %10d  %s%n", group.groupId(), group.state(), group.lag(), group.partitions(),
                        group.worst() == null ? "-" : group.worst()));
            }
        }
        streams(snapshot, out);
        out.append("\nDead letters, last hour: ").append(snapshot.deadLetterCount()).append('\n');
        for (final Map.Entry<String, Long> reason : snapshot.deadLetters().entrySet()) {
            out.append(String.format("  %6d  %s%n", reason.getValue(), reason.getKey()));
        }
        latency(snapshot.latency(), snapshot.latencyError(), out);
        return out.toString();
    }

    /** Each Streams group's members (one per stream thread) with the partitions the group gave each. */
    private static void streams(final StatusSnapshot snapshot, final StringBuilder out) {
        out.append("\nStreams instances\n");
        final List<StatusSnapshot.GroupStatus> streams = snapshot.groups().stream().filter(StatusSnapshot.GroupStatus::streams).toList();
        if (streams.isEmpty()) {
            out.append("  (no Streams application's group)\n");
        }
        for (final StatusSnapshot.GroupStatus group : streams) {
            out.append(String.format("  %s   %s, %d member%s%n", group.groupId(), group.state(), group.members().size(),
                    group.members().size() == 1 ? "" : "s"));
            for (final StatusSnapshot.Member member : group.members()) {
                out.append(String.format("    %s  %s  %d partition%s: %s%n", member.clientId(), member.host(), member.assigned().size(),
                        member.assigned().size() == 1 ? "" : "s", byTopic(member.assigned())));
            }
        }
    }

    /** {@code t-0, t-1, u-3} as {@code t[0,1] u[3]}. */
    private static String byTopic(final List<String> partitions) {
        final Map<String, List<String>> byTopic = new java.util.LinkedHashMap<>();
        for (final String partition : partitions) {
            final int dash = partition.lastIndexOf('-');
            byTopic.computeIfAbsent(partition.substring(0, dash), t -> new java.util.ArrayList<>()).add(partition.substring(dash + 1));
        }
        final StringBuilder text = new StringBuilder();
        byTopic.forEach((topic, numbers) -> text.append(text.isEmpty() ? "" : " ").append(topic).append('[')
                .append(String.join(",", numbers)).append(']'));
        return text.isEmpty() ? "-" : text.toString();
    }

    private static void latency(final StatusSnapshot.Latency latency, final String error, final StringBuilder out) {
        out.append("\nEnd-to-end latency, last hour (gateway acceptance -> article version)\n");
        if (error != null) {
            out.append("  (not measured: ").append(error).append(")\n");
            return;
        }
        if (latency == null) {
            out.append("  (no article version in the last hour, or not measured)\n");
            return;
        }
        out.append(String.format("  p50 %d ms   p95 %d ms   p99 %d ms   max %d ms   (%d versions)%n", latency.p50Ms(), latency.p95Ms(),
                latency.p99Ms(), latency.maxMs(), latency.versions()));
    }

    public static String json(final StatusSnapshot snapshot, final List<String> problems) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("healthy", problems.isEmpty());
        node.set("problems", JSON.valueToTree(problems));
        node.put("takenAt", snapshot.takenAt().toString());
        node.put("bootstrap", snapshot.bootstrap());
        node.put("error", snapshot.error());
        node.set("brokers", JSON.valueToTree(snapshot.brokers()));
        node.set("topics", JSON.valueToTree(snapshot.topics()));
        node.set("groups", JSON.valueToTree(snapshot.groups()));
        node.put("deadLettersLastHour", snapshot.deadLetterCount());
        node.set("deadLettersByReason", JSON.valueToTree(snapshot.deadLetters()));
        node.set("latency", JSON.valueToTree(snapshot.latency()));
        node.put("latencyError", snapshot.latencyError());
        try {
            return JSON.writeValueAsString(node);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
