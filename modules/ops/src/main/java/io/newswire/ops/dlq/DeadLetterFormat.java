package io.newswire.ops.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders dead letters for a terminal (a table, one line each, long reasons cut) or for scripts (JSON, nothing
 * cut). Pure: entries in, text out.
 */
public final class DeadLetterFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REASON_WIDTH = 90;

    private DeadLetterFormat() {
    }

    /** A table with a header line; an empty list says so. */
    public static String table(final List<DeadLetterEntry> entries) {
        if (entries.isEmpty()) {
            return "No dead letters match.\n";
        }
        final StringBuilder out = new StringBuilder();
        final String format = "%-10s %-24s %-12s %-34s %s%n";
        out.append(String.format(format, "ID", "FAILED AT", "STAGE", "ORIGIN", "REASON"));
        for (final DeadLetterEntry entry : entries) {
            out.append(String.format(format, entry.id(), entry.failedAt(), entry.stage(), entry.origin(),
                    cut(oneLine(entry.reason()) + (entry.fromReplay() ? " [replay of " + entry.replayOf() + "]" : ""))));
        }
        out.append(entries.size()).append(entries.size() == 1 ? " dead letter\n" : " dead letters\n");
        return out.toString();
    }

    /** A JSON array of {@link #json(DeadLetterEntry, OriginalBytes)} without the bytes. */
    public static String jsonList(final List<DeadLetterEntry> entries) {
        final ArrayNode array = JSON.createArrayNode();
        entries.forEach(e -> array.add(json(e, null)));
        return write(array);
    }

    /** One dead letter in full, for {@code show}: its fields, then its original key and value as read. */
    public static String show(final DeadLetterEntry entry, final OriginalBytes value) {
        final StringBuilder out = new StringBuilder();
        out.append("id          ").append(entry.id()).append('\n');
        out.append("failed at   ").append(entry.failedAt()).append('\n');
        out.append("stage       ").append(entry.stage()).append('\n');
        out.append("error       ").append(entry.errorClass()).append('\n');
        out.append("reason      ").append(entry.reason()).append('\n');
        out.append("origin      ").append(entry.origin()).append('\n');
        if (entry.fromReplay()) {
            out.append("replay of   ").append(entry.replayOf()).append('\n');
        }
        out.append("key         ").append(entry.key() == null ? "(none)" : new String(entry.key(), StandardCharsets.UTF_8)).append('\n');
        switch (value.encoding()) {
            case "avro" -> out.append("value       (Avro, decoded with the registry's schema)\n").append(value.decoded()).append('\n');
            case "none" -> out.append("value       (none)\n");
            default -> {
                out.append("value       (not Avro in the registry's wire format: hex)\n").append(value.hex()).append('\n');
                if (value.text() != null) {
                    out.append("as UTF-8    ").append(value.text()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** One dead letter as JSON; with its original value when {@code value} is given. */
    public static ObjectNode json(final DeadLetterEntry entry, final OriginalBytes value) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("id", entry.id().toString());
        node.put("failedAt", entry.failedAt().toString());
        node.put("stage", entry.stage());
        node.put("errorClass", entry.errorClass());
        node.put("reason", entry.reason());
        node.put("originTopic", entry.originTopic());
        node.put("originPartition", entry.originPartition());
        node.put("originOffset", entry.originOffset());
        node.put("key", entry.key() == null ? null : new String(entry.key(), StandardCharsets.UTF_8));
        node.put("replayOf", entry.replayOf());
        if (value != null) {
            final ObjectNode original = node.putObject("value");
            original.put("encoding", value.encoding());
            if (value.decoded() != null) {
                original.set("decoded", parse(value.decoded()));
            }
            original.put("hex", value.hex());
            original.put("text", value.text());
        }
        return node;
    }

    public static String write(final JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(final String json) {
        try {
            return JSON.readTree(json);
        } catch (final JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private static String oneLine(final String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }

    private static String cut(final String text) {
        return text.length() <= REASON_WIDTH ? text : text.substring(0, REASON_WIDTH - 1) + "…";
    }
}
