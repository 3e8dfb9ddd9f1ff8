package io.newswire.processing.enrich;

import io.newswire.enrichment.ReportEnricher;
import io.newswire.model.EnrichedReport;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import io.newswire.processing.ProcessingMetrics;

/**
 * Wires {@link ReportEnricher} into the topology, right after normalisation and before the enriched topic: language,
 * places, parties, dates, sources, subjects and urgency are added to the report's {@code Enrichment}. A step that
 * fails on a report leaves a warning and the report goes on; nothing is dead-lettered here (only invalid reports are,
 * by the normalise step before).
 */
public final class EnrichProcessor implements FixedKeyProcessor<String, EnrichedReport, EnrichedReport> {

    private final ReportEnricher enricher;
    private FixedKeyProcessorContext<String, EnrichedReport> context;
    private ProcessingMetrics meters;

    public EnrichProcessor(final ReportEnricher enricher) {
        this.enricher = enricher;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, EnrichedReport> context) {
        this.context = context;
        this.meters = ProcessingMetrics.from(context.appConfigs());
    }

    @Override
    public void process(final FixedKeyRecord<String, EnrichedReport> record) {
        // set in place: the normalise step made this record for this step alone, and a builder copy would deep-copy
        // the whole report for every report
        final EnrichedReport report = record.value();
        report.setEnrichment(enricher.enrich(report.getReport(), report.getEnrichment()));
        meters.processed(ProcessingMetrics.Step.ENRICH);
        context.forward(record);
    }
}
