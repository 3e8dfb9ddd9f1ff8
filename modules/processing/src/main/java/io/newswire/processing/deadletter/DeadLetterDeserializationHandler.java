package io.newswire.processing.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A record that does not decode (garbage bytes, an unknown schema id, a truncated body) goes to the dead-letter
 * topic with its bytes and the reason, in the same transaction as the task's progress, and the partition moves on.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private DeadLetterRecords records;

    @Override
    public void configure(final Map<String, ?> configs) {
        records = new DeadLetterRecords(configs);
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final ConsumerRecord<byte[], byte[]> record, final Exception exception) {
        LOG.warn("Dead-lettering undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), exception.getMessage());
        return Response.resume(records.records(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                "deserialize", exception.getClass().getName(), String.valueOf(exception.getMessage())));
    }
}
