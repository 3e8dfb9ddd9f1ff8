package io.newswire.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka node in KRaft mode (broker and controller in one) running inside this JVM: the broker
 * {@code ./newswire dev} and the integration tests use, with no Docker.
 *
 * <p>Its storage is formatted once; the cluster id and ports are kept in the data dir, so {@link #stop()} then
 * {@link #start()} (or a new instance on the same dir) serves the same data on the same address.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String STATE_FILE = "newswire-node.properties";

    private final Path dataDir;
    private final Map<String, String> extraConfig;
    private int brokerPort;
    private int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param dataDir     where the log dirs live; created and formatted on first start, reused after
     * @param brokerPort  client port; 0 picks a free one on first start and keeps it for restarts
     * @param extraConfig broker settings that override the single-node defaults
     */
    public EmbeddedKafka(final Path dataDir, final int brokerPort, final Map<String, String> extraConfig) {
        this.dataDir = dataDir.toAbsolutePath();
        this.brokerPort = brokerPort;
        this.extraConfig = Map.copyOf(extraConfig);
    }

    /** A node in a fresh temporary directory on a free port: what tests use. */
    public static EmbeddedKafka temporary() {
        try {
            return new EmbeddedKafka(Files.createTempDirectory("newswire-kafka-"), 0, Map.of());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formats the storage if needed, starts the node and returns once it answers a metadata request. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        final long started = System.nanoTime();
        final Properties state = loadOrCreateState();
        final KafkaConfig config = new KafkaConfig(brokerConfig(), false);
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            format(config, state.getProperty("cluster.id"));
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
        LOG.info("Kafka {} ready at {} in {} ms (data in {})", org.apache.kafka.common.utils.AppInfoParser.getVersion(),
                bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
        return this;
    }

    /** Shuts the node down cleanly and waits for it; data stays on disk. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        LOG.info("Kafka at {} stopped", bootstrapServers());
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        stop();
    }

    private Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Cluster id and ports chosen on the first start, kept so a restart is the same node at the same address. */
    private Properties loadOrCreateState() {
        final Path file = dataDir.resolve(STATE_FILE);
        final Properties state = new Properties();
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    state.load(reader);
                }
                if (brokerPort == 0) {
                    brokerPort = Integer.parseInt(state.getProperty("broker.port"));
                }
                controllerPort = Integer.parseInt(state.getProperty("controller.port"));
            } else {
                if (brokerPort == 0) {
                    brokerPort = freePort();
                }
                controllerPort = freePort();
                state.setProperty("cluster.id", Uuid.randomUuid().toString());
            }
            state.setProperty("broker.port", Integer.toString(brokerPort));
            state.setProperty("controller.port", Integer.toString(controllerPort));
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                state.store(writer, "Newswire embedded Kafka node: cluster id and ports, reused on restart");
            }
            return state;
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka data dir " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> brokerConfig() {
        final Map<String, String> props = new HashMap<>();
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("process.roles", "broker,controller");
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("log.dirs", logDir().toString());
        // one node: internal topics cannot have more replicas than that
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // tests and `dev` want a consumer group to start at once, not after the 3 s production delay
        props.put("group.initial.rebalance.delay.ms", "0");
        // Newswire creates its topics explicitly; a typo must not create a new one
        props.put("auto.create.topics.enable", "false");
        // the log cleaner's default 128 MB dedupe buffer is far more than a laptop's compacted topics need
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        props.putAll(extraConfig);
        return props;
    }

    private void format(final KafkaConfig config, final String clusterId) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir().toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setUnstableFeatureVersionsEnabled(false)
                    .run();
        } catch (final Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir() + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(final Duration timeout) {
        final Map<String, Object> props = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        final long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (final Exception e) {
                    last = new IllegalStateException(e.getMessage(), e);
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("Kafka at " + bootstrapServers() + " did not become ready within " + timeout, last);
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("No free port: " + e.getMessage(), e);
        }
    }
}
