package io.newswire.processing.deadletter;

import io.newswire.serde.RegistryUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import io.newswire.processing.ProcessingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A record that does not decode (garbage bytes, an unknown schema id, a truncated body, bytes after the record) goes
 * to the dead-letter topic with its bytes and the reason, in the same transaction as the task's progress, and the
 * partition moves on.
 *
 * <p>A record that cannot be decoded <em>yet</em> because the schema registry gives no answer
 * ({@link RegistryUnavailableException}: its writer schema is not cached and the registry is down, slow or refusing
 * our credentials) is not dead-lettered: nothing is known to be wrong with it. The handler answers FAIL, so the stream
 * thread stops without committing; {@link FailedThreadHandler} waits for the registry and replaces the thread, which
 * reads the partition again from the last committed offset. The same holds when the record is bad but its dead letter
 * cannot be written because the registry is needed for that: it is dead-lettered once the registry answers.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private DeadLetterRecords records;
    private ProcessingMetrics meters;

    @Override
    public void configure(final Map<String, ?> configs) {
        records = new DeadLetterRecords(configs);
        meters = ProcessingMetrics.from(configs);
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final ConsumerRecord<byte[], byte[]> record, final Exception exception) {
        final String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (RegistryUnavailableException.isCauseOf(exception)) {
            LOG.warn("Not dead-lettering {}: the schema registry gave no answer, so whether it decodes is not known; stopping the stream"
                    + " thread without committing, to read it again once the registry answers: {}", where, exception.getMessage());
            return Response.fail();
        }
        final List<ProducerRecord<byte[], byte[]>> letters;
        try {
            letters = records.records(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                    "deserialize", exception.getClass().getName(), String.valueOf(exception.getMessage()), record.headers());
        } catch (final RegistryUnavailableException e) {
            LOG.warn("Undecodable record {} cannot be dead-lettered while the schema registry gives no answer; stopping the stream"
                    + " thread without committing, to dead-letter it once the registry answers: {}", where, e.getMessage());
            return Response.fail();
        }
        LOG.warn("Dead-lettering undecodable record {}: {}", where, exception.getMessage());
        meters.deadLettered("deserialize", exception.getClass().getName());
        return Response.resume(letters);
    }
}
