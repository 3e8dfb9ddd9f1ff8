package io.newswire.gateway.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * <p>Retention: an id is remembered for a window (gateway.idempotency.window.ms, 7 days by default, which covers any
 * offline queue) counted from its acceptance time ({@code receivedAt}). Past the window the id is unknown here: it
 * is not found, {@link #evictExpired} drops it, and the loader does not read it at start. A resubmission older than
 * the window is therefore written again and answered as a new acceptance; processing drops a repeat with the same
 * content by report id (and dead-letters one with other content as a conflict, which the gateway can then no longer
 * answer with 409), so no second article event follows.
 *
 * <p>Rules, within the window: the first acknowledgement of an id wins and is never replaced; concurrent
 * submissions of one id in this instance share a single write ({@link #acceptOnce}); a failed write is forgotten,
 * so a retry writes again. Past the window the entry is gone, so the next acknowledgement of the id is the first.
 *
 * <p>What this cannot stop, stated plainly: (1) two instances receiving the same id within the moment before either
 * has read the other's write both write it; (2) a write that timed out (the client got 503) may still land on the
 * topic, and a retry arriving before this index has read it writes a second copy. In both cases the topic holds
 * two records with one report id; processing keeps the first and drops the repeat (a repeat with other content
 * is dead-lettered there as a conflict), so no second article event follows. Memory: one small entry per report
 * accepted within the window, about 200 bytes each, whatever the topic holds before it.
 */
public final class IntakeIndex {

    private final Map<UUID, AcceptedReport> accepted = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<AcceptedReport>> inFlight = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration window;

    /**
     * @param clock  tells the time the window is counted back from
     * @param window how long after its acceptance an id is remembered
     */
    public IntakeIndex(final Clock clock, final Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The idempotency window must be positive: " + window);
        }
        this.clock = clock;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** The oldest acceptance time still inside the window: where the loader starts reading. */
    public Instant oldestRemembered() {
        return clock.instant().minus(window);
    }

    /**
     * Records an acknowledged report (from the topic or from this instance's own write); an earlier entry within the
     * window wins. One already past the window is not recorded.
     */
    public void remember(final AcceptedReport report) {
        final Instant oldest = oldestRemembered();
        if (expired(report, oldest)) {
            return;
        }
        accepted.compute(report.reportId(), (id, earlier) -> earlier != null && !expired(earlier, oldest) ? earlier : report);
    }

    /** The acknowledgement of an id accepted within the window. */
    public Optional<AcceptedReport> find(final UUID reportId) {
        final AcceptedReport known = accepted.get(reportId);
        return known == null || expired(known, oldestRemembered()) ? Optional.empty() : Optional.of(known);
    }

    /** Entries held, including any past the window not yet evicted. */
    public int size() {
        return accepted.size();
    }

    /** Drops the ids accepted before the window (called periodically); returns how many. */
    public int evictExpired() {
        final Instant oldest = oldestRemembered();
        final int[] evicted = {0};
        // removeIf on a ConcurrentHashMap removes an entry only if it is still the one tested: a fresh
        // acknowledgement that replaced an expired entry meanwhile stays
        accepted.values().removeIf(report -> expired(report, oldest) && ++evicted[0] > 0);
        return evicted[0];
    }

    private static boolean expired(final AcceptedReport report, final Instant oldest) {
        return report.receivedAt().isBefore(oldest);
    }

    /**
     * Returns the earlier acknowledgement of this id, or the result of {@code write} when there is none; concurrent
     * callers with one id share a single write.
     *
     * @param write starts the write and completes with its acknowledgement; called at most once per call here,
     *              and not at all when the id is known or another caller's write of it is under way
     */
    public CompletableFuture<AcceptedReport> acceptOnce(final UUID reportId, final Supplier<CompletableFuture<AcceptedReport>> write) {
        final Optional<AcceptedReport> known = find(reportId);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known.get());
        }
        final CompletableFuture<AcceptedReport> mine = new CompletableFuture<>();
        final CompletableFuture<AcceptedReport> running = inFlight.putIfAbsent(reportId, mine);
        if (running != null) {
            return running;
        }
        // looked at again: the loader may have indexed it between the first look and the claim
        final Optional<AcceptedReport> raced = find(reportId);
        if (raced.isPresent()) {
            inFlight.remove(reportId, mine);
            mine.complete(raced.get());
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
                mine.complete(find(reportId).orElse(ack));
            } else {
                mine.completeExceptionally(error);
            }
        });
        return mine;
    }
}
