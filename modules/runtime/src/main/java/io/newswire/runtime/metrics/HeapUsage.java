package io.newswire.runtime.metrics;

import java.lang.management.ManagementFactory;

/**
 * What data held in memory costs: the used heap after full collections, read before and after loading it
 * ({@code newswire gazetteer check} and the benchmarks). Not for a running service: it forces collections.
 */
public final class HeapUsage {

    private static final int COLLECTIONS = 3;

    private HeapUsage() {
    }

    /** Used heap in bytes after {@value #COLLECTIONS} full collections, each given a moment for reference processing. */
    public static long usedAfterGc() {
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
