package io.newswire.processing.articles;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.EnrichedReport;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * Keys each report by the desk whose task decides it. A NEW report goes to its own desk (dedup compares reports
 * of one desk). An UPDATE, CORRECTION or WITHDRAWAL goes to the desk its reference was decided in, when the
 * report-desks table knows it: a correspondent who moved desks, or a client that set another desk, still reaches
 * the article. A reference not known yet goes to its own desk and waits there; the articles step sends it on
 * once the table learns where its reference lives ({@link ArticleProcessor}).
 */
public final class DeskRouter implements Processor<String, EnrichedReport, String, EnrichedReport> {

    /** The global table of {@code newswire.processing.report-desks.v1}: report id → desk. */
    public static final String REPORT_DESKS_STORE = "report-desks";
    /** The desk of a report filed without one. */
    public static final String DEFAULT_DESK = "general";

    private ProcessorContext<String, EnrichedReport> context;
    private KeyValueStore<String, ValueAndTimestamp<String>> reportDesks;

    @Override
    public void init(final ProcessorContext<String, EnrichedReport> context) {
        this.context = context;
        this.reportDesks = context.getStateStore(REPORT_DESKS_STORE);
    }

    @Override
    public void process(final Record<String, EnrichedReport> record) {
        context.forward(record.withKey(route(record.value().getReport(), this::deskOf)));
    }

    private String deskOf(final String reportId) {
        final ValueAndTimestamp<String> desk = reportDesks.get(reportId);
        return desk == null ? null : desk.value();
    }

    /** The pure rule: the desk of the reference if known, else the report's own. */
    static String route(final CorrespondentReport report, final Function<String, String> deskOfReport) {
        if (report.getRefersTo() != null) {
            final String referenceDesk = deskOfReport.apply(report.getRefersTo().toString());
            if (referenceDesk != null) {
                return referenceDesk;
            }
        }
        return ownDesk(report);
    }

    /** The desk the report names, trimmed and lower-cased, or {@link #DEFAULT_DESK}. */
    public static String ownDesk(final CorrespondentReport report) {
        final String desk = report.getDesk();
        return desk == null || desk.isBlank() ? DEFAULT_DESK : desk.trim().toLowerCase(Locale.ROOT);
    }

    /** The by-desk partition (so the task) a desk goes to: what the producer's default partitioner picks for the key. */
    static int partitionOf(final String desk, final int partitions) {
        return Utils.toPositive(Utils.murmur2(desk.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
