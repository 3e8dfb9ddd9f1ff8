package io.newswire.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** The gateway's meters, each name beside what it means. Exported as newswire_gateway_* in Prometheus. */
public final class GatewayMetrics {

    public static final String ACCEPTED = "newswire.gateway.reports.accepted";
    private static final String ACCEPTED_DESCRIPTION = "Reports acknowledged by Kafka and answered 202 (first acceptance, not resubmissions)";
    public static final String RESUBMITTED = "newswire.gateway.reports.resubmitted";
    private static final String RESUBMITTED_DESCRIPTION = "Resubmissions of an accepted report answered with the first acknowledgement";
    public static final String REJECTED = "newswire.gateway.reports.rejected";
    private static final String REJECTED_DESCRIPTION = "Requests answered 4xx or 503, by reason";
    public static final String ACK_LATENCY = "newswire.gateway.ack.latency";
    private static final String ACK_LATENCY_DESCRIPTION = "From receiving a report to Kafka's acknowledgement (acks=all)";

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter resubmitted;
    private final Timer ackLatency;

    public GatewayMetrics(final MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder(ACCEPTED).description(ACCEPTED_DESCRIPTION).register(registry);
        this.resubmitted = Counter.builder(RESUBMITTED).description(RESUBMITTED_DESCRIPTION).register(registry);
        this.ackLatency = Timer.builder(ACK_LATENCY).description(ACK_LATENCY_DESCRIPTION)
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram(false).register(registry);
    }

    public void accepted(final Duration latency) {
        accepted.increment();
        ackLatency.record(latency);
    }

    public void resubmitted() {
        resubmitted.increment();
    }

    /** @param reason a short stable code: invalid, conflict, unauthorized, forbidden, rate-limited, too-large, unavailable ... */
    public void rejected(final String reason) {
        Counter.builder(REJECTED).description(REJECTED_DESCRIPTION).tag("reason", reason).register(registry).increment();
    }
}
