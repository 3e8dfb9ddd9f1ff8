package io.newswire.testkit;

import io.newswire.embedded.EmbeddedKafka;
import io.newswire.embedded.EmbeddedStack;
import io.newswire.model.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The real Kafka broker and schema registry every integration test runs on: one of each per test JVM, started
 * on first use and stopped when the JVM exits. By default the embedded stack (a KRaft node in this JVM, Apicurio as
 * a child process: no Docker); with {@code -Dnewswire.test.stack=testcontainers} (or {@code auto} where Docker
 * answers) the apache/kafka and Confluent schema-registry images instead. Test classes share it, so each test uses its own topic names
 * ({@link #uniqueName}) or its own ids, and filters what it reads ({@link #consumeMatching}).
 */
public final class NewswireStack {

    private static volatile NewswireStack shared;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** System property choosing the stack: {@code embedded} (default), {@code testcontainers}, or {@code auto}. */
    public static final String STACK_PROPERTY = "newswire.test.stack";

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final Path root;

    private NewswireStack(final String bootstrapServers, final String schemaRegistryUrl, final Path root) {
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.root = root;
    }

    /** The JVM's stack, started on first call (a few seconds), stopped at JVM exit. */
    public static NewswireStack shared() {
        NewswireStack local = shared;
        if (local == null) {
            synchronized (NewswireStack.class) {
                local = shared;
                if (local == null) {
                    final Path root = tempDir("newswire-it-");
                    final String choice = System.getProperty(STACK_PROPERTY, "embedded");
                    if ("testcontainers".equals(choice) || ("auto".equals(choice) && ContainerStack.dockerAvailable())) {
                        final ContainerStack containers = new ContainerStack().start();
                        local = new NewswireStack(containers.bootstrapServers(), containers.schemaRegistryUrl(), root);
                        Runtime.getRuntime().addShutdownHook(new Thread(containers::close, "newswire-stack-shutdown"));
                    } else {
                        final EmbeddedStack stack = EmbeddedStack.temporary(root).start();
                        local = new NewswireStack(stack.bootstrapServers(), stack.schemaRegistryUrl(), root);
                        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "newswire-stack-shutdown"));
                    }
                    shared = local;
                }
            }
        }
        return local;
    }

    /**
     * A Kafka node of the caller's own, in a temp dir, for tests that stop and restart the broker; the shared
     * registry still serves schemas. The caller starts and closes it.
     */
    public static EmbeddedKafka dedicatedKafka() {
        return new EmbeddedKafka(tempDir("newswire-dedicated-kafka-"), 0, Map.of());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Confluent-compatible registry URL. */
    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    /** Client settings for a durable producer (acks=all, idempotent). */
    public Map<String, Object> producerConfig() {
        final Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    /** Client settings for a consumer reading committed records from the beginning. */
    public Map<String, Object> consumerConfig(final String groupId) {
        final Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    public Map<String, Object> adminConfig() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    /** Settings Newswire components read (bootstrap servers, registry, auto-registration on), as a NewswireConfig map. */
    public Map<String, Object> newswireSettings() {
        final Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers());
        settings.put("schema.registry.url", schemaRegistryUrl());
        settings.put("auto.register.schemas", true);
        settings.put("topics.replication.factor", "1");
        settings.put("data.dir", newDir("data").toString());
        return settings;
    }

    /** Creates a topic unless it exists. */
    public void createTopic(final String name, final int partitions, final Map<String, String> configs) {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs))).all().get();
        } catch (final ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name + ": " + e.getCause(), e.getCause());
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates catalogue topics unless they exist. */
    public void createTopics(final TopicSpec... specs) {
        for (final TopicSpec spec : specs) {
            createTopic(spec.name(), spec.partitions(), spec.configs());
        }
    }

    /** A name no other test in this JVM uses: {@code prefix-<n>-<nanos>}. */
    public String uniqueName(final String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** A new empty directory for a Kafka Streams state.dir (one per application instance). */
    public Path newStateDir() {
        return newDir("streams-state");
    }

    /** A new empty directory under this stack's temp root. */
    public Path newDir(final String prefix) {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix + "-");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the topic from the beginning until at least {@code atLeast} records arrived; fails after the timeout. */
    public <K, V> List<ConsumerRecord<K, V>> consume(final String topic, final Deserializer<K> keys, final Deserializer<V> values,
                                                     final int atLeast, final Duration timeout) {
        return consumeMatching(topic, keys, values, r -> true, atLeast, timeout);
    }

    /**
     * Reads the topic from the beginning (read_committed) and keeps the records the predicate accepts, until at
     * least {@code atLeast} were kept, then drains what is immediately available. Fails with what it got after the timeout.
     */
    public <K, V> List<ConsumerRecord<K, V>> consumeMatching(final String topic, final Deserializer<K> keys, final Deserializer<V> values,
                                                             final Predicate<ConsumerRecord<K, V>> keep, final int atLeast,
                                                             final Duration timeout) {
        final List<ConsumerRecord<K, V>> kept = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerConfig(uniqueName("reader")), keys, values)) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (kept.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (keep.test(r)) {
                        kept.add(r);
                    }
                });
            }
            if (kept.size() < atLeast) {
                throw new AssertionError("Expected at least " + atLeast + " matching records on " + topic + " within " + timeout
                        + ", got " + kept.size() + ": " + kept.stream().map(r -> r.key() + "=" + r.value()).toList());
            }
            // pick up what is already there beyond the minimum, so callers can check there is nothing extra
            for (int emptyPolls = 0; emptyPolls < 3; ) {
                final var more = consumer.poll(Duration.ofMillis(200));
                emptyPolls = more.isEmpty() ? emptyPolls + 1 : 0;
                more.forEach(r -> {
                    if (keep.test(r)) {
                        kept.add(r);
                    }
                });
            }
        }
        return kept;
    }

    private static Path tempDir(final String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
