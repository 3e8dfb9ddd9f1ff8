package io.newswire.gateway.idempotency;

import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Map;

/**
 * Fills an {@link IntakeIndex} from {@code newswire.reports.v1}: every partition from the beginning, then follows
 * it (read_committed, no consumer group), so the index survives restarts and every gateway instance learns what
 * the others accepted, usually within a second.
 */
public final class IntakeIndexLoader implements AutoCloseable {

    private final TopicFollower<String, CorrespondentReport> follower;

    public IntakeIndexLoader(final IntakeIndex index, final Map<String, Object> consumerConfig, final Deserializer<CorrespondentReport> values) {
        this.follower = new TopicFollower<>(Topics.REPORTS.name(), consumerConfig, new StringDeserializer(), values, record -> {
            final CorrespondentReport report = record.value();
            if (report != null) {
                index.remember(new AcceptedReport(report.getReportId(), report.getCorrespondentId(), report.getContentDigest(),
                        record.partition(), record.offset(), report.getReceivedAt()));
            }
        });
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

    @Override
    public void close() {
        follower.close();
    }
}
