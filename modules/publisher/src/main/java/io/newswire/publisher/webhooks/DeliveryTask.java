package io.newswire.publisher.webhooks;

import io.newswire.model.WebhookDelivery;
import org.apache.kafka.common.TopicPartition;

/**
 * One delivery a consumer read and handed to a subscriber's lane, with where it came from, so settling it lets the
 * consumer commit past its record.
 *
 * @param delivery the version, subscriber, round and attempts so far
 * @param source   the partition of the record it came from
 * @param offset   that record's offset
 * @param epoch    the partition's epoch in {@code tracker} when it was read
 * @param tracker  the reading consumer's tracker
 */
public record DeliveryTask(WebhookDelivery delivery, TopicPartition source, long offset, long epoch, CommitTracker tracker) {

    /** This task is done with: delivered, handed to a retry tier or parked (all acknowledged), or skipped. */
    public void settle() {
        tracker.settle(source, offset, epoch);
    }

    /** False once the consumer gave the partition up: the new owner will do this task. */
    public boolean live() {
        return tracker.isLive(source, epoch);
    }
}
