package io.newswire.ops.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;

/**
 * One replay, as recorded on {@code newswire.dlq.replays.v1} (JSON, keyed by the dead letter's id).
 *
 * @param deadLetter the replayed dead letter's id ({@code partition:offset})
 * @param by         who replayed it ({@code --by}, else the user)
 * @param at         when (ISO-8601)
 * @param origin     where the failed record was ({@code topic/partition@offset})
 * @param replayedTo where the replay was written ({@code topic/partition@offset})
 * @param reason     the dead letter's {@code stage: reason}, which the replayed record carries in its headers
 */
public record ReplayRecord(String deadLetter, String by, String at, String origin, String replayedTo, String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a replay record */
    public static ReplayRecord fromJson(final String json) {
        try {
            return JSON.readValue(json, ReplayRecord.class);
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException("Not a replay record: " + e.getOriginalMessage(), e);
        }
    }
}
