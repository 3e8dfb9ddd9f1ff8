package io.newswire.gateway.idempotency;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fills an {@link IntakeIndex} from {@code newswire.reports.v1}: every partition from the first record inside the
 * index's window ({@code offsetsForTimes} at now minus the window, by record timestamp), then follows it
 * (read_committed, no consumer group), so the index survives restarts and every gateway instance learns what the
 * others accepted, usually within a second. History before the window is never read, so start-up time and memory
 * follow the reports of one window, not the topic's whole retention.
 */
public final class IntakeIndexLoader implements AutoCloseable {

    private final TopicFollower<String, CorrespondentReport> follower;
    private final LongAdder recordsRead = new LongAdder();

    public IntakeIndexLoader(final IntakeIndex index, final Map<String, Object> consumerConfig, final Deserializer<CorrespondentReport> values) {
        this.follower = new TopicFollower<>(Topics.REPORTS.name(), consumerConfig, new StringDeserializer(), values, record -> {
            recordsRead.increment();
            final CorrespondentReport report = record.value();
            if (report != null) {
                index.remember(new AcceptedReport(report.getReportId(), report.getCorrespondentId(), report.getContentDigest(),
                        record.partition(), record.offset(), report.getReceivedAt()));
            }
        }, index::oldestRemembered);
    }

    public IntakeIndexLoader start() {
        follower.start();
        return this;
    }

    /** Waits until the reports on the topic at start are indexed: until then a resubmission could be written twice. */
    public boolean awaitLoaded(final Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    public boolean isLoaded() {
        return follower.isCaughtUp();
    }

    /** Records handed over since start (at start, those inside the window), for the gateway's metrics. */
    public long recordsRead() {
        return recordsRead.sum();
    }

    @Override
    public void close() {
        follower.close();
    }
}
