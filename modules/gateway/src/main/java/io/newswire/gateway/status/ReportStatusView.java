package io.newswire.gateway.status;

import io.newswire.model.ReportStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What processing made of each report (PROCESSED into an article version, DUPLICATE, DEAD_LETTERED), latest state
 * per report id, for GET /v1/reports/{id}. The pure core: {@link ReportStatusLoader} fills it from the compacted
 * {@code newswire.reports.status.v1}.
 *
 * <p>Retention: a state is kept for the same window as the accepted ids (gateway.idempotency.window.ms), counted
 * from its {@code updatedAt}. The status endpoint looks a report up among the accepted ids first, so a longer window
 * here would hold states nobody can ask for, and a shorter one would show ACCEPTED for a report processing has
 * long finished with. Processing writes a state after the report was accepted, so a state outlives its id by that
 * moment and is there whenever the id is. A report past the window gets 404 from the endpoint.
 */
public final class ReportStatusView {

    private final Map<UUID, ReportStatus> statuses = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration window;

    /**
     * @param clock  tells the time the window is counted back from
     * @param window how long after its last update a state is kept
     */
    public ReportStatusView(final Clock clock, final Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The status window must be positive: " + window);
        }
        this.clock = clock;
        this.window = window;
    }

    /** The oldest update still inside the window: where the loader starts reading. */
    public Instant oldestKept() {
        return clock.instant().minus(window);
    }

    /**
     * Records the latest state of a report; a later record of the same report replaces it (the topic is compacted by
     * report id). A state already past the window is not recorded.
     */
    public void remember(final ReportStatus status) {
        if (!expired(status, oldestKept())) {
            statuses.put(status.getReportId(), status);
        }
    }

    /** The latest state of a report, if updated within the window. */
    public Optional<ReportStatus> find(final UUID reportId) {
        final ReportStatus status = statuses.get(reportId);
        return status == null || expired(status, oldestKept()) ? Optional.empty() : Optional.of(status);
    }

    /** States held, including any past the window not yet evicted. */
    public int size() {
        return statuses.size();
    }

    /** Drops the states last updated before the window (called periodically); returns how many. */
    public int evictExpired() {
        final Instant oldest = oldestKept();
        final int[] evicted = {0};
        // conditional removal: a newer state that replaced the tested one meanwhile stays
        statuses.values().removeIf(status -> expired(status, oldest) && ++evicted[0] > 0);
        return evicted[0];
    }

    private static boolean expired(final ReportStatus status, final Instant oldest) {
        return status.getUpdatedAt().isBefore(oldest);
    }
}
