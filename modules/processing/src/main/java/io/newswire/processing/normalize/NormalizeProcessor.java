package io.newswire.processing.normalize;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.EnrichedReport;
import io.newswire.model.RecordOrigin;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import io.newswire.processing.ProcessingMetrics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Wires {@link ReportNormalizer} into the topology; an invalid report's exception goes to the dead-letter handler. */
public final class NormalizeProcessor implements FixedKeyProcessor<String, CorrespondentReport, EnrichedReport> {

    private final ReportNormalizer normalizer;
    private FixedKeyProcessorContext<String, EnrichedReport> context;
    private ProcessingMetrics meters;

    public NormalizeProcessor(final ReportNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, EnrichedReport> context) {
        this.context = context;
        this.meters = ProcessingMetrics.from(context.appConfigs());
    }

    @Override
    public void process(final FixedKeyRecord<String, CorrespondentReport> record) {
        if (record.value() == null) {
            return; // tombstones carry no report
        }
        meters.processed(ProcessingMetrics.Step.VALIDATE);
        final EnrichedReport enriched = normalizer.prepare(record.value(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        meters.processed(ProcessingMetrics.Step.NORMALIZE);
        // kept with the report so a dead letter written in a later step (articles) points at the original bytes
        context.recordMetadata().ifPresent(m -> enriched.setOrigin(new RecordOrigin(m.topic(), m.partition(), m.offset())));
        context.forward(record.withValue(enriched));
    }
}
