package io.newswire.gateway.status;

import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fills a {@link ReportStatusView} from {@code newswire.reports.status.v1} (written by processing) and keeps
 * following it. Each partition is read from the first record inside the view's window (by record timestamp), so
 * states older than the window are not read at start.
 */
public final class ReportStatusLoader implements AutoCloseable {

    private final TopicFollower<String, ReportStatus> follower;
    private final LongAdder recordsRead = new LongAdder();

    public ReportStatusLoader(final ReportStatusView view, final Map<String, Object> consumerConfig, final Deserializer<ReportStatus> values) {
        this.follower = new TopicFollower<>(Topics.REPORT_STATUS.name(), consumerConfig, new StringDeserializer(), values, record -> {
            recordsRead.increment();
            if (record.value() != null) {
                view.remember(record.value());
            }
        }, view::oldestKept);
    }

    public ReportStatusLoader start() {
        follower.start();
        return this;
    }

    /** Waits until the states on the topic at start are read: until then a processed report would show ACCEPTED. */
    public boolean awaitLoaded(final Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    public boolean isLoaded() {
        return follower.isCaughtUp();
    }

    /** Records handed over since start, for the gateway's metrics. */
    public long recordsRead() {
        return recordsRead.sum();
    }

    @Override
    public void close() {
        follower.close();
    }
}
