package io.newswire.processing.deadletter;

import io.newswire.processing.validate.InvalidReportException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A report a step rejects ({@link InvalidReportException}) or fails on (any other exception: a bug, an input no
 * one foresaw) goes to the dead-letter topic with the bytes it arrived as and the reason (KIP-1033 processing
 * handler, KIP-1034 dead-letter records), and the stream goes on: one poison report never stops or blocks a partition.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private DeadLetterRecords records;

    @Override
    public void configure(final Map<String, ?> configs) {
        records = new DeadLetterRecords(configs);
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final Record<?, ?> record, final Exception exception) {
        final String stage;
        final String errorClass;
        if (exception instanceof InvalidReportException invalid) {
            stage = invalid.stage();
            errorClass = invalid.code();
            LOG.info("Dead-lettering report {} at {}: {}", record.key(), stage, exception.getMessage());
        } else {
            stage = context.processorNodeId();
            errorClass = exception.getClass().getName();
            LOG.error("Processing failed at {} on {}-{}@{}; dead-lettering it", stage, context.topic(), context.partition(), context.offset(), exception);
        }
        return Response.resume(records.records(context.topic(), context.partition(), context.offset(), context.sourceRawKey(),
                context.sourceRawValue(), stage, errorClass, String.valueOf(exception.getMessage())));
    }
}
