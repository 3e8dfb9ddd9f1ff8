package io.newswire.processing.deadletter;

import io.newswire.processing.validate.InvalidReportException;
import io.newswire.serde.RegistryUnavailableException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import io.newswire.processing.ProcessingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A report a step rejects ({@link InvalidReportException}) or fails on (any other exception: a bug, an input no
 * one foresaw) goes to the dead-letter topic with the bytes it arrived as and the reason (KIP-1033 processing
 * handler, KIP-1034 dead-letter records), and the stream goes on: one poison report never stops or blocks a partition.
 *
 * <p>A failure caused by the schema registry giving no answer ({@link RegistryUnavailableException}: writing an
 * output or a store value whose schema id is not cached yet, while the registry is down) says nothing about the
 * report, so it is not dead-lettered: the handler answers FAIL, the stream thread stops without committing, and
 * {@link FailedThreadHandler} replaces it once the registry answers; the report is processed again then. The same
 * holds when the dead letter itself cannot be written for want of the registry.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private DeadLetterRecords records;
    private ProcessingMetrics meters;

    @Override
    public void configure(final Map<String, ?> configs) {
        records = new DeadLetterRecords(configs);
        meters = ProcessingMetrics.from(configs);
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final Record<?, ?> record, final Exception exception) {
        final String where = context.topic() + "-" + context.partition() + "@" + context.offset();
        if (RegistryUnavailableException.isCauseOf(exception)) {
            LOG.warn("Not dead-lettering {} at {}: the schema registry gave no answer; stopping the stream thread without committing,"
                    + " to process it again once the registry answers: {}", where, context.processorNodeId(), exception.getMessage());
            return Response.fail();
        }
        final String stage;
        final String errorClass;
        if (exception instanceof InvalidReportException invalid) {
            stage = invalid.stage();
            errorClass = invalid.code();
        } else {
            stage = context.processorNodeId();
            errorClass = exception.getClass().getName();
        }
        final List<ProducerRecord<byte[], byte[]>> letters;
        try {
            letters = records.records(context.topic(), context.partition(), context.offset(), context.sourceRawKey(),
                    context.sourceRawValue(), stage, errorClass, String.valueOf(exception.getMessage()), context.headers());
        } catch (final RegistryUnavailableException e) {
            LOG.warn("Report {} failed at {} but cannot be dead-lettered while the schema registry gives no answer; stopping the stream"
                    + " thread without committing, to handle it again once the registry answers: {}", where, stage, e.getMessage());
            return Response.fail();
        }
        if (exception instanceof InvalidReportException) {
            LOG.info("Dead-lettering report {} at {}: {}", record.key(), stage, exception.getMessage());
        } else {
            LOG.error("Processing failed at {} on {}; dead-lettering it", stage, where, exception);
        }
        meters.deadLettered(stage, errorClass);
        return Response.resume(letters);
    }
}
