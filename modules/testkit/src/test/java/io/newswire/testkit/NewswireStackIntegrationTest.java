package io.newswire.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewswireStackIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();

    @Test
    void shouldBeOneStackPerJvm() {
        assertThat(NewswireStack.shared()).isSameAs(STACK);
    }

    @Test
    void shouldKeepOnlyMatchingRecordsWhenConsumingASharedTopic() throws Exception {
        // Given a topic with records of two tests
        final String topic = STACK.uniqueName("stack-self-test");
        STACK.createTopic(topic, 2, Map.of());
        STACK.createTopic(topic, 2, Map.of()); // idempotent
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(STACK.producerConfig(), new StringSerializer(), new StringSerializer())) {
            for (final String key : List.of("mine-1", "other-1", "mine-2")) {
                producer.send(new ProducerRecord<>(topic, key, "v-" + key)).get();
            }
        }

        // When only this test's records are kept
        final List<ConsumerRecord<String, String>> mine = STACK.consumeMatching(topic, new StringDeserializer(), new StringDeserializer(),
                r -> r.key().startsWith("mine"), 2, Duration.ofSeconds(20));

        // Then exactly those arrive
        assertThat(mine).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("v-mine-1", "v-mine-2");
    }

    @Test
    void shouldFailWithWhatItGotWhenTooFewRecordsArrive() {
        final String topic = STACK.uniqueName("stack-empty");
        STACK.createTopic(topic, 1, Map.of());

        assertThatThrownBy(() -> STACK.consume(topic, new StringDeserializer(), new StringDeserializer(), 1, Duration.ofSeconds(1)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(topic).hasMessageContaining("got 0");
    }

    @Test
    void shouldServeTheConfluentApiFromTheRegistry() throws Exception {
        final HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(STACK.schemaRegistryUrl() + "/subjects")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(subjects.statusCode()).isEqualTo(200);
        assertThat(subjects.body()).startsWith("[");
    }
}
