package io.newswire.ops.status;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures end-to-end latency from the article versions themselves: each version on {@code newswire.articles.updates.v1}
 * carries when the gateway accepted its report ({@code reportReceivedAt}) and when processing wrote it
 * ({@code versionCreated}). Reads the versions of the window (found by record time), at most the newest
 * {@link #SAMPLE} of each partition, so one status call costs the same however busy the hour was.
 */
final class LatencyReader {

    /** The most versions read per partition. */
    static final int SAMPLE = 1_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private LatencyReader() {
    }

    /** @return the latency of the versions written since {@code since}; null when there were none */
    static StatusSnapshot.Latency read(final NewswireConfig config, final Instant since) {
        final String topic = Topics.ARTICLE_UPDATES.name();
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClientConfigs.committedReader(config, null, "newswire-status"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final Deserializer<ArticleUpdate> versions = serdes.<ArticleUpdate>valueSerde(Topics.ARTICLE_UPDATES).deserializer();
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return null;
            }
            consumer.assign(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            final Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, since.toEpochMilli()));
            for (final Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(times, READ_TIMEOUT).entrySet()) {
                final long last = end.get(found.getKey());
                final long from = found.getValue() == null ? last : found.getValue().offset();
                consumer.seek(found.getKey(), Math.max(from, last - SAMPLE));
            }
            final long[] millis = new long[SAMPLE * partitions.size()];
            int count = 0;
            final long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null || record.offset() >= end.get(new TopicPartition(topic, record.partition())) || count == millis.length) {
                        continue;
                    }
                    final ArticleUpdate version = versions.deserialize(topic, record.headers(), record.value());
                    if (version.getReportReceivedAt() != null && !version.getVersionCreated().isBefore(since)) {
                        millis[count++] = Math.max(0, Duration.between(version.getReportReceivedAt(), version.getVersionCreated()).toMillis());
                    }
                }
            }
            return StatusSnapshot.Latency.of(java.util.Arrays.copyOf(millis, count));
        }
    }
}
