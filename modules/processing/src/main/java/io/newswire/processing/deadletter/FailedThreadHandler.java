package io.newswire.processing.deadletter;

import io.newswire.serde.RegistryUnavailableException;
import io.newswire.serde.SchemaRegistryClient;
import io.newswire.serde.SchemaRegistryException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What processing does when a stream thread dies: the thread is replaced (REPLACE_THREAD). Under exactly-once its
 * open transaction is aborted and the new thread reads again from the last committed offsets, so nothing is lost
 * or doubled.
 *
 * <p>A schema registry outage ends a thread on purpose: a record whose writer schema is not cached cannot be read,
 * and one whose output schema id is not cached cannot be written, so the dead-letter handlers answer FAIL rather than
 * dead-letter a good record (see {@link DeadLetterDeserializationHandler}). Replaced at once, the new thread would die
 * the same way a few seconds later, over and over. So for a failure caused by {@link RegistryUnavailableException}
 * the dying thread first waits for the registry: it asks it for its compatibility level every second, and is replaced
 * as soon as the registry answers, or after {@link #MAX_OUTAGE_WAIT} at most (then, if the registry is still away,
 * the new thread fails within the registry client's call timeout and waits again: one try about every 35 s). The
 * wait ends early when the application is stopping. Meanwhile its partitions stay with it and nothing is processed:
 * an outage pauses processing, and it resumes where it was when the registry is back. The new thread gets the
 * partitions once the group has dropped the failed thread's membership, which takes up to the consumer's
 * {@code session.timeout.ms} (45 s by default; {@code kafka.session.timeout.ms} in Newswire's settings).
 */
public final class FailedThreadHandler implements StreamsUncaughtExceptionHandler {

    /** The longest a thread that died of a registry outage waits for the registry before it is replaced anyway. */
    public static final Duration MAX_OUTAGE_WAIT = Duration.ofSeconds(30);
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(FailedThreadHandler.class);

    private final SchemaRegistryClient registry;
    private final BooleanSupplier applicationRunning;

    /**
     * @param registry           the client the serdes use, to ask whether the registry answers again
     * @param applicationRunning false once the application is stopping (ends a wait early)
     */
    public FailedThreadHandler(final SchemaRegistryClient registry, final BooleanSupplier applicationRunning) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.applicationRunning = Objects.requireNonNull(applicationRunning, "applicationRunning");
    }

    @Override
    public StreamThreadExceptionResponse handle(final Throwable error) {
        if (!RegistryUnavailableException.isCauseOf(error)) {
            LOG.error("Stream thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.warn("Stream thread stopped because the schema registry at {} gives no answer; nothing was committed or dead-lettered."
                + " Waiting up to {} s for the registry before replacing the thread: {}", registry.baseUrl(), MAX_OUTAGE_WAIT.toSeconds(),
                error.getMessage());
        if (awaitRegistry()) {
            LOG.info("Schema registry at {} answers again; replacing the stream thread", registry.baseUrl());
        } else {
            LOG.warn("Schema registry at {} still gives no answer; replacing the stream thread anyway", registry.baseUrl());
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** True once the registry answers anything, false when the wait ran out or the application is stopping. */
    private boolean awaitRegistry() {
        final long deadline = System.nanoTime() + MAX_OUTAGE_WAIT.toNanos();
        while (applicationRunning.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                registry.compatibility(null);
                return true;
            } catch (final SchemaRegistryException e) {
                if (!e.isUnavailable()) {
                    // an answer, even a refusal, means the registry is back
                    return true;
                }
            }
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
