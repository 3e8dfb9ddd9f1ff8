package io.newswire.ops.dlq;

import java.time.Instant;

/**
 * One dead letter as an operator sees it: where it is, why it failed, where it came from and its original bytes.
 *
 * @param id              where it sits on the dead-letter topic
 * @param failedAt        when processing gave up on it
 * @param stage           where it failed (deserialize, validate, normalize, ...)
 * @param errorClass      exception class or validation code
 * @param reason          the human-readable reason; after a failed replay it names the earlier reason too
 * @param originTopic     the topic the failed record was on
 * @param originPartition its partition there
 * @param originOffset    its offset there
 * @param key             the original key bytes. May be null.
 * @param value           the original value bytes. May be null.
 * @param replayOf        when the failed record was itself a replay, the dead letter it replayed. May be null.
 */
public record DeadLetterEntry(DeadLetterId id, Instant failedAt, String stage, String errorClass, String reason,
                              String originTopic, int originPartition, long originOffset, byte[] key, byte[] value,
                              String replayOf) {

    /** Where the failed record was, {@code topic/partition@offset}. */
    public String origin() {
        return originTopic + "/" + originPartition + "@" + originOffset;
    }

    /** Whether the failed record was a replay of an earlier dead letter (then a filter replay leaves it alone). */
    public boolean fromReplay() {
        return replayOf != null && !replayOf.isEmpty();
    }
}
