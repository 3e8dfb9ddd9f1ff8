package io.newswire.gateway.status;

import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.Map;

/** Fills a {@link ReportStatusView} from {@code newswire.reports.status.v1} (written by processing) and keeps following it. */
public final class ReportStatusLoader implements AutoCloseable {

    private final TopicFollower<String, ReportStatus> follower;

    public ReportStatusLoader(final ReportStatusView view, final Map<String, Object> consumerConfig, final Deserializer<ReportStatus> values) {
        this.follower = new TopicFollower<>(Topics.REPORT_STATUS.name(), consumerConfig, new StringDeserializer(), values, record -> {
            if (record.value() != null) {
                view.remember(record.value());
            }
        });
    }

    public ReportStatusLoader start() {
        follower.start();
        return this;
    }

    @Override
    public void close() {
        follower.close();
    }
}
