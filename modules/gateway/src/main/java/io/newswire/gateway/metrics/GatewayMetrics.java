package io.newswire.gateway.metrics;

import io.newswire.gateway.idempotency.IntakeIndex;
import io.newswire.gateway.idempotency.IntakeIndexLoader;
import io.newswire.gateway.status.ReportStatusLoader;
import io.newswire.gateway.status.ReportStatusView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * The gateway's meters, each name beside what it means. Prometheus shows them as {@code newswire_gateway_*}
 * ({@code ..._reports_accepted_total}, {@code ..._ack_latency_seconds{quantile="0.99"}}, ...).
 */
public final class GatewayMetrics {

    public static final String ACCEPTED = "newswire.gateway.reports.accepted";
    private static final String ACCEPTED_DESCRIPTION = "Reports acknowledged by Kafka and answered 202 (first acceptance, not resubmissions)";
    public static final String RESUBMITTED = "newswire.gateway.reports.resubmitted";
    private static final String RESUBMITTED_DESCRIPTION = "Resubmissions of an accepted report, answered with the first acknowledgement and not written again";
    public static final String REJECTED = "newswire.gateway.reports.rejected";
    private static final String REJECTED_DESCRIPTION = "Requests and batch items answered with a problem (4xx, 503), tagged by problem type";
    public static final String REJECTED_REASON_TAG = "reason";
    public static final String ACK_LATENCY = "newswire.gateway.ack.latency";
    private static final String ACK_LATENCY_DESCRIPTION = "From a valid report to Kafka's acknowledgement (acks=all, all in-sync replicas)";

    public static final String IDEMPOTENCY_ENTRIES = "newswire.gateway.idempotency.entries";
    private static final String IDEMPOTENCY_ENTRIES_DESCRIPTION = "Report ids held for resubmissions (accepted within gateway.idempotency.window.ms)";
    public static final String STATUS_ENTRIES = "newswire.gateway.status.entries";
    private static final String STATUS_ENTRIES_DESCRIPTION = "Report states held for the status endpoint (updated within the same window)";
    public static final String STATE_RECORDS_READ = "newswire.gateway.state.records.read";
    private static final String STATE_RECORDS_READ_DESCRIPTION = "Records the gateway read from a topic it keeps a view of; at start only those inside the window";
    public static final String TOPIC_TAG = "topic";

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter resubmitted;
    private final Timer ackLatency;

    public GatewayMetrics(final MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder(ACCEPTED).description(ACCEPTED_DESCRIPTION).register(registry);
        this.resubmitted = Counter.builder(RESUBMITTED).description(RESUBMITTED_DESCRIPTION).register(registry);
        this.ackLatency = Timer.builder(ACK_LATENCY).description(ACK_LATENCY_DESCRIPTION)
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    /** A report written and acknowledged, with how long the acknowledgement took. */
    public void accepted(final Duration ackLatency) {
        accepted.increment();
        this.ackLatency.record(ackLatency);
    }

    public void resubmitted() {
        resubmitted.increment();
    }

    /** @param reason the problem type's code: invalid-report, conflict, unauthorized, rate-limited, unavailable ... */
    public void rejected(final String reason) {
        Counter.builder(REJECTED).description(REJECTED_DESCRIPTION).tag(REJECTED_REASON_TAG, reason).register(registry).increment();
    }

    /**
     * Watches the size of the id index and the status view, and how many records each loader read. The meters hold
     * these objects weakly: the gateway keeps them alive.
     */
    public void watchState(final IntakeIndex index, final IntakeIndexLoader indexLoader, final String reportsTopic,
                           final ReportStatusView statuses, final ReportStatusLoader statusLoader, final String statusTopic) {
        Gauge.builder(IDEMPOTENCY_ENTRIES, index, IntakeIndex::size).description(IDEMPOTENCY_ENTRIES_DESCRIPTION).register(registry);
        Gauge.builder(STATUS_ENTRIES, statuses, ReportStatusView::size).description(STATUS_ENTRIES_DESCRIPTION).register(registry);
        FunctionCounter.builder(STATE_RECORDS_READ, indexLoader, IntakeIndexLoader::recordsRead).description(STATE_RECORDS_READ_DESCRIPTION)
                .tag(TOPIC_TAG, reportsTopic).register(registry);
        FunctionCounter.builder(STATE_RECORDS_READ, statusLoader, ReportStatusLoader::recordsRead).description(STATE_RECORDS_READ_DESCRIPTION)
                .tag(TOPIC_TAG, statusTopic).register(registry);
    }

    /** The acknowledgement timer, for reports and tests. */
    public Timer ackLatency() {
        return ackLatency;
    }
}
