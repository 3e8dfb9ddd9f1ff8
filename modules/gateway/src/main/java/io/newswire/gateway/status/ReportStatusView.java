package io.newswire.gateway.status;

import io.newswire.model.ReportStatus;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What processing made of each report (PROCESSED into an article version, DUPLICATE, DEAD_LETTERED), latest state
 * per report id, for GET /v1/reports/{id}. The pure core: {@link ReportStatusLoader} fills it from the compacted
 * {@code newswire.reports.status.v1}.
 */
public final class ReportStatusView {

    private final Map<UUID, ReportStatus> statuses = new ConcurrentHashMap<>();

    /** Records the latest state of a report; a later record of the same report replaces it (the topic is compacted by report id). */
    public void remember(final ReportStatus status) {
        statuses.put(status.getReportId(), status);
    }

    public Optional<ReportStatus> find(final UUID reportId) {
        return Optional.ofNullable(statuses.get(reportId));
    }
}
