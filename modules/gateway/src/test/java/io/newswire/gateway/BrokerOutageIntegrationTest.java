package io.newswire.gateway;

import io.newswire.embedded.EmbeddedKafka;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away in the middle of a load and comes back: every report that got a 202 is on the topic
 * exactly once; while it was away the gateway answered 503 with Retry-After (never a 202, never a hang) and
 * /ready said so.
 */
class BrokerOutageIntegrationTest {

    @Test
    void shouldLoseNoAcknowledgedReportWhenTheBrokerStopsMidLoad() throws Exception {
        try (EmbeddedKafka kafka = NewswireStack.dedicatedKafka().start()) {
            // Given a gateway on a broker of its own, with a short acknowledgement timeout
            final Map<String, Object> settings = new HashMap<>(NewswireStack.shared().newswireSettings());
            settings.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            settings.put(NewswireConfig.GATEWAY_PORT_CONFIG, "0");
            settings.put(NewswireConfig.GATEWAY_ACK_TIMEOUT_MS_CONFIG, "2000");
            settings.put(NewswireConfig.GATEWAY_RATE_LIMIT_PER_MINUTE_CONFIG, "1000000");
            final NewswireConfig config = new NewswireConfig(settings);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                new TopicAdmin(admin, (short) 1, -1).ensure(Topics.all());
            }
            final Map<UUID, Integer> answers = new ConcurrentHashMap<>();
            final AtomicInteger unavailableWithoutRetryAfter = new AtomicInteger();
            try (NewswireMetrics metrics = new NewswireMetrics(); GatewayServer gateway = GatewayServer.start(config, metrics)) {
                final String token = GatewayFixture.correspondent(config, gateway, GatewayFixture.uniqueId("outage"));

                // When four clients file reports while the broker stops and starts again
                final AtomicBoolean running = new AtomicBoolean(true);
                final ExecutorService clients = Executors.newFixedThreadPool(4);
                for (int c = 0; c < 4; c++) {
                    clients.submit(() -> {
                        while (running.get()) {
                            final UUID id = UUID.randomUUID();
                            try {
                                final HttpResponse<String> answer = GatewayFixture.post(gateway, token, GatewayFixture.report(id, "تقرير أثناء الانقطاع"));
                                answers.put(id, answer.statusCode());
                                if (answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isEmpty()) {
                                    unavailableWithoutRetryAfter.incrementAndGet();
                                }
                            } catch (final Exception e) {
                                answers.put(id, -1);
                            }
                        }
                        return null;
                    });
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> count(answers, 202) >= 100);
                kafka.stop();
                // the gateway says it is not ready, and answers 503 rather than hanging or pretending
                await().atMost(Duration.ofSeconds(20)).until(() -> GatewayFixture.get(gateway, "/ready", null).statusCode() == 503);
                await().atMost(Duration.ofSeconds(30)).until(() -> count(answers, 503) >= 8);
                kafka.start();
                final long acceptedBefore = count(answers, 202);
                await().atMost(Duration.ofSeconds(60)).until(() -> count(answers, 202) >= acceptedBefore + 100);
                running.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("no client hangs").isTrue();
                await().atMost(Duration.ofSeconds(30)).until(() -> GatewayFixture.get(gateway, "/ready", null).statusCode() == 200);
            }

            // Then: 202s before and after, 503s with Retry-After in between, nothing else
            final Map<Integer, Long> byStatus = answers.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(byStatus.keySet()).containsOnly(202, 503);
            assertThat(unavailableWithoutRetryAfter).hasValue(0);
            // and every acknowledged report is on the topic exactly once
            final List<String> acknowledged = answers.entrySet().stream().filter(e -> e.getValue() == 202).map(e -> e.getKey().toString()).toList();
            final Map<String, Long> onTopic = keysOnTopic(kafka.bootstrapServers()).stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(acknowledged).allSatisfy(id -> assertThat(onTopic.get(id)).as("copies of %s", id).isEqualTo(1L));
            // a 503 promises nothing either way: a write that timed out may still have landed (a retry would get 202 for it)
            final long unacknowledgedButLanded = answers.entrySet().stream().filter(e -> e.getValue() == 503)
                    .filter(e -> onTopic.containsKey(e.getKey().toString())).count();
            System.out.println("broker outage: answers by status " + byStatus + "; of the 503s, " + unacknowledgedButLanded
                    + " landed on the topic anyway (not acknowledged to the client)");
        }
    }

    private static long count(final Map<UUID, Integer> answers, final int status) {
        return answers.values().stream().filter(s -> s == status).count();
    }

    private static List<String> keysOnTopic(final String bootstrap) {
        final List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPORTS.name(), Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
