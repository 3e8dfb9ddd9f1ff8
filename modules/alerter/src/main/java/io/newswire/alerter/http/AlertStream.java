package io.newswire.alerter.http;

import io.javalin.http.sse.SseClient;
import io.newswire.model.Alert;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.kafka.StreamPosition;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * One SSE client's feed of {@code newswire.alerts.v1}: a consumer of its own (no group, read_committed, so an alert
 * the alerter computed but did not commit is never shown), from the position its {@code Last-Event-ID} names, else
 * from the end (new alerts only), or from the start with {@code ?from=beginning}. Each event is {@code event: alert},
 * {@code id: <position>} and the alert as one line of JSON. A comment every 15 s finds a client gone away.
 */
public final class AlertStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
    private static final long HEARTBEAT_MS = 15_000;

    private final NewswireConfig config;
    private final Deserializer<Alert> alerts;
    private final AtomicInteger clients = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        final Thread thread = new Thread(r, "alerts-sse");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean open = true;

    public AlertStream(final NewswireConfig config, final NewswireSerdes serdes) {
        this.config = config;
        this.alerts = serdes.valueSerde(Alert.class).deserializer();
    }

    /** Serves a client until it goes away; returns at once (the feed runs on its own thread). */
    public void serve(final SseClient client) {
        final String lastEventId = Optional.ofNullable(client.ctx().header("Last-Event-ID")).orElse(client.ctx().queryParam("lastEventId"));
        final boolean fromBeginning = "beginning".equals(client.ctx().queryParam("from"));
        client.keepAlive();
        final KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(
                KafkaClientConfigs.committedReader(config, null, "newswire-alerts-sse-" + clients.incrementAndGet()),
                NewswireSerdes.keySerde().deserializer(), alerts);
        final List<TopicPartition> partitions = IntStream.range(0, partitionCount(consumer)).mapToObj(p -> new TopicPartition(Topics.ALERTS.name(), p)).toList();
        consumer.assign(partitions);
        StreamPosition position = StreamPosition.parse(lastEventId, partitions.size()).orElse(null);
        if (position != null) {
            for (final TopicPartition partition : partitions) {
                consumer.seek(partition, position.next()[partition.partition()]);
            }
        } else {
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            // resolve now, so an alert written after the client connected is sent even if the first poll comes later
            position = new StreamPosition(partitions.stream().mapToLong(consumer::position).toArray());
        }
        final StreamPosition start = position;
        client.onClose(consumer::wakeup);
        // say where the client stands at once, so a client that sees nothing yet can still resume from here
        client.sendComment("position " + start.eventId());
        threads.submit(() -> feed(client, consumer, start));
    }

    private static int partitionCount(final KafkaConsumer<String, Alert> consumer) {
        return consumer.partitionsFor(Topics.ALERTS.name(), Duration.ofSeconds(10)).size();
    }

    private void feed(final SseClient client, final KafkaConsumer<String, Alert> consumer, final StreamPosition start) {
        StreamPosition position = start;
        long lastSent = System.currentTimeMillis();
        try (consumer) {
            while (open && !client.terminated()) {
                try {
                    for (final ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(250))) {
                        position = position.after(record.partition(), record.offset());
                        if (record.value() != null) {
                            client.sendEvent("alert", record.value().toString(), position.eventId());
                            lastSent = System.currentTimeMillis();
                        }
                    }
                } catch (final RecordDeserializationException e) {
                    LOG.warn("Skipping an undecodable alert at {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    position = position.after(e.topicPartition().partition(), e.offset());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                if (System.currentTimeMillis() - lastSent > HEARTBEAT_MS) {
                    client.sendComment("keep-alive " + position.eventId());
                    lastSent = System.currentTimeMillis();
                }
            }
        } catch (final org.apache.kafka.common.errors.WakeupException e) {
            // the client went away
        } catch (final RuntimeException e) {
            LOG.warn("Alert stream to a client ended: {}", e.toString());
        } finally {
            client.close();
        }
    }

    @Override
    public void close() {
        open = false;
        threads.shutdown();
    }
}
