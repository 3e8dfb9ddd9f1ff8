package io.newswire.gateway.idempotency;

import io.newswire.gateway.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);

    private final SettableClock clock = new SettableClock(NOW);
    private final IntakeIndex index = new IntakeIndex(clock, WINDOW);

    private static AcceptedReport ack(final UUID id, final String digest, final long offset) {
        return acceptedAt(id, digest, offset, NOW);
    }

    private static AcceptedReport acceptedAt(final UUID id, final String digest, final long offset, final Instant receivedAt) {
        return new AcceptedReport(id, "reem", digest, 0, offset, receivedAt);
    }

    @Test
    void shouldShareOneWriteAmongConcurrentSubmissionsOfOneId() throws Exception {
        // Given 32 threads submitting one id at once while the write is still waiting for Kafka
        final UUID id = UUID.randomUUID();
        final AtomicInteger writes = new AtomicInteger();
        final CompletableFuture<AcceptedReport> kafka = new CompletableFuture<>();
        final CountDownLatch go = new CountDownLatch(1);
        final ExecutorService threads = Executors.newFixedThreadPool(32);
        final List<Future<CompletableFuture<AcceptedReport>>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            answers.add(threads.submit(() -> {
                go.await();
                return index.acceptOnce(id, () -> {
                    writes.incrementAndGet();
                    return kafka;
                });
            }));
        }
        go.countDown();
        final List<CompletableFuture<AcceptedReport>> pending = new ArrayList<>();
        for (final Future<CompletableFuture<AcceptedReport>> answer : answers) {
            pending.add(answer.get());
        }
        threads.shutdown();

        // When Kafka acknowledges
        kafka.complete(ack(id, "d", 7));

        // Then one write was made and every caller got its acknowledgement
        assertThat(writes).hasValue(1);
        assertThat(pending).allSatisfy(p -> assertThat(p.join().offset()).isEqualTo(7));
        assertThat(index.find(id)).isPresent();
    }

    @Test
    void shouldForgetAFailedWriteSoARetryWritesAgain() {
        final UUID id = UUID.randomUUID();
        final CompletableFuture<AcceptedReport> failed = index.acceptOnce(id, () -> CompletableFuture.failedFuture(new IllegalStateException("broker away")));
        assertThat(failed).isCompletedExceptionally();
        assertThat(index.find(id)).isEmpty();

        final AtomicInteger writes = new AtomicInteger();
        index.acceptOnce(id, () -> {
            writes.incrementAndGet();
            return CompletableFuture.completedFuture(ack(id, "d", 1));
        });
        assertThat(writes).hasValue(1);
    }

    @Test
    void shouldAnswerAKnownIdFromTheIndexWithoutWriting() {
        final UUID id = UUID.randomUUID();
        index.remember(ack(id, "first", 3));

        final AcceptedReport answer = index.acceptOnce(id, () -> {
            throw new AssertionError("a known id must not be written again");
        }).join();

        assertThat(answer.offset()).isEqualTo(3);
    }

    @Test
    void shouldKeepTheFirstAcknowledgementWhenTheTopicHoldsTheIdTwice() {
        // two instances raced and both wrote: the earlier record is the report, the later a repeat
        final UUID id = UUID.randomUUID();
        index.remember(ack(id, "first", 3));
        index.remember(ack(id, "second", 9));

        assertThat(index.find(id).orElseThrow().digest()).isEqualTo("first");
    }

    @Test
    void shouldReleaseTheIdWhenStartingTheWriteThrows() {
        final UUID id = UUID.randomUUID();
        assertThat(index.acceptOnce(id, () -> {
            throw new IllegalStateException("serializer failed");
        })).isCompletedExceptionally();

        assertThat(index.acceptOnce(id, () -> CompletableFuture.completedFuture(ack(id, "d", 2))).join().offset()).isEqualTo(2);
    }

    @Test
    void shouldLetARetryWriteAgainTheMomentItHearsOfTheFailure() {
        // Given a write that fails later, on another thread (as a producer callback does)
        final UUID id = UUID.randomUUID();
        final CompletableFuture<AcceptedReport> kafka = new CompletableFuture<>();
        final AtomicInteger writes = new AtomicInteger();
        final CompletableFuture<AcceptedReport> first = index.acceptOnce(id, () -> kafka);

        // When the caller retries from inside the notification of the failure, before anything else can run
        final CompletableFuture<CompletableFuture<AcceptedReport>> retry = first.handle((ack, error) -> index.acceptOnce(id, () -> {
            writes.incrementAndGet();
            return CompletableFuture.completedFuture(ack(id, "d", 5));
        }));
        kafka.completeExceptionally(new IllegalStateException("timed out"));

        // Then the retry started a write of its own and was accepted
        assertThat(writes).hasValue(1);
        assertThat(retry.join().join().offset()).isEqualTo(5);
    }

    @Test
    void shouldForgetAnIdOnceItsAcceptanceIsOlderThanTheWindowAndEvictIt() {
        // Given an id accepted now, and one accepted an hour earlier
        final UUID older = UUID.randomUUID();
        final UUID newer = UUID.randomUUID();
        index.remember(acceptedAt(older, "d", 1, NOW.minus(Duration.ofHours(1))));
        index.remember(ack(newer, "d", 2));

        // When the clock passes the older one's window but not the newer one's
        clock.advance(WINDOW.minus(Duration.ofMinutes(30)));

        // Then the older is unknown even before a sweep, the sweep drops exactly it, and the newer stays
        assertThat(index.find(older)).isEmpty();
        assertThat(index.find(newer)).isPresent();
        assertThat(index.evictExpired()).isEqualTo(1);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.find(newer)).isPresent();
    }

    @Test
    void shouldKeepAnIdUpToTheEdgeOfTheWindow() {
        final UUID id = UUID.randomUUID();
        index.remember(ack(id, "d", 1));

        clock.advance(WINDOW);
        assertThat(index.find(id)).as("exactly one window old").isPresent();
        assertThat(index.evictExpired()).isZero();

        clock.advance(Duration.ofMillis(1));
        assertThat(index.find(id)).isEmpty();
    }

    @Test
    void shouldWriteAgainAResubmissionOlderThanTheWindowAndLetItsAcknowledgementWin() {
        // Given an id accepted more than a window ago, not yet swept
        final UUID id = UUID.randomUUID();
        index.remember(ack(id, "d", 3));
        clock.advance(WINDOW.plusSeconds(1));

        // When it is submitted again
        final AtomicInteger writes = new AtomicInteger();
        final AcceptedReport answer = index.acceptOnce(id, () -> {
            writes.incrementAndGet();
            return CompletableFuture.completedFuture(acceptedAt(id, "d", 40, clock.instant()));
        }).join();

        // Then it is written again, and the new acknowledgement is now the one within the window
        assertThat(writes).hasValue(1);
        assertThat(answer.offset()).isEqualTo(40);
        assertThat(index.find(id).orElseThrow().offset()).isEqualTo(40);
        assertThat(index.evictExpired()).isZero();
    }

    @Test
    void shouldNotRecordAnAcknowledgementAlreadyOlderThanTheWindow() {
        // what the loader hands over from a partition whose timestamps are not in order
        final UUID id = UUID.randomUUID();
        index.remember(acceptedAt(id, "d", 1, NOW.minus(WINDOW).minusSeconds(1)));

        assertThat(index.find(id)).isEmpty();
        assertThat(index.size()).isZero();
        assertThat(index.oldestRemembered()).isEqualTo(NOW.minus(WINDOW));
    }
}
