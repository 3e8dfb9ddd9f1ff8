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
        out.append("\nDead letters, last hour: ").append(snapshot.deadLetterCount()).append('\n');
        for (final Map.Entry<String, Long> reason : snapshot.deadLetters().entrySet()) {
            out.append(String.format("  %6d  %s%n", reason.getValue(), reason.getKey()));
        }
        return out.toString();
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
        try {
            return JSON.writeValueAsString(node);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
