package io.newswire.ops.dlq;

import io.newswire.model.DeadLetter;
import io.newswire.model.topics.Topics;
import io.newswire.processing.deadletter.DeadLetterRecords;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.NewswireSerdes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * The dead-letter topic and the replay log on a running cluster. Reads {@code newswire.dlq.v1} (committed records
 * only, from a time or the beginning up to its end at the time of the call) and {@code newswire.dlq.replays.v1};
 * a replay writes the original key and value bytes, untouched, to the origin topic with the replay headers of
 * {@link DeadLetterRecords} (which dead letter, its reason, who, when), then records the replay on the log.
 */
public final class DeadLetterStore implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final NewswireConfig config;
    private final NewswireSerdes serdes;
    private final Deserializer<DeadLetter> deadLetters;
    private final AvroDeserializer<GenericRecord> originals;
    private KafkaProducer<byte[], byte[]> producer;

    public DeadLetterStore(final NewswireConfig config) {
        this.config = config;
        this.serdes = NewswireSerdes.fromConfig(config.serdeConfig());
        this.deadLetters = serdes.<DeadLetter>valueSerde(Topics.DEAD_LETTERS).deserializer();
        this.originals = AvroDeserializer.generic(serdes.registry());
    }

    /**
     * Every dead letter that failed at or after {@code since} (found by record time, then checked on the dead letter's
     * own time), in partition and offset order.
     *
     * @param since May be null (from the beginning).
     */
    public List<DeadLetterEntry> read(final Instant since) {
        final List<DeadLetterEntry> entries = new ArrayList<>();
        readTopic(Topics.DEAD_LETTERS.name(), since, new ByteArrayDeserializer(), (record, ignored) -> entries.add(entry(record)));
        entries.sort((a, b) -> a.id().compareTo(b.id()));
        return since == null ? entries : entries.stream().filter(e -> !e.failedAt().isBefore(since)).toList();
    }

    /** The ids the replay log holds: every dead letter replayed so far. */
    public Set<DeadLetterId> replayed() {
        final Set<DeadLetterId> ids = new HashSet<>();
        readTopic(Topics.DLQ_REPLAYS.name(), null, new StringDeserializer(), (record, ignored) -> {
            if (record.key() != null) {
                try {
                    ids.add(DeadLetterId.parse(new String(record.key(), StandardCharsets.UTF_8)));
                } catch (final IllegalArgumentException notOurs) {
                    // a record some other tool wrote: not a replay of ours
                }
            }
        });
        return ids;
    }

    /** Every replay recorded, oldest first. */
    public List<ReplayRecord> replays() {
        final List<ReplayRecord> records = new ArrayList<>();
        readTopic(Topics.DLQ_REPLAYS.name(), null, new StringDeserializer(), (record, value) -> {
            try {
                records.add(ReplayRecord.fromJson((String) value));
            } catch (final IllegalArgumentException notOurs) {
                // skip what we did not write
            }
        });
        return records;
    }

    /** The original value decoded where it decodes (Avro via the registry), else hex. */
    public OriginalBytes decode(final DeadLetterEntry entry) {
        return OriginalBytes.of(entry.value(), bytes -> {
            try {
                final GenericRecord value = originals.deserialize(entry.originTopic(), bytes);
                return Optional.ofNullable(value).map(v -> GenericData.get().toString(v));
            } catch (final RuntimeException notAvro) {
                return Optional.empty();
            }
        });
    }

    /**
     * Writes the dead letter's original key and value to its origin topic with the replay headers, waits for the
     * acknowledgement, then records the replay on the replay log.
     *
     * @param by  who replays it
     * @param now when
     */
    public ReplayRecord replay(final DeadLetterEntry entry, final String by, final Instant now) {
        final String reason = entry.stage() + ": " + entry.reason();
        final Headers headers = new RecordHeaders();
        headers.add(DeadLetterRecords.HEADER_REPLAY_OF, utf8(entry.id().toString()));
        headers.add(DeadLetterRecords.HEADER_REPLAY_REASON, utf8(reason));
        headers.add(DeadLetterRecords.HEADER_REPLAY_BY, utf8(by));
        headers.add(DeadLetterRecords.HEADER_REPLAY_AT, utf8(now.toString()));
        final RecordMetadata written = send(new ProducerRecord<>(entry.originTopic(), null, entry.key(), entry.value(), headers));
        final ReplayRecord record = new ReplayRecord(entry.id().toString(), by, now.toString(), entry.origin(),
                written.topic() + "/" + written.partition() + "@" + written.offset(), reason);
        send(new ProducerRecord<>(Topics.DLQ_REPLAYS.name(), utf8(record.deadLetter()), utf8(record.toJson())));
        return record;
    }

    private RecordMetadata send(final ProducerRecord<byte[], byte[]> record) {
        try {
            return producer().send(record).get(60, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + record.topic(), e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write to " + record.topic() + ": " + e.getMessage(), e);
        }
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaClientConfigs.durableProducer(config, "newswire-dlq-replay", 30_000),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Reads a topic's committed records from a time (or the beginning) to its end as it is now. */
    private <V> void readTopic(final String topic, final Instant since, final Deserializer<V> values,
                               final BiConsumer<ConsumerRecord<byte[], byte[]>, V> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClientConfigs.committedReader(config, null, "newswire-dlq"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("No topic " + topic + " on " + config.bootstrapServers() + " (newswire init creates it)");
            }
            consumer.assign(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            consumer.seekToBeginning(partitions);
            if (since != null) {
                final Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(p -> times.put(p, since.toEpochMilli()));
                for (final Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(times, READ_TIMEOUT).entrySet()) {
                    consumer.seek(found.getKey(), found.getValue() == null ? end.get(found.getKey()) : found.getValue().offset());
                }
            }
            final long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + READ_TIMEOUT.toSeconds() + " s");
                }
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
                        each.accept(record, record.value() == null ? null : values.deserialize(topic, record.value()));
                    }
                }
            }
        }
    }

    /** A dead-letter record as an entry: from its Avro value, or from its headers when that does not decode. */
    private DeadLetterEntry entry(final ConsumerRecord<byte[], byte[]> record) {
        final DeadLetterId id = new DeadLetterId(record.partition(), record.offset());
        final String replayOf = header(record.headers(), DeadLetterRecords.HEADER_REPLAY_OF);
        try {
            final DeadLetter letter = deadLetters.deserialize(record.topic(), record.headers(), record.value());
            return new DeadLetterEntry(id, letter.getFailedAt(), letter.getStage(), letter.getErrorClass(), letter.getReason(),
                    letter.getOriginalTopic(), letter.getOriginalPartition(), letter.getOriginalOffset(), bytes(letter.getOriginalKey()),
                    bytes(letter.getOriginalValue()), replayOf);
        } catch (final RuntimeException undecodable) {
            // what the headers say, and the record's own key; the original value is in the undecodable Avro
            final String origin = Optional.ofNullable(header(record.headers(), DeadLetterRecords.HEADER_ORIGIN)).orElse("?/0@0");
            final int slash = origin.lastIndexOf('/');
            final int at = origin.lastIndexOf('@');
            final boolean parsed = slash > 0 && at > slash;
            return new DeadLetterEntry(id, Instant.ofEpochMilli(record.timestamp()), header(record.headers(), DeadLetterRecords.HEADER_STAGE),
                    header(record.headers(), DeadLetterRecords.HEADER_ERROR), header(record.headers(), DeadLetterRecords.HEADER_REASON)
                    + " (dead letter itself undecodable: " + undecodable.getMessage() + ")",
                    parsed ? origin.substring(0, slash) : origin, parsed ? safeInt(origin.substring(slash + 1, at)) : 0,
                    parsed ? safeLong(origin.substring(at + 1)) : 0, record.key(), null, replayOf);
        }
    }

    private static String header(final Headers headers, final String name) {
        final Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(final ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        final ByteBuffer copy = buffer.duplicate();
        final byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static int safeInt(final String text) {
        try {
            return Integer.parseInt(text);
        } catch (final NumberFormatException e) {
            return 0;
        }
    }

    private static long safeLong(final String text) {
        try {
            return Long.parseLong(text);
        } catch (final NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        originals.close();
        serdes.close();
    }
}
