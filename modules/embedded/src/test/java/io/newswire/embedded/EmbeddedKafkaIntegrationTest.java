package io.newswire.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaIntegrationTest {

    @Test
    void shouldServeTheSameDataOnTheSameAddressWhenRestarted(@TempDir final Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder(dir).build()) {
            // Given a record written to a fresh node
            kafka.start();
            final String address = kafka.bootstrapServers();
            createTopic(address, "restart-check");
            produce(address, "restart-check", "مرحبا");

            // When the node stops and starts again
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start();

            // Then it listens on the same address and still has the record
            assertThat(kafka.isRunning()).isTrue();
            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            assertThat(readValues(address, "restart-check", 1)).containsExactly("مرحبا");
        }
    }

    @Test
    void shouldBeTheSameNodeWhenANewInstanceOpensTheDataDir(@TempDir final Path dir) throws Exception {
        // Given a node that created a topic and stopped
        final String address;
        final String clusterId;
        try (EmbeddedKafka first = EmbeddedKafka.builder(dir).build().start()) {
            address = first.bootstrapServers();
            clusterId = first.clusterId();
            createTopic(address, "reopen-check");
        }

        // When a second instance (a second `./newswire dev`) opens the same data dir
        try (EmbeddedKafka second = EmbeddedKafka.builder(dir).build().start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {

            // Then it is the same cluster, at the same address, with the same topics
            assertThat(second.bootstrapServers()).isEqualTo(address);
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get()).contains("reopen-check");
        }
    }

    @Test
    void shouldPickAnotherPortWhenThePickedOneIsTakenBeforeTheNodeBindsIt(@TempDir final Path dir) throws Exception {
        // Given a port picker whose first pick another process grabs before the node binds it
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final AtomicInteger picks = new AtomicInteger();
            final EmbeddedKafka kafka = EmbeddedKafka.builder(dir)
                    .portPicker(() -> picks.getAndIncrement() == 0 ? squatter.getLocalPort() : FreePort.pick())
                    .build();

            // When the node starts
            try (kafka) {
                kafka.start();

                // Then it runs on another port, and answers there
                assertThat(kafka.brokerPort()).isNotEqualTo(squatter.getLocalPort());
                createTopic(kafka.bootstrapServers(), "port-check");
            }
        }
    }

    @Test
    void shouldSayWhichPortIsTakenWhenTheRecordedOneIsBusyAndStartLaterWhenItIsFree(@TempDir final Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder(dir).build()) {
            // Given a node that recorded its port, then stopped
            kafka.start();
            final int port = kafka.brokerPort();
            createTopic(kafka.bootstrapServers(), "busy-check");
            kafka.stop();

            // When another process holds that port, the start fails and says why
            try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThatThrownBy(kafka::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(Integer.toString(port));
                assertThat(kafka.isRunning()).isFalse();
            }

            // Then once the port is free again the same node starts on it, with its data
            kafka.start();
            assertThat(kafka.brokerPort()).isEqualTo(port);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains("busy-check");
            }
        }
    }

    private static void createTopic(final String address, final String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", address))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static void produce(final String address, final String topic, final String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", address, "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static List<String> readValues(final String address, final String topic, final int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", address),
                new StringDeserializer(), new StringDeserializer())) {
            final TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            final List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
            return values;
        }
    }
}
