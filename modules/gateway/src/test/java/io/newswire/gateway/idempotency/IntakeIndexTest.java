package io.newswire.gateway.idempotency;

import org.junit.jupiter.api.Test;

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

    private final IntakeIndex index = new IntakeIndex();

    private static AcceptedReport ack(final UUID id, final String digest, final long offset) {
        return new AcceptedReport(id, "reem", digest, 0, offset, Instant.parse("2026-11-24T12:00:00Z"));
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
}
