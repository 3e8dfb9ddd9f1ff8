package io.newswire.publisher.webhooks;

import io.newswire.model.WebhookDelivery;
import io.newswire.model.WebhookDeliveryState;
import io.newswire.model.WebhookDeliveryStatus;
import io.newswire.model.WebhookSubscriber;
import io.newswire.model.topics.TopicSpec;
import io.newswire.model.topics.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Delivers one subscriber's tasks, in the order they come, on a thread of its own while it has work: the reason a
 * slow or dead subscriber never delays the others. A batch of tasks goes through four steps, each written to Kafka
 * and acknowledged before the next:
 * <ol>
 *   <li>decide each task against the ledger ({@link DeliveryDecider}) and CLAIM the attempts that go;</li>
 *   <li>POST them in order, signed ({@link WebhookSigner}); after a failure the rest of the batch, and every task
 *       until the subscriber's pause ({@link RetrySchedule#pauseAfter}) ends, fails without a POST ("not tried");</li>
 *   <li>write each failure to its retry tier, or to the parking topic after the last attempt;</li>
 *   <li>write each outcome (DELIVERED, FAILED, PARKED) to the ledger; then the tasks are settled.</li>
 * </ol>
 * Retry and parking records go before the FAILED/PARKED states, so a crash between the two leaves a claim that the
 * retry itself resolves, never a failure with no retry behind it. Kafka writes that fail are sent again (each is
 * idempotent in effect) until they are acknowledged or the lane stops.
 */
