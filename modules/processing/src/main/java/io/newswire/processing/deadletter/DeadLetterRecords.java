package io.newswire.processing.deadletter;

import io.newswire.model.DeadLetter;
import io.newswire.model.ReportState;
import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.serde.AvroSerializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds what a failed record leaves behind: a {@link DeadLetter} on {@code newswire.dlq.v1} (original bytes, where
 * they came from, stage, reason; the same in headers, for tools that read no Avro) and, when the report id is
 * readable, a DEAD_LETTERED {@link ReportStatus} so the gateway can tell the correspondent.
 */
public final class DeadLetterRecords {

    public static final String HEADER_STAGE = "newswire.dlq.stage";
    public static final String HEADER_ERROR = "newswire.dlq.error";
    public static final String HEADER_REASON = "newswire.dlq.reason";
    public static final String HEADER_ORIGIN = "newswire.dlq.origin";
    /** Set by `newswire dlq replay` on a replayed record: the dead letter's id (partition:offset on the DLQ). */
    public static final String HEADER_REPLAY_OF = "newswire.replay.of";
    /** The replayed dead letter's "stage: reason", so a replay that fails again carries both reasons. */
    public static final String HEADER_REPLAY_REASON = "newswire.replay.reason";
    /** Who replayed it and when (ISO-8601): the other replay headers. */
    public static final String HEADER_REPLAY_BY = "newswire.replay.by";
    public static final String HEADER_REPLAY_AT = "newswire.replay.at";

    private final AvroSerializer<DeadLetter> deadLetters = new AvroSerializer<>();
    private final AvroSerializer<ReportStatus> statuses = new AvroSerializer<>();

    /** @param configs the Streams configuration, which carries the registry settings */
    public DeadLetterRecords(final Map<String, ?> configs) {
        deadLetters.configure(configs, false);
        statuses.configure(configs, false);
    }

    /**
     * @param rawKey   the record's key bytes as they were. May be null.
     * @param rawValue the record's value bytes as they were. May be null.
     */
    public List<ProducerRecord<byte[], byte[]>> records(final String topic, final int partition, final long offset, final byte[] rawKey,
                                                        final byte[] rawValue, final String stage, final String errorClass, final String reason) {
        return records(topic, partition, offset, rawKey, rawValue, stage, errorClass, reason, null);
    }

    /**
     * As above, for a record that came with headers: a replayed dead letter (it carries {@link #HEADER_REPLAY_OF}) that
     * fails again keeps its replay headers and names the earlier reason beside the new one.
     *
     * @param source the failed record's headers. May be null.
     */
    public List<ProducerRecord<byte[], byte[]>> records(final String topic, final int partition, final long offset, final byte[] rawKey,
                                                        final byte[] rawValue, final String stage, final String errorClass,
                                                        final String newReason, final Headers source) {
        final Header replayOf = source == null ? null : source.lastHeader(HEADER_REPLAY_OF);
        final String reason = replayOf == null ? newReason : newReason + " (after replay of dead letter " + text(replayOf)
                + ", which had failed: " + text(source.lastHeader(HEADER_REPLAY_REASON)) + ")";
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final Optional<UUID> reportId = reportId(rawKey);
        final DeadLetter letter = DeadLetter.newBuilder()
                .setOriginalTopic(topic).setOriginalPartition(partition).setOriginalOffset(offset)
                .setOriginalKey(rawKey == null ? null : ByteBuffer.wrap(rawKey))
                .setOriginalValue(rawValue == null ? null : ByteBuffer.wrap(rawValue))
                .setReportId(reportId.map(UUID::toString).orElse(null))
                .setStage(stage).setErrorClass(errorClass).setReason(reason).setFailedAt(now).build();
        final RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_STAGE, bytes(stage));
        headers.add(HEADER_ERROR, bytes(errorClass));
        headers.add(HEADER_REASON, bytes(reason));
        headers.add(HEADER_ORIGIN, bytes(topic + "/" + partition + "@" + offset));
        if (replayOf != null) {
            for (final String replay : List.of(HEADER_REPLAY_OF, HEADER_REPLAY_REASON, HEADER_REPLAY_BY, HEADER_REPLAY_AT)) {
                headers.add(replay, bytes(text(source.lastHeader(replay))));
            }
        }
        final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, rawKey,
                deadLetters.serialize(Topics.DEAD_LETTERS.name(), letter), headers));
        reportId.ifPresent(id -> records.add(new ProducerRecord<>(Topics.REPORT_STATUS.name(), rawKey,
                statuses.serialize(Topics.REPORT_STATUS.name(), ReportStatus.newBuilder().setReportId(id)
                        .setState(ReportState.DEAD_LETTERED).setReason(stage + ": " + reason).setUpdatedAt(now).build()))));
        return records;
    }

    private static Optional<UUID> reportId(final byte[] rawKey) {
        if (rawKey == null || rawKey.length != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(new String(rawKey, StandardCharsets.UTF_8)));
        } catch (final IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(final Header header) {
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(final String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }
}
