package io.newswire.gateway.publish;

import io.newswire.gateway.idempotency.AcceptedReport;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes a report to {@code newswire.reports.v1}, keyed by report id, and completes only when the cluster has
 * acknowledged it (the producer runs with acks=all and idempotence): the gateway answers 202 from this, never
 * before. A write not acknowledged within the timeout fails, and the gateway answers 503.
 *
 * <p>The timeout counts from the call, including the time {@code send} itself may block (fetching metadata, or a
 * full buffer while the cluster is away), so a client waits at most about {@code ackTimeout} either way.
 */
public final class ReportPublisher {

    private final Producer<String, CorrespondentReport> producer;
    private final Duration ackTimeout;

    /**
     * @param producer   a durable producer ({@code KafkaClientConfigs.durableProducer}); not closed here
     * @param ackTimeout longest wait for the acknowledgement
     */
    public ReportPublisher(final Producer<String, CorrespondentReport> producer, final Duration ackTimeout) {
        this.producer = producer;
        this.ackTimeout = ackTimeout;
    }

    /** Completes with where the report is, or exceptionally (timeout, or the producer's error). */
    public CompletableFuture<AcceptedReport> publish(final CorrespondentReport report) {
        final long started = System.nanoTime();
        final CompletableFuture<AcceptedReport> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.REPORTS.name(), report.getReportId().toString(), report), (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(new AcceptedReport(report.getReportId(), report.getCorrespondentId(), report.getContentDigest(),
                            metadata.partition(), metadata.offset(), report.getReceivedAt()));
                }
            });
        } catch (final RuntimeException e) {
            // send() itself fails when metadata cannot be fetched within max.block.ms: the cluster is away
            acked.completeExceptionally(e);
        }
        final long leftMs = ackTimeout.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return acked.orTimeout(Math.max(1, leftMs), TimeUnit.MILLISECONDS);
    }
}