final class SubscriberLane {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberLane.class);

    /** A task that did not reach a 2xx, with why. */
    private record Failure(DeliveryTask task, String error, Integer httpStatus, int attemptsMade, boolean parkNow, Instant attemptedAt) {
    }

    private final String subscriberId;
    private final LaneResources resources;
    private final Executor executor;
    private final ConcurrentLinkedQueue<DeliveryTask> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean stopped;
    private int consecutiveFailures;
    private Instant pausedUntil = Instant.MIN;
    private Instant failingSince;
    private String lastError;

    SubscriberLane(final String subscriberId, final LaneResources resources, final Executor executor) {
        this.subscriberId = subscriberId;
        this.resources = resources;
        this.executor = executor;
    }

    void submit(final DeliveryTask task) {
        queue.add(task);
        schedule();
    }

    void stop() {
        stopped = true;
    }

    private void schedule() {
        if (!stopped && draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (!stopped) {
                final List<DeliveryTask> batch = new ArrayList<>();
                DeliveryTask task;
                while (batch.size() < resources.batchSize() && (task = queue.poll()) != null) {
                    batch.add(task);
                }
                if (batch.isEmpty()) {
                    break;
                }
                process(batch);
            }
        } catch (final RuntimeException e) {
            // a bug must not leave the lane stuck with draining set: the tasks stay unsettled and run again after a restart
            LOG.error("Webhook lane of {} failed on a batch; its tasks will be read again after a restart", subscriberId, e);
        } finally {
            draining.set(false);
            if (!queue.isEmpty()) {
                schedule();
            }
        }
    }

    private void process(final List<DeliveryTask> batch) {
        final Optional<WebhookSubscriber> subscriber = resources.directory().byId(subscriberId);
        if (subscriber.isEmpty()) {
            for (final DeliveryTask task : batch) {
                LOG.warn("Dropping delivery {}: subscriber {} was removed", task.delivery().getIdempotencyKey(), subscriberId);
                resources.metrics().outcome(subscriberId, "dropped");
                task.settle();
            }
            return;
        }
        final List<DeliveryTask> attempts = new ArrayList<>();
        final List<Failure> failures = new ArrayList<>();
        decide(batch, attempts, failures);
        final List<DeliveryTask> delivered = new ArrayList<>();
        final Map<DeliveryTask, Integer> statuses = new java.util.HashMap<>();
        if (!attempts.isEmpty()) {
            attempt(subscriber.get(), attempts, delivered, statuses, failures);
        }
        recordFailures(failures);
        recordOutcomes(delivered, statuses, failures);
        delivered.forEach(DeliveryTask::settle);
        failures.forEach(f -> f.task().settle());
    }

    private void decide(final List<DeliveryTask> batch, final List<DeliveryTask> attempts, final List<Failure> failures) {
        final Set<String> seen = new HashSet<>();
        for (final DeliveryTask task : batch) {
            if (!task.live()) {
                continue; // the partition went to another consumer, which does this task itself
            }
            final WebhookDelivery delivery = task.delivery();
            final String key = delivery.getIdempotencyKey();
            if (!seen.add(key)) {
                resources.metrics().outcome(subscriberId, "skipped");
                task.settle();
                continue;
            }
            final WebhookDeliveryState state = resources.ledger().get(key);
            switch (DeliveryDecider.decide(state, delivery.getRound(), delivery.getAttempts(), resources.redeliverAfterCrash())) {
                case ATTEMPT -> attempts.add(task);
                case PARK_UNCERTAIN -> {
                    resources.metrics().outcome(subscriberId, "uncertain");
                    failures.add(new Failure(task, "outcome unknown: attempt " + state.getAttempt() + " was claimed at " + state.getAt()
                            + " by a publisher that stopped before recording how it ended; the subscriber may have it, so it is "
                            + "not sent again by itself (publisher.webhooks.after.crash=park); replay it to send it with the same webhook-id",
                            null, state.getAttempt(), true, state.getAt()));
                }
                default -> {
                    resources.metrics().outcome(subscriberId, "skipped");
                    task.settle();
                }
            }
        }
    }

    private void attempt(final WebhookSubscriber subscriber, final List<DeliveryTask> attempts, final List<DeliveryTask> delivered,
                         final Map<DeliveryTask, Integer> statuses, final List<Failure> failures) {
        final Instant now = resources.clock().instant();
        if (now.isBefore(pausedUntil)) {
            attempts.forEach(task -> failures.add(notTried(task, now)));
            return;
        }
        final URI url;
        final WebhookSigner signer;
        try {
            url = SubscriberValidator.url(subscriber.getUrl());
            signer = new WebhookSigner(subscriber.getSecret());
        } catch (final IllegalArgumentException e) {
            attempts.forEach(task -> failures.add(new Failure(task, "subscriber record unusable: " + e.getMessage(), null,
                    task.delivery().getAttempts() + 1, true, now)));
            return;
        }
        writeUntilAcked("claims", () -> attempts.stream().map(task -> resources.ledger().write(
                state(task, WebhookDeliveryStatus.CLAIMED, task.delivery().getAttempts() + 1, null, null))).toList());
        for (final DeliveryTask task : attempts) {
            final Instant at = resources.clock().instant();
            if (at.isBefore(pausedUntil) || stopped) {
                failures.add(notTried(task, at));
                continue;
            }
            final byte[] body;
            try {
                body = resources.renderer().apply(task.delivery().getUpdate());
            } catch (final RuntimeException e) {
                // the document cannot be made: no retry will help; park it at once with the reason
                failures.add(new Failure(task, "rendering the document failed: " + e, null, task.delivery().getAttempts() + 1, true, at));
                continue;
            }
            final long started = System.nanoTime();
            final WebhookSender.Outcome outcome = resources.sender().post(url, signer.headers(task.delivery().getIdempotencyKey(), at, body), body);
            resources.metrics().attempt(Duration.ofNanos(System.nanoTime() - started));
            if (outcome.delivered()) {
                delivered.add(task);
                statuses.put(task, outcome.httpStatus());
                consecutiveFailures = 0;
                failingSince = null;
            } else {
                failures.add(new Failure(task, outcome.error(), outcome.httpStatus(), task.delivery().getAttempts() + 1, false, at));
                consecutiveFailures++;
                failingSince = failingSince == null ? at : failingSince;
                lastError = outcome.error();
                pausedUntil = at.plus(resources.schedule().pauseAfter(consecutiveFailures));
            }
        }
    }

    private Failure notTried(final DeliveryTask task, final Instant at) {
        resources.metrics().outcome(subscriberId, "deferred");
        return new Failure(task, "not tried: " + subscriberId + " failing since " + failingSince + " (last error: " + lastError
                + "), paused until " + pausedUntil, null, task.delivery().getAttempts() + 1, false, at);
    }

    /** Step 3: every failure into its retry tier or the parking topic. */
    private void recordFailures(final List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        writeUntilAcked("retries", () -> failures.stream().map(f -> {
            final Optional<TopicSpec> tier = f.parkNow() ? Optional.empty() : resources.schedule().tierAfter(f.attemptsMade());
            final WebhookDelivery previous = f.task().delivery();
            final WebhookDelivery next = WebhookDelivery.newBuilder(previous).setAttempts(f.attemptsMade()).setLastError(f.error())
                    .setLastHttpStatus(f.httpStatus()).setLastAttemptAt(f.attemptedAt())
                    .setFirstAttemptAt(previous.getFirstAttemptAt() == null ? f.attemptedAt() : previous.getFirstAttemptAt()).build();
            final String topic = tier.map(TopicSpec::name).orElse(Topics.WEBHOOK_PARKED.name());
            return (Future<?>) resources.deliveries().send(new ProducerRecord<>(topic, null, resources.clock().millis(), subscriberId, next));
        }).toList());
    }

    /** Step 4: the ledger's outcome of every task. */
    private void recordOutcomes(final List<DeliveryTask> delivered, final Map<DeliveryTask, Integer> statuses, final List<Failure> failures) {
        writeUntilAcked("outcomes", () -> {
            final List<Future<?>> sends = new ArrayList<>();
            for (final DeliveryTask task : delivered) {
                sends.add(resources.ledger().write(state(task, WebhookDeliveryStatus.DELIVERED, task.delivery().getAttempts() + 1,
                        statuses.get(task), null)));
            }
            for (final Failure f : failures) {
                final boolean parked = f.parkNow() || resources.schedule().tierAfter(f.attemptsMade()).isEmpty();
                sends.add(resources.ledger().write(state(f.task(), parked ? WebhookDeliveryStatus.PARKED : WebhookDeliveryStatus.FAILED,
                        f.attemptsMade(), f.httpStatus(), f.error())));
            }
            return sends;
        });
        final Instant now = resources.clock().instant();
        for (final DeliveryTask task : delivered) {
            resources.metrics().outcome(subscriberId, "delivered");
            resources.metrics().deliveredAfter(Duration.between(task.delivery().getUpdate().getVersionCreated(), now));
        }
        for (final Failure f : failures) {
            if (f.parkNow() || resources.schedule().tierAfter(f.attemptsMade()).isEmpty()) {
                resources.metrics().outcome(subscriberId, "parked");
                LOG.warn("Parked webhook delivery {} after attempt {}: {}", f.task().delivery().getIdempotencyKey(), f.attemptsMade(), f.error());
            } else {
                resources.metrics().outcome(subscriberId, "failed");
            }
        }
    }

    private WebhookDeliveryState state(final DeliveryTask task, final WebhookDeliveryStatus status, final int attempt,
                                       final Integer httpStatus, final String detail) {
        final WebhookDelivery delivery = task.delivery();
        return WebhookDeliveryState.newBuilder().setIdempotencyKey(delivery.getIdempotencyKey()).setSubscriberId(subscriberId)
                .setArticleId(delivery.getUpdate().getArticleId()).setVersion(delivery.getUpdate().getVersion()).setStatus(status)
                .setRound(delivery.getRound()).setAttempt(attempt).setAt(resources.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setHttpStatus(httpStatus).setDetail(detail).build();
    }

    /** Sends and waits for acknowledgement, sending again after a failure, until acknowledged or stopped. */
    private void writeUntilAcked(final String what, final Supplier<List<? extends Future<?>>> sends) {
        while (true) {
            try {
                DeliveryLedger.await(sends.get(), resources.writeTimeout());
                return;
            } catch (final IllegalStateException e) {
                if (stopped) {
                    throw e;
                }
                LOG.error("Webhook lane of {}: writing {} failed ({}); sending them again in 1 s", subscriberId, what, e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (final InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
