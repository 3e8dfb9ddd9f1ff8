package io.newswire.publisher.webhooks;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.model.WebhookDeliveryState;
import io.newswire.model.WebhookDeliveryStatus;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher's delivery runs in a child JVM and is killed (SIGKILL) mid-stream, with deliveries made and their
 * offsets not yet committed, then started again on the same group: no version reaches the subscriber twice, none
 * under a key other than its own, and every version is either delivered or parked (as uncertain) with its reason.
 */
class WebhookCrashIntegrationTest {

    private static final int ARTICLES = 150;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void shouldDeliverNoVersionTwiceNorUnderANewKeyWhenThePublisherIsKilledMidStream() throws Exception {
        try (WebhookRig rig = new WebhookRig(Map.of()); SubscriberAdmin admin = rig.admin();
             TestReceiver fast = new TestReceiver(TestReceiver.Behaviour.OK);
             TestReceiver slow = new TestReceiver(TestReceiver.Behaviour.OK)) {
            // Given a fast subscriber and a slow one (whose open deliveries hold the commit of the article updates back,
            // so the fast one's delivered versions are read again after the crash), and 300 versions waiting
            fast.delay(3);
            slow.delay(10);
            final String language = "ar-x-" + Long.toString(System.nanoTime(), 36);
            final String fastId = rig.stack.uniqueName("fast");
            final String slowId = rig.stack.uniqueName("slow");
            admin.add(fastId, fast.url(), Map.of("language", List.of(language)), null);
            admin.add(slowId, slow.url(), Map.of("language", List.of(language)), null);
            final List<ArticleUpdate> versions = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                final UUID article = UUID.randomUUID();
                versions.add(TestArticles.version(article, 1, Signal.NEW, language));
                versions.add(TestArticles.version(article, 2, Signal.CORRECTION, language));
            }
            rig.publish(versions);
            final Path logs = rig.stack.newDir("webhook-crash");
            final String group = rig.config.getString(NewswireConfig.WEBHOOKS_GROUP_ID_CONFIG);

            // When the delivering JVM is killed mid-stream and started again on the same group
            final Process first = start(rig, logs, "first", group);
            await().atMost(Duration.ofSeconds(90)).until(() -> fast.received().size() >= 100);
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            final int fastAtKill = fast.received().size();
            final int slowAtKill = slow.received().size();
            final Process second = start(rig, logs, "second", group);

            // Then, for each subscriber, every version ends delivered once or parked as uncertain, never twice
            final int parkedFast = assertAtMostOnce(rig, fastId, fast, versions);
            final int parkedSlow = assertAtMostOnce(rig, slowId, slow, versions);
            final String counters = lastLine(logs.resolve("second.out"));
            System.out.printf("webhook crash test: killed with %d (fast) and %d (slow) of %d versions delivered; after restart "
                            + "%d and %d delivered once each, %d and %d parked as uncertain; second JVM: %s%n", fastAtKill, slowAtKill,
                    versions.size(), fast.countsById().size(), slow.countsById().size(), parkedFast, parkedSlow, counters);
            // the restarted JVM read delivered versions again (their offsets were not committed) and sent none of them
            assertThat(Long.parseLong(counters.replaceAll(".*skipped=(\\d+).*", "$1"))).isPositive();
            assertThat(second.isAlive()).isTrue();
            admin.remove(fastId);
            admin.remove(slowId);
        }
    }

    /** @return how many versions were parked as uncertain */
    private static int assertAtMostOnce(final WebhookRig rig, final String subscriberId, final TestReceiver receiver,
                                        final List<ArticleUpdate> versions) throws InterruptedException {
        final Set<String> keys = versions.stream().map(v -> IdempotencyKeys.of(subscriberId, v.getArticleId(), v.getVersion()))
                .collect(Collectors.toSet());
        final Map<String, WebhookDeliveryState> ledger = new HashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            ledger.putAll(readLedger(rig, subscriberId));
            return ledger.keySet().containsAll(keys) && ledger.values().stream()
                    .allMatch(s -> s.getStatus() == WebhookDeliveryStatus.DELIVERED || s.getStatus() == WebhookDeliveryStatus.PARKED);
        });
        Thread.sleep(1_000); // room for a wrong extra delivery to show
        final Map<String, Long> counts = receiver.countsById();
        final Set<String> parked = ledger.entrySet().stream().filter(e -> e.getValue().getStatus() == WebhookDeliveryStatus.PARKED)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        // at most one delivery per version, and never under a new key: each id is the one of the version it carries
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
        assertThat(counts.keySet()).isSubsetOf(keys);
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.id()).isEqualTo(IdempotencyKeys.of(subscriberId,
                UUID.fromString(r.version().substring("urn:newswire:article:".length(), r.version().indexOf('#'))),
                Integer.parseInt(r.version().substring(r.version().indexOf('#') + 1)))));
        // nothing lost in silence: a version not received is parked, as uncertain; at most the one batch that was in flight
        assertThat(parked).containsAll(keys.stream().filter(k -> !counts.containsKey(k)).toList());
        assertThat(parked.size()).isLessThanOrEqualTo(rig.config.getInt(NewswireConfig.WEBHOOKS_BATCH_SIZE_CONFIG));
        assertThat(ledger.values()).filteredOn(s -> s.getStatus() == WebhookDeliveryStatus.PARKED)
                .allSatisfy(s -> assertThat(s.getDetail()).startsWith("outcome unknown"));
        return parked.size();
    }

    private Process start(final WebhookRig rig, final Path logs, final String name, final String group) throws IOException {
        final List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), WebhookDeliveryChild.class.getName(),
                rig.stack.bootstrapServers(), rig.stack.schemaRegistryUrl(), group);
        final Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(logs.resolve(name + ".out").toFile()).redirectError(logs.resolve(name + ".log").toFile()).start();
        children.add(process);
        return process;
    }

    /** The latest state of each of the subscriber's keys on the ledger topic. */
    private static Map<String, WebhookDeliveryState> readLedger(final WebhookRig rig, final String subscriberId) {
        final Map<String, WebhookDeliveryState> states = new HashMap<>();
        for (final ConsumerRecord<String, WebhookDeliveryState> record : readAll(rig)) {
            if (record.value() != null && subscriberId.equals(record.value().getSubscriberId())) {
                states.merge(record.key(), record.value(), DeliveryDecider::later);
            }
        }
        return states;
    }

    private static List<ConsumerRecord<String, WebhookDeliveryState>> readAll(final WebhookRig rig) {
        final List<ConsumerRecord<String, WebhookDeliveryState>> records = new ArrayList<>();
        final Map<String, Object> props = new HashMap<>(rig.stack.consumerConfig("unused"));
        props.remove("group.id");
        try (KafkaConsumer<String, WebhookDeliveryState> consumer = new KafkaConsumer<>(props, NewswireSerdes.keySerde().deserializer(),
                rig.serdes.<WebhookDeliveryState>valueSerde(Topics.WEBHOOK_DELIVERIES).deserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(Topics.WEBHOOK_DELIVERIES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String lastLine(final Path file) throws IOException {
        final List<String> lines = Files.readAllLines(file);
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
