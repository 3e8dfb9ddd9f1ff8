package io.newswire.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the registry's child JVM and its class-data archive. {@link #terminate()} is idempotent and may be
 * called at once by {@link EmbeddedSchemaRegistry#stop()} and by the JVM shutdown hook: the second caller waits for
 * the first, so the archive is judged once, by whoever actually stopped the process.
 */
final class RegistryProcess {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final ClassDataArchive archive;
    private boolean terminated;

    RegistryProcess(final Process process, final ClassDataArchive archive) {
        this.process = process;
        this.archive = archive;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Closes the pipe the child watches ({@link ParentWatchdog}), as this JVM's death would. */
    void closeParentPipe() throws IOException {
        process.getOutputStream().close();
    }

    /** A short description of how it ended, for error messages; null while it runs. */
    String exitDescription() {
        return process.isAlive() ? null : "exited with code " + process.exitValue();
    }

    /**
     * Ends the child (and anything it started), gracefully then by force after 20 s, waits for it, and keeps a
     * freshly recorded class-data archive only if the child ended when asked (a killed or crashed one may have cut
     * its recording short).
     */
    synchronized void terminate() {
        if (terminated) {
            return;
        }
        terminated = true;
        if (!process.isAlive()) {
            archive.publish(false);
            return;
        }
        final List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean endedWhenAsked = false;
        try {
            endedWhenAsked = process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!endedWhenAsked) {
                LOG.warn("Schema registry (pid {}) did not stop within {}; killing it", process.pid(), STOP_TIMEOUT);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        archive.publish(endedWhenAsked);
    }
}
