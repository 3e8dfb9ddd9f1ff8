package io.newswire.gateway.idempotency;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which report ids the cluster already holds, so a resubmission is answered with the first acknowledgement
 * instead of writing the report again.
 *
 * <p>The index is rebuilt from {@code newswire.reports.v1} itself (every partition, from the beginning) and
 * keeps following it, so it survives restarts and every gateway instance learns what the others accepted.
 * Concurrent submissions of one id in one instance share a single write ({@link #acceptOnce}). What remains: two
 * instances receiving the same id within the moment before either sees the other's write may both write it;
 * processing drops a repeated report id, so no second article event follows (and a second one with other
 * content is dead-lettered there as a conflict).
 */
public final class IntakeIndex implements AutoCloseable {

    private final Map<UUID, AcceptedReport> accepted = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<AcceptedReport>> inFlight = new ConcurrentHashMap<>();
    private final TopicFollower<String, CorrespondentReport> follower;

    public IntakeIndex(final Map<String, Object> consumerConfig, final Deserializer<CorrespondentReport> values) {
        this.follower = new TopicFollower<>(Topics.REPORTS.name(), consumerConfig, new StringDeserializer(), values, record -> {
            final CorrespondentReport report = record.value();
            if (report != null) {
                accepted.putIfAbsent(report.getReportId(), new AcceptedReport(report.getReportId(), report.getCorrespondentId(),
                        report.getContentDigest(), record.partition(), record.offset(), report.getReceivedAt()));
            }
        });
    }

    public IntakeIndex start() {
        follower.start();
        return this;
    }

    /** Waits until the reports on the topic at start are indexed: until then a resubmission could be written twice. */
    public boolean awaitLoaded(final Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    public boolean isLoaded() {
        return follower.isCaughtUp();
    }

    public Optional<AcceptedReport> find(final UUID reportId) {
        return Optional.ofNullable(accepted.get(reportId));
    }

    /**
     * Returns the earlier acknowledgement of this id, or the result of {@code write} when there is none; concurrent
     * callers with one id share a single write. A failed write is forgotten, so a retry writes again.
     */
    public CompletableFuture<AcceptedReport> acceptOnce(final UUID reportId, final Supplier<CompletableFuture<AcceptedReport>> write) {
        final AcceptedReport known = accepted.get(reportId);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        final CompletableFuture<AcceptedReport> mine = new CompletableFuture<>();
        final CompletableFuture<AcceptedReport> running = inFlight.putIfAbsent(reportId, mine);
        if (running != null) {
            return running;
        }
        // checked again: the follower may have indexed it between the first look and the claim
        final AcceptedReport raced = accepted.get(reportId);
        if (raced != null) {
            inFlight.remove(reportId, mine);
            mine.complete(raced);
            return mine;
        }
        write.get().whenComplete((ack, error) -> {
            if (error == null) {
                accepted.putIfAbsent(reportId, ack);
                mine.complete(accepted.get(reportId));
            } else {
                mine.completeExceptionally(error);
            }
            inFlight.remove(reportId, mine);
        });
        return mine;
    }

    @Override
    public void close() {
        follower.close();
    }
}
