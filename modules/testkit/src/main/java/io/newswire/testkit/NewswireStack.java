package io.newswire.testkit;

import io.newswire.embedded.EmbeddedKafka;
import io.newswire.embedded.EmbeddedStack;
import io.newswire.model.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The real Kafka broker and schema registry every integration test runs on: one of each per test JVM, started
 * on first use (about 2 to 4 s) and stopped, with its temp files deleted, when the JVM exits. By default the
 * embedded stack (a KRaft node in this JVM, Apicurio as a child process: no Docker); with
 * {@code -Dnewswire.test.stack=testcontainers} (or {@code auto} where Docker answers) the apache/kafka and Confluent
 * schema-registry images instead.
 *
 * <p>Test classes share it, so each test uses its own topic names ({@link #uniqueName}) or its own ids, and filters
 * what it reads ({@link #consumeMatching}). A test that stops the broker takes one of its own
 * ({@link #dedicatedKafka()}) and, if it likes, a view of these helpers on it ({@link #withBroker}).
 */
public final class NewswireStack {

    /** System property choosing the stack: {@code embedded} (default), {@code testcontainers}, or {@code auto}. */
    public static final String STACK_PROPERTY = "newswire.test.stack";

    private static final Logger LOG = LoggerFactory.getLogger(NewswireStack.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final List<EmbeddedKafka> DEDICATED = new CopyOnWriteArrayList<>();
    private static final Object LOCK = new Object();
    private static volatile NewswireStack shared;
    private static RuntimeException startFailure;
    private static Path jvmRoot;
    private static volatile AutoCloseable sharedRunning;

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final Path root;

    private NewswireStack(final String bootstrapServers, final String schemaRegistryUrl, final Path root) {
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.root = root;
    }

    /**
     * The JVM's stack, started on the first call, stopped at JVM exit. Thread-safe. If it cannot start, every call
     * throws the same failure at once (instead of each test class waiting for its own timeout).
     */
    public static NewswireStack shared() {
        final NewswireStack existing = shared;
        if (existing != null) {
            return existing;
        }
        synchronized (LOCK) {
            if (shared == null) {
                if (startFailure != null) {
                    throw new IllegalStateException("The shared Newswire test stack failed to start earlier in this JVM: "
                            + startFailure.getMessage(), startFailure);
                }
                try {
                    shared = startShared();
                } catch (final RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    private static NewswireStack startShared() {
        final long started = System.nanoTime();
        final Path root = jvmRoot();
        final String choice = System.getProperty(STACK_PROPERTY, "embedded");
        final NewswireStack stack;
        final AutoCloseable running;
        if ("testcontainers".equals(choice) || ("auto".equals(choice) && ContainerStack.dockerAvailable())) {
            final ContainerStack containers = new ContainerStack().start();
            stack = new NewswireStack(containers.bootstrapServers(), containers.schemaRegistryUrl(), root);
            running = containers;
        } else {
            final EmbeddedStack embedded = EmbeddedStack.temporary(root.resolve("stack"));
            embedded.start();
            stack = new NewswireStack(embedded.bootstrapServers(), embedded.schemaRegistryUrl(), root);
            running = embedded;
        }
        sharedRunning = running;
        LOG.info("Shared test stack ({}) ready in {} ms: Kafka {}, registry {}", choice,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), stack.bootstrapServers, stack.schemaRegistryUrl);
        return stack;
    }

    /** The JVM's temp root: the shared stack, state dirs and dedicated nodes live under it; one hook cleans it all up. */
    private static Path jvmRoot() {
        synchronized (LOCK) {
            if (jvmRoot == null) {
                jvmRoot = TempTree.create("newswire-it-");
                final Path root = jvmRoot;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(root), "newswire-test-stack-shutdown"));
            }
            return jvmRoot;
        }
    }

    /**
     * In this order, in one hook: dedicated nodes a test left running, the shared stack, then the files (deleting a
     * running node's files would make Kafka halt the JVM).
     */
    private static void shutDown(final Path root) {
        DEDICATED.forEach(EmbeddedKafka::stop);
        final AutoCloseable running = sharedRunning;
        if (running != null) {
            try {
                running.close();
            } catch (final Exception e) {
                LOG.warn("Stopping the shared test stack failed: {}", e.toString());
            }
        }
        TempTree.deleteQuietly(root);
    }

    /**
     * A Kafka node of the caller's own, in its own temp dir on free ports, for tests that stop and restart the
     * broker (a restart keeps its data and port). The shared registry still serves schemas. The caller starts and
     * closes it; one left running is stopped at JVM exit.
     */
    public static EmbeddedKafka dedicatedKafka() {
        return dedicatedKafka(Map.of());
    }

    /** As {@link #dedicatedKafka()}, with broker settings overriding the single-node defaults. */
    public static EmbeddedKafka dedicatedKafka(final Map<String, String> brokerConfigs) {
        final EmbeddedKafka kafka = EmbeddedKafka.builder(TempTree.createUnder(jvmRoot(), "dedicated-kafka"))
                .configs(brokerConfigs).build();
        DEDICATED.add(kafka);
        return kafka;
    }

    /**
     * These helpers aimed at another broker (typically a {@link #dedicatedKafka()}), with the same registry and temp
     * root: {@code NewswireStack.shared().withBroker(kafka.bootstrapServers())}.
     */
    public NewswireStack withBroker(final String otherBootstrapServers) {
        return new NewswireStack(otherBootstrapServers, schemaRegistryUrl, root);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The Confluent-compatible registry URL (for the embedded stack: {@code http://127.0.0.1:<port>/apis/ccompat/v7}). */
    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    /** Client settings for a durable producer (acks=all, idempotent); add serializers or pass them to the constructor. */
    public Map<String, Object> producerConfig() {
        final Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    /** Client settings for a consumer in the given group reading committed records from the beginning, committing by hand. */
    public Map<String, Object> consumerConfig(final String groupId) {
        final Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    /** Client settings for an {@link Admin}. */
    public Map<String, Object> adminConfig() {
        final Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** Settings Newswire components read (bootstrap servers, registry, auto-registration on), as a NewswireConfig map. */
    public Map<String, Object> newswireSettings() {
        final Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("schema.registry.url", schemaRegistryUrl);
        settings.put("auto.register.schemas", true);
        settings.put("topics.replication.factor", "1");
        settings.put("data.dir", newDir("data").toString());
        return settings;
    }

    /** Creates a topic with one replica unless it exists (then leaves it as it is). */
    public void createTopic(final String name, final int partitions, final Map<String, String> configs) {
        createAll(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs)));
    }

    /** Creates catalogue topics unless they exist. */
    public void createTopics(final TopicSpec... specs) {
        createAll(Arrays.stream(specs).map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), Optional.empty())
                .configs(s.configs())).toList());
    }

    private void createAll(final List<NewTopic> topics) {
        try (Admin admin = Admin.create(adminConfig())) {
            final List<String> failures = new ArrayList<>();
            admin.createTopics(topics).values().forEach((name, created) -> {
                try {
                    created.get(30, TimeUnit.SECONDS);
                } catch (final ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        failures.add(name + ": " + e.getCause());
                    }
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(name + ": interrupted");
                } catch (final java.util.concurrent.TimeoutException e) {
                    failures.add(name + ": no answer within 30 s");
                }
            });
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Cannot create topic(s) on " + bootstrapServers + ": " + failures);
            }
        }
    }

    /** A name no other test in this JVM uses: {@code prefix-<n>-<base36 nanos>}, valid as a topic or application id. */
    public String uniqueName(final String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** A new empty directory for a Kafka Streams {@code state.dir} (one per application instance). */
    public Path newStateDir() {
        return newDir("streams-state");
    }

    /** A new empty directory under this JVM's temp root, deleted at JVM exit. */
    public Path newDir(final String prefix) {
        return TempTree.createUnder(root, prefix);
    }

    /**
     * Reads the topic from the beginning (read_committed) until at least {@code atLeast} records arrived, then what
     * is already committed beyond them. Waits for the topic to exist.
     *
     * @throws AssertionError after the timeout, listing what did arrive
     */
    public <K, V> List<ConsumerRecord<K, V>> consume(final String topic, final Deserializer<K> keys, final Deserializer<V> values,
                                                     final int atLeast, final Duration timeout) {
        return consumeMatching(topic, keys, values, r -> true, atLeast, timeout);
    }

    /**
     * As {@link #consume}, keeping only the records the predicate accepts (tests share topics, so they pick theirs
     * by their own ids).
     *
     * @throws AssertionError after the timeout, listing the matching records that did arrive
     */
    public <K, V> List<ConsumerRecord<K, V>> consumeMatching(final String topic, final Deserializer<K> keys, final Deserializer<V> values,
                                                             final Predicate<ConsumerRecord<K, V>> keep, final int atLeast,
                                                             final Duration timeout) {
        return TopicReader.read(bootstrapServers, topic, keys, values, keep, atLeast, timeout);
    }
}
