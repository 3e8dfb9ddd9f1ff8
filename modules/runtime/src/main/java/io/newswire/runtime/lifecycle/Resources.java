package io.newswire.runtime.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * What a component opened, closed in the reverse order it was opened (a server before the followers feeding it,
 * those before the clients they use), each close tried even when an earlier one failed. A component keeps each
 * resource as it opens it, so a failure half-way through start-up closes exactly what was opened.
 */
public final class Resources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Keeps a resource to close later; returns it, so {@code this.x = resources.keep(new X(...))} reads naturally. */
    public synchronized <T extends AutoCloseable> T keep(final T resource) {
        opened.add(resource);
        return resource;
    }

    /** Closes everything kept, last first; a failure is logged and the rest are still closed. Idempotent. */
    @Override
    public synchronized void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (final Exception e) {
                LOG.warn("Closing {} failed: {}", opened.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        opened.clear();
    }
}
