package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.serde.AvroDeserializer;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Prints the records of a topic as JSON lines, decoded with the writer's schema from the registry. A record
 * that does not decode is printed as a line with its error, so a dead-letter investigation never stops at the
 * first bad record.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print a topic's records as JSON lines (decoded Avro), from the beginning; --follow keeps going.")
public final class TailCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic to read, e.g. newswire.articles.updates.v1")
    String topic;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new records until Ctrl-C.")
    boolean follow;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    long max = Long.MAX_VALUE;

    @Option(names = "--idle-ms", paramLabel = "MS", description = "Without --follow: stop after this long without new records (default ${DEFAULT-VALUE}).")
    long idleMs = 2_000;

    @Override
    public Integer call() {
        final NewswireConfig config = connection.loadPreferringDevStack();
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final Map<String, Object> props = KafkaClientConfigs.committedReader(config, null, "newswire-tail");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             AvroDeserializer<Object> values = genericDeserializer(config)) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                System.err.println("No such topic: " + topic);
                return 2;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long printed = 0;
            long idleSince = System.currentTimeMillis();
            while (printed < max) {
                final ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    if (!follow && System.currentTimeMillis() - idleSince > idleMs) {
                        break;
                    }
                    continue;
                }
                idleSince = System.currentTimeMillis();
                for (final ConsumerRecord<byte[], byte[]> record : records) {
                    out.println(toJsonLine(record, values));
                    if (++printed >= max) {
                        break;
                    }
                }
            }
        }
        return 0;
    }

    private static AvroDeserializer<Object> genericDeserializer(final NewswireConfig config) {
        final Map<String, Object> serde = new HashMap<>(config.serdeConfig());
        serde.put("specific.avro.reader", false);
        final AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(serde, false);
        return deserializer;
    }

    static String toJsonLine(final ConsumerRecord<byte[], byte[]> record, final AvroDeserializer<Object> values) {
        final StringBuilder line = new StringBuilder(256)
                .append("{\"topic\":\"").append(record.topic())
                .append("\",\"partition\":").append(record.partition())
                .append(",\"offset\":").append(record.offset())
                .append(",\"timestamp\":").append(record.timestamp())
                .append(",\"key\":").append(record.key() == null ? "null"
                        : GenericData.get().toString(new String(record.key(), StandardCharsets.UTF_8)));
        try {
            final Object value = values.deserialize(record.topic(), record.headers(), record.value());
            line.append(",\"value\":").append(value == null ? "null" : GenericData.get().toString(value));
        } catch (final RuntimeException e) {
            line.append(",\"error\":").append(GenericData.get().toString(String.valueOf(e.getMessage())));
        }
        return line.append('}').toString();
    }
}
