package io.newswire.gateway.idempotency;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which report ids the cluster already holds, so a resubmission is answered with the first acknowledgement instead
 * of being written again. The pure core: {@link IntakeIndexLoader} fills it from {@code newswire.reports.v1}.
 *
 * <p>Rules: the first acknowledgement of an id wins and is never replaced; concurrent submissions of one id in
 * this instance share a single write ({@link #acceptOnce}); a failed write is forgotten, so a retry writes again.
 *
 * <p>What this cannot stop, stated plainly: (1) two instances receiving the same id within the moment before either
 * has read the other's write both write it; (2) a write that timed out (the client got 503) may still land on the
 * topic, and a retry arriving before this index has read it writes a second copy. In both cases the topic holds
 * two records with one report id; processing keeps the first and drops the repeat (a repeat with other content
 * is dead-lettered there as a conflict), so no second article event follows. Memory: one small entry per report
 * retained on the topic (30 days), about 200 bytes each.
 */
public final class IntakeIndex {

    private final Map<UUID, AcceptedReport> accepted = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<AcceptedReport>> inFlight = new ConcurrentHashMap<>();

    /** Records an acknowledged report (from the topic or from this instance's own write); an earlier entry wins. */
    public void remember(final AcceptedReport report) {
        accepted.putIfAbsent(report.reportId(), report);
    }

    public Optional<AcceptedReport> find(final UUID reportId) {
        return Optional.ofNullable(accepted.get(reportId));
    }

    public int size() {
        return accepted.size();
    }

    /**
     * Returns the earlier acknowledgement of this id, or the result of {@code write} when there is none; concurrent
     * callers with one id share a single write.
     *
     * @param write starts the write and completes with its acknowledgement; called at most once per call here,
     *              and not at all when the id is known or another caller's write of it is under way
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
        // looked at again: the loader may have indexed it between the first look and the claim
        final AcceptedReport raced = accepted.get(reportId);
        if (raced != null) {
            inFlight.remove(reportId, mine);
            mine.complete(raced);
            return mine;
        }
        final CompletableFuture<AcceptedReport> written;
        try {
            written = write.get();
        } catch (final RuntimeException e) {
            inFlight.remove(reportId, mine);
            mine.completeExceptionally(e);
            return mine;
        }
        written.whenComplete((ack, error) -> {
            if (error == null) {
                remember(ack);
            }
            // deregistered before anyone is told: a caller retrying the moment it hears of a failure must start a
            // new write, not join this failed one
            inFlight.remove(reportId, mine);
            if (error == null) {
                // the index's entry, not necessarily ours: the loader may have seen another instance's write first
                mine.complete(accepted.get(reportId));
            } else {
                mine.completeExceptionally(error);
            }
        });
        return mine;
    }
}
