package io.newswire.testkit;

import io.newswire.embedded.EmbeddedKafka;
import io.newswire.model.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewswireStackIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();

    @Test
    void shouldBeOneStackPerJvmWhenManyThreadsAskAtOnce() throws Exception {
        // Given four threads asking for the stack at the same time
        final ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            final List<Future<NewswireStack>> answers = threads.invokeAll(
                    List.<Callable<NewswireStack>>of(NewswireStack::shared, NewswireStack::shared, NewswireStack::shared, NewswireStack::shared));

            // Then they all get the one stack
            for (final Future<NewswireStack> answer : answers) {
                assertThat(answer.get()).isSameAs(STACK);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldKeepOnlyMatchingRecordsAndThoseBeyondTheMinimumWhenConsumingASharedTopic() throws Exception {
        // Given a topic with records of two tests
        final String topic = STACK.uniqueName("stack-self-test");
        STACK.createTopic(topic, 2, Map.of());
        STACK.createTopic(topic, 2, Map.of()); // idempotent
        produce(STACK, topic, "mine-1", "other-1", "mine-2", "mine-3");

        // When this test's records are read, asking for at least one
        final List<ConsumerRecord<String, String>> mine = STACK.consumeMatching(topic, new StringDeserializer(), new StringDeserializer(),
                r -> r.key().startsWith("mine"), 1, Duration.ofSeconds(20));

        // Then exactly its three arrive, none of the other test's
        assertThat(mine).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("v-mine-1", "v-mine-2", "v-mine-3");
    }

    @Test
    void shouldFailWithWhatItGotWhenTooFewRecordsArrive() throws Exception {
        // Given a topic with one record
        final String topic = STACK.uniqueName("stack-too-few");
        STACK.createTopic(topic, 1, Map.of());
        produce(STACK, topic, "only");

        // When two are expected, Then the failure names the topic and lists the one that came
        assertThatThrownBy(() -> STACK.consume(topic, new StringDeserializer(), new StringDeserializer(), 2, Duration.ofSeconds(1)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(topic).hasMessageContaining("got 1").hasMessageContaining("only = v-only");
    }

    @Test
    void shouldSaySoWhenTheTopicDoesNotExist() {
        final String topic = STACK.uniqueName("stack-missing");

        assertThatThrownBy(() -> STACK.consume(topic, new StringDeserializer(), new StringDeserializer(), 1, Duration.ofSeconds(1)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Topic " + topic + " does not exist");
    }

    @Test
    void shouldCreateCatalogueTopicsWithTheirLayoutOnceWhenAskedTwice() throws Exception {
        // Given a topic spec like the catalogue's (compacted, 3 partitions)
        final TopicSpec spec = new TopicSpec(STACK.uniqueName("stack-spec"), 3, Map.of("cleanup.policy", "compact"),
                String.class, "an id", "a self-test topic");

        // When it is created twice
        STACK.createTopics(spec);
        STACK.createTopics(spec);

        // Then it exists once, with its partitions and configs
        try (Admin admin = Admin.create(STACK.adminConfig())) {
            final TopicDescription description = admin.describeTopics(List.of(spec.name())).allTopicNames().get().get(spec.name());
            assertThat(description.partitions()).hasSize(3);
            final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            final Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void shouldKeepADedicatedBrokersDataWhenItRestarts() throws Exception {
        try (EmbeddedKafka kafka = NewswireStack.dedicatedKafka().start()) {
            // Given a record on a broker of the test's own
            final NewswireStack onDedicated = STACK.withBroker(kafka.bootstrapServers());
            final String topic = onDedicated.uniqueName("stack-dedicated");
            onDedicated.createTopic(topic, 1, Map.of());
            produce(onDedicated, topic, "before");

            // When that broker stops and starts again
            kafka.stop();
            kafka.start();

            // Then the record is still there, at the same address, and the shared registry is unchanged
            assertThat(onDedicated.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
            assertThat(onDedicated.schemaRegistryUrl()).isEqualTo(STACK.schemaRegistryUrl());
            assertThat(onDedicated.consume(topic, new StringDeserializer(), new StringDeserializer(), 1, Duration.ofSeconds(30)))
                    .extracting(ConsumerRecord::value).containsExactly("v-before");
        }
    }

    @Test
    void shouldServeTheConfluentApiFromTheRegistry() throws Exception {
        final HttpResponse<String> config = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(STACK.schemaRegistryUrl() + "/config")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("BACKWARD");
    }

    @Test
    void shouldGiveEveryCallerItsOwnNamesAndStateDirs() {
        final Set<String> names = java.util.stream.IntStream.range(0, 100).mapToObj(i -> STACK.uniqueName("n")).collect(Collectors.toSet());

        assertThat(names).hasSize(100);
        assertThat(STACK.newStateDir()).isEmptyDirectory().isNotEqualTo(STACK.newStateDir());
    }

    private static void produce(final NewswireStack stack, final String topic, final String... keys) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(stack.producerConfig(), new StringSerializer(), new StringSerializer())) {
            for (final String key : keys) {
                producer.send(new ProducerRecord<>(topic, key, "v-" + key)).get();
            }
        }
    }
}
