package io.newswire.gateway.idempotency;

import java.time.Instant;
import java.util.UUID;

/**
 * A report the cluster has acknowledged, and where it is.
 *
 * @param reportId        the client's id
 * @param correspondentId who filed it
 * @param digest          content digest, to tell a retry (same) from a conflict (different)
 * @param partition       partition of newswire.reports.v1
 * @param offset          offset in that partition
 * @param receivedAt      when the gateway first received it
 */
public record AcceptedReport(UUID reportId, String correspondentId, String digest, int partition, long offset, Instant receivedAt) {
}
