package io.newswire.publisher.webhooks;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommitTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    @Test
    void shouldCommitOnlyUpToTheFirstUnsettledRecordWhenDeliveriesSettleOutOfOrder() {
        // Given three records of one partition, two deliveries each (two subscribers)
        final CommitTracker tracker = new CommitTracker();
        final long epoch = tracker.read(P0, 10, 2);
        tracker.read(P0, 11, 2);
        tracker.read(P0, 12, 2);

        // When the fast subscriber settles all three and the slow one only the last
        tracker.settle(P0, 10, epoch);
        tracker.settle(P0, 11, epoch);
        tracker.settle(P0, 12, epoch);
        tracker.settle(P0, 12, epoch);

        // Then the commit stays at the slow subscriber's first open record
        assertThat(tracker.toCommit()).containsEntry(P0, new OffsetAndMetadata(10));
        assertThat(tracker.pending()).isEqualTo(2);
        tracker.settle(P0, 10, epoch);
        tracker.settle(P0, 11, epoch);
        assertThat(tracker.toCommit()).containsEntry(P0, new OffsetAndMetadata(13));
        assertThat(tracker.toCommit()).as("nothing moved since").isEmpty();
    }

    @Test
    void shouldCommitPastRecordsWithoutDeliveriesWhenNoneIsOwed() {
        final CommitTracker tracker = new CommitTracker();
        tracker.read(P1, 5, 0);
        assertThat(tracker.toCommit()).containsEntry(P1, new OffsetAndMetadata(6));
    }

    @Test
    void shouldIgnoreSettlesAndReportTasksDeadWhenThePartitionWasGivenUp() {
        final CommitTracker tracker = new CommitTracker();
        final long epoch = tracker.read(P0, 1, 1);
        assertThat(tracker.isLive(P0, epoch)).isTrue();

        tracker.forget(List.of(P0));

        assertThat(tracker.isLive(P0, epoch)).isFalse();
        assertThat(tracker.pending()).isZero();
        final long next = tracker.read(P0, 1, 1);
        tracker.settle(P0, 1, epoch); // the old task's settle must not count for the new read
        assertThat(tracker.pending()).isEqualTo(1);
        assertThat(tracker.hasUnsettled(List.of(P0))).isTrue();
        tracker.settle(P0, 1, next);
        assertThat(tracker.hasUnsettled(List.of(P0))).isFalse();
    }

    @Test
    void shouldKeepTheCommitAtAHeldRecordWithoutCountingItPendingWhenAnEmbargoedVersionIsHeld() {
        // Given an embargoed record held at 20 and two delivered records after it
        final CommitTracker tracker = new CommitTracker();
        final long epoch = tracker.hold(P0, 20);
        tracker.read(P0, 21, 0);
        tracker.read(P0, 22, 0);

        // Then the commit stays at the held record, yet it neither pauses reading nor delays giving the partition up
        assertThat(tracker.toCommit()).containsEntry(P0, new OffsetAndMetadata(20));
        assertThat(tracker.pending()).isZero();
        assertThat(tracker.hasUnsettled(List.of(P0))).isFalse();

        // When it is released: its one delivery is counted first, then the hold ends
        tracker.read(P0, 20, 1);
        tracker.unhold(P0, 20, epoch);
        assertThat(tracker.toCommit()).as("its delivery still open").isEmpty();
        tracker.settle(P0, 20, epoch);
        assertThat(tracker.toCommit()).containsEntry(P0, new OffsetAndMetadata(23));
    }

    @Test
    void shouldDropHoldsWhenThePartitionWasGivenUp() {
        final CommitTracker tracker = new CommitTracker();
        final long epoch = tracker.hold(P0, 7);
        tracker.forget(List.of(P0));

        tracker.read(P0, 9, 0);
        tracker.unhold(P0, 7, epoch); // the old epoch's hold is gone and must not matter

        assertThat(tracker.toCommit()).containsEntry(P0, new OffsetAndMetadata(10));
    }
}
