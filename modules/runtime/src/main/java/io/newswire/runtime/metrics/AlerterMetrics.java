package io.newswire.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * The alerter's meters, each name beside its description. Labels stay bounded: {@code kind} is one of a fixed few
 * and {@code desk} one of the desks that have rules (or {@value #ALL_DESKS} for health alerts).
 */
public final class AlerterMetrics {

    /** Exported as {@code newswire_alerts_fired_total}. */
    public static final String ALERTS_FIRED = "newswire.alerts.fired";
    private static final String ALERTS_FIRED_DESC = "Alerts the alerter wrote to newswire.alerts.v1 since start, by kind (a rule alert's "
            + "escalation: first, urgency_raised, correction, withdrawal, corroboration; health_firing, health_cleared) and desk (the "
            + "rule's desk; all for health alerts). A rule alert is counted as it is computed: one whose transaction aborts and is "
            + "computed again counts twice.";
    /** The desk label of health alerts, which are for everyone. */
    public static final String ALL_DESKS = "all";

    private final MeterRegistry registry;

    public AlerterMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * One alert written.
     *
     * @param kind the escalation of a rule alert (FIRST, CORRECTION...) or of a health alert (FIRING, CLEARED, counted
     *             as health_firing and health_cleared)
     * @param desk the rule's desk; null for a health alert
     * @param health whether it is a health alert
     */
    public void fired(final String kind, final String desk, final boolean health) {
        final String label = (health ? "health_" : "") + (kind == null ? "unknown" : kind.toLowerCase(Locale.ROOT));
        Counter.builder(ALERTS_FIRED).description(ALERTS_FIRED_DESC).tag("kind", label).tag("desk", desk == null ? ALL_DESKS : desk)
                .register(registry).increment();
    }
}
