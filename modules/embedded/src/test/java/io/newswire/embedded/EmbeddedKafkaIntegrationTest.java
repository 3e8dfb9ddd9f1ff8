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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaIntegrationTest {

    @Test
    void shouldServeTheSameDataOnTheSameAddressAfterARestart(@TempDir final Path dir) throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0, Map.of())) {
            // Given a record written to a fresh node
            kafka.start();
            final String address = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", address))) {
                admin.createTopics(List.of(new NewTopic("restart-check", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", address, "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart-check", "k", "مرحبا")).get();
            }

            // When the node stops and starts again on the same data dir
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start();

            // Then it listens on the same address and still has the record
            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            assertThat(readAll(address, "restart-check")).containsExactly("مرحبا");
        }
    }

    @Test
    void shouldBeTheSameNodeWhenANewInstanceOpensTheDataDir(@TempDir final Path dir) throws Exception {
        final String address;
        try (EmbeddedKafka first = new EmbeddedKafka(dir, 0, Map.of()).start()) {
            address = first.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", address))) {
                admin.createTopics(List.of(new NewTopic("reopen-check", 1, (short) 1))).all().get();
            }
        }
        // a second `./newswire dev` on the same data dir resumes: same port, same topics
        try (EmbeddedKafka second = new EmbeddedKafka(dir, 0, Map.of()).start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
            assertThat(second.bootstrapServers()).isEqualTo(address);
            assertThat(admin.listTopics().names().get()).contains("reopen-check");
        }
    }

    private static List<String> readAll(final String address, final String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", address),
                new StringDeserializer(), new StringDeserializer())) {
            final TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            final List<String> values = new ArrayList<>();
            final long deadline = System.currentTimeMillis() + 20_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
