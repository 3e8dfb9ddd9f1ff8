package io.newswire.gateway.status;

import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** What processing made of each report, from the compacted {@code newswire.reports.status.v1} topic. */
public final class ReportStatusView implements AutoCloseable {

    private final Map<UUID, ReportStatus> statuses = new ConcurrentHashMap<>();
    private final TopicFollower<String, ReportStatus> follower;

    public ReportStatusView(final Map<String, Object> consumerConfig, final Deserializer<ReportStatus> values) {
        this.follower = new TopicFollower<>(Topics.REPORT_STATUS.name(), consumerConfig, new StringDeserializer(), values, record -> {
            if (record.value() != null) {
                statuses.put(record.value().getReportId(), record.value());
            }
        });
    }

    public ReportStatusView start() {
        follower.start();
        return this;
    }

    public Optional<ReportStatus> find(final UUID reportId) {
        return Optional.ofNullable(statuses.get(reportId));
    }

    @Override
    public void close() {
        follower.close();
    }
}
