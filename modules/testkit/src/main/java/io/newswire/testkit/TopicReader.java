package io.newswire.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads a whole topic from the beginning with a group-less consumer (read_committed), keeping the records a
 * predicate accepts: until enough were kept, then on to what is committed at that moment, so a caller can also check
 * that nothing extra arrived. Fails with what it did get.
 */
final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(5);
    private static final int SHOWN_RECORDS = 50;
    private static final int SHOWN_CHARS = 300;

    private TopicReader() {
    }

    static <K, V> List<ConsumerRecord<K, V>> read(final String bootstrapServers, final String topic, final Deserializer<K> keys,
                                                  final Deserializer<V> values, final Predicate<ConsumerRecord<K, V>> keep,
                                                  final int atLeast, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final List<ConsumerRecord<K, V>> kept = new ArrayList<>();
        int read = 0;
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config(bootstrapServers), keys, values)) {
            final List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (kept.size() < atLeast && System.nanoTime() < deadline) {
                read += keepMatching(consumer.poll(POLL), keep, kept);
            }
            if (kept.size() < atLeast) {
                throw new AssertionError("Expected at least " + atLeast + " matching record(s) on topic " + topic + " within " + timeout
                        + ", got " + kept.size() + " (of " + read + " read)" + describe(kept));
            }
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            final long drainDeadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
            while (!reached(consumer, ends) && System.nanoTime() < drainDeadline) {
                keepMatching(consumer.poll(POLL), keep, kept);
            }
        }
        return kept;
    }

    private static Map<String, Object> config(final String bootstrapServers) {
        final Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-testkit-reader");
        return props;
    }

    /** The topic's partitions, waiting for the topic to exist (a test may read before its app created the topic). */
    private static List<TopicPartition> awaitPartitions(final KafkaConsumer<?, ?> consumer, final String topic, final long deadline,
                                                        final Duration timeout) {
        while (true) {
            try {
                final List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofMillis(500));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                }
            } catch (final TimeoutException notYet) {
                // metadata not there yet
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("Topic " + topic + " does not exist (waited " + timeout + ")");
            }
            try {
                Thread.sleep(100);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topic " + topic, e);
            }
        }
    }

    private static <K, V> int keepMatching(final ConsumerRecords<K, V> batch, final Predicate<ConsumerRecord<K, V>> keep,
                                           final List<ConsumerRecord<K, V>> kept) {
        for (final ConsumerRecord<K, V> record : batch) {
            if (keep.test(record)) {
                kept.add(record);
            }
        }
        return batch.count();
    }

    private static boolean reached(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static String describe(final List<? extends ConsumerRecord<?, ?>> records) {
        if (records.isEmpty()) {
            return "";
        }
        final String shown = records.stream().limit(SHOWN_RECORDS)
                .map(r -> "\n  p" + r.partition() + "@" + r.offset() + " " + r.key() + " = " + abbreviate(String.valueOf(r.value())))
                .collect(Collectors.joining());
        return ":" + shown + (records.size() > SHOWN_RECORDS ? "\n  ... and " + (records.size() - SHOWN_RECORDS) + " more" : "");
    }

    private static String abbreviate(final String text) {
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }
}
