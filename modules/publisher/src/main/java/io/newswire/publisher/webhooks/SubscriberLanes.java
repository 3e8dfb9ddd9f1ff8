package io.newswire.publisher.webhooks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link SubscriberLane} per subscriber, made on first use, each draining on a thread of a shared pool while it
 * has work (so threads follow the subscribers that are busy, not all that exist).
 */
final class SubscriberLanes implements AutoCloseable {

    private final Map<String, SubscriberLane> lanes = new ConcurrentHashMap<>();
    private final LaneResources resources;
    private final ExecutorService pool;

    SubscriberLanes(final LaneResources resources) {
        this.resources = resources;
        final AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            final Thread thread = new Thread(r, "webhook-lane-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void submit(final DeliveryTask task) {
        lanes.computeIfAbsent(task.delivery().getSubscriberId(), id -> new SubscriberLane(id, resources, pool)).submit(task);
    }

    @Override
    public void close() {
        lanes.values().forEach(SubscriberLane::stop);
        pool.shutdown();
        try {
            // a POST in flight ends within the request timeout; its outcome is then written or left as a claim
            if (!pool.awaitTermination(resources.writeTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
