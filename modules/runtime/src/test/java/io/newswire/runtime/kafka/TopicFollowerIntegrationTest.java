package io.newswire.runtime.kafka;

import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.newswire.serde.RegistryUnavailableException;
import io.newswire.serde.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TopicFollowerIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();

    @Test
    void shouldFollowATopicThatIsCreatedAfterItStarted() throws Exception {
        // Given a follower started before its topic exists (a gateway started before `topics create`; or a topic
        // created a moment ago that the metadata does not show yet)
        final String topic = STACK.uniqueName("followed");
        final List<String> seen = new CopyOnWriteArrayList<>();
        try (TopicFollower<String, String> follower = new TopicFollower<>(topic, Map.of("bootstrap.servers", STACK.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer(), record -> seen.add(record.value())).start()) {
            Thread.sleep(500);

            // When the topic is created and written to
            STACK.createTopic(topic, 2, Map.of());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(STACK.producerConfig(), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "first")).get();
                producer.send(new ProducerRecord<>(topic, "k", "second")).get();
            }

            // Then the follower reads it, in order, and says it has caught up
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seen).containsExactly("first", "second"));
            assertThat(follower.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void shouldReadARecordAgainInsteadOfSkippingItWhenTheRegistryWasUnavailable() throws Exception {
        // Given a topic with two records, and values that cannot be read twice for want of the registry, then can
        final String topic = STACK.uniqueName("followed-outage");
        STACK.createTopic(topic, 1, Map.of());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(STACK.producerConfig(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "credential")).get();
            producer.send(new ProducerRecord<>(topic, "k", "garbage")).get();
        }
        final AtomicInteger outages = new AtomicInteger(2);
        final Deserializer<String> values = (t, bytes) -> {
            final String value = new String(bytes, StandardCharsets.UTF_8);
            if (value.equals("credential") && outages.getAndDecrement() > 0) {
                throw new RegistryUnavailableException("registry down", new SchemaRegistryException("connection refused", -1, -1, null));
            }
            if (value.equals("garbage")) {
                throw new SerializationException("not a record");
            }
            return value;
        };
        final List<String> seen = new CopyOnWriteArrayList<>();

        // When a follower reads it
        try (TopicFollower<String, String> follower = new TopicFollower<>(topic, Map.of("bootstrap.servers", STACK.bootstrapServers()),
                new StringDeserializer(), values, record -> seen.add(record.value())).start()) {

            // Then the record the outage hid is handed over once the registry answers, and the bad one is skipped
            assertThat(follower.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            assertThat(seen).containsExactly("credential");
            assertThat(outages.get()).isNegative();
        }
    }
}
