package io.newswire.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A real Apache Kafka node in KRaft mode (broker and controller in one) running inside this JVM: the broker
 * {@code ./newswire dev} and the integration tests use, with no Docker.
 *
 * <p>The storage is formatted on the first start; the cluster id and both ports are then kept in the data dir
 * ({@value #STATE_FILE}), so {@link #stop()} then {@link #start()}, or a new instance on the same dir, serves the
 * same data at the same address. A port left at 0 is picked free on the first start; if another process takes it
 * before the node binds it, a new one is picked (only on that first start: later the recorded port is the contract).
 *
 * <p>Note: Kafka halts the JVM on a fatal metadata or log-dir fault (as a real broker would); never delete the data
 * dir under a running node.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Kept in the data dir: cluster id and ports chosen on the first start. */
    static final String STATE_FILE = "newswire-node.properties";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int BIND_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final Map<String, String> overrides;
    private final IntSupplier portPicker;
    private final int requestedBrokerPort;
    private final int requestedControllerPort;
    // read without the lock (a client thread asks for the address while another restarts the node)
    private volatile int brokerPort;
    private volatile int controllerPort;
    private volatile String clusterId;
    private volatile KafkaRaftServer server;

    private EmbeddedKafka(final Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath();
        this.requestedBrokerPort = builder.brokerPort;
        this.requestedControllerPort = builder.controllerPort;
        this.overrides = Map.copyOf(builder.overrides);
        this.portPicker = builder.portPicker;
    }

    /**
     * @param dataDir     where the node keeps its data; formatted on first start, reused after
     * @param brokerPort  client port; 0 picks a free one on first start and keeps it for restarts
     * @param extraConfig broker settings that override the single-node defaults
     */
    public EmbeddedKafka(final Path dataDir, final int brokerPort, final Map<String, String> extraConfig) {
        this(builder(dataDir).brokerPort(brokerPort).configs(extraConfig));
    }

    /** Options for a node whose data lives in {@code dataDir}. */
    public static Builder builder(final Path dataDir) {
        return new Builder(dataDir);
    }

    /** A node in a fresh temporary directory on free ports; the caller deletes the directory when done. */
    public static EmbeddedKafka temporary() {
        try {
            return builder(Files.createTempDirectory("newswire-kafka-")).build();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Formats the storage if it is new, starts the node and returns once it answers a cluster description.
     * Does nothing when already running.
     *
     * @throws IllegalStateException when the node cannot start (the message says why: port taken, bad config ...)
     */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        final long started = System.nanoTime();
        final boolean firstStart = loadState();
        for (int attempt = 1; ; attempt++) {
            final boolean portsPickedHere = firstStart && (requestedBrokerPort == 0 || requestedControllerPort == 0);
            try {
                startOnce();
                break;
            } catch (final RuntimeException e) {
                if (portsPickedHere && attempt < BIND_ATTEMPTS && FreePort.isBindFailure(e)) {
                    LOG.warn("A port picked for Kafka was taken before the node bound it ({}); picking new ones", e.getMessage());
                    pickPorts();
                    continue;
                }
                throw new IllegalStateException("Kafka node in " + dataDir + " (client port " + brokerPort + ", controller port "
                        + controllerPort + ") could not start: " + e.getMessage(), e);
            }
        }
        LOG.info("Kafka {} ready at {} in {} ms ({} {})", AppInfoParser.getVersion(), bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), firstStart ? "new node in" : "data in", dataDir);
        return this;
    }

    /** Shuts the node down cleanly and waits for it; the data stays on disk. Does nothing when not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        final long started = System.nanoTime();
        final KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
        LOG.info("Kafka at {} stopped in {} ms", bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    public boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:<port>}; the port is known once the node has started (or its data dir recorded one). */
    public String bootstrapServers() {
        return KafkaNodeConfig.HOST + ":" + brokerPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** The cluster id, fixed when the storage was formatted; null before the first start. */
    public String clusterId() {
        return clusterId;
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

    /**
     * Reads the cluster id and ports recorded by an earlier start, or chooses them; explicit ports win.
     *
     * @return true when this data dir had no node yet
     */
    private boolean loadState() {
        final Properties state = NodeFile.read(dataDir.resolve(STATE_FILE));
        final boolean firstStart = state.getProperty("cluster.id") == null;
        clusterId = firstStart ? Uuid.randomUuid().toString() : state.getProperty("cluster.id");
        brokerPort = requestedBrokerPort != 0 ? requestedBrokerPort : NodeFile.intOr(state, "broker.port", brokerPort);
        controllerPort = requestedControllerPort != 0 ? requestedControllerPort : NodeFile.intOr(state, "controller.port", controllerPort);
        if (brokerPort == 0 || controllerPort == 0) {
            pickPorts();
        }
        return firstStart;
    }

    /** Picks a free port for each port the caller left to us. */
    private void pickPorts() {
        if (requestedBrokerPort == 0) {
            brokerPort = portPicker.getAsInt();
        }
        if (requestedControllerPort == 0) {
            do {
                controllerPort = portPicker.getAsInt();
            } while (controllerPort == brokerPort);
        }
    }

    private void startOnce() {
        saveState();
        final KafkaConfig config = new KafkaConfig(KafkaNodeConfig.of(logDir(), brokerPort, controllerPort, overrides), false);
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            format(config);
        }
        final KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
            awaitReady();
        } catch (final RuntimeException e) {
            shutDownQuietly(starting);
            throw e;
        }
        server = starting;
    }

    private void saveState() {
        final Properties state = new Properties();
        state.setProperty("cluster.id", clusterId);
        state.setProperty("broker.port", Integer.toString(brokerPort));
        state.setProperty("controller.port", Integer.toString(controllerPort));
        NodeFile.write(dataDir.resolve(STATE_FILE), state, "Newswire embedded Kafka node: cluster id and ports, reused on restart");
    }

    private void format(final KafkaConfig config) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(KafkaNodeConfig.NODE_ID)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir().toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName(KafkaNodeConfig.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setUnstableFeatureVersionsEnabled(false)
                    .run();
        } catch (final Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir() + ": " + e.getMessage(), e);
        }
    }

    /** Ready means a client gets a cluster description naming this (unfenced) broker. */
    private void awaitReady() {
        final Map<String, Object> props = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.CLIENT_ID_CONFIG, "newswire-embedded-readiness");
        final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                } catch (final Exception e) {
                    last = e;
                }
                pause();
            }
        }
        throw new IllegalStateException("Kafka at " + bootstrapServers() + " did not answer within " + READY_TIMEOUT, last);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private static void shutDownQuietly(final KafkaRaftServer failed) {
        try {
            failed.shutdown();
            failed.awaitShutdown();
        } catch (final RuntimeException e) {
            LOG.debug("Shutting down a node that failed to start also failed", e);
        }
    }

    /** Options of an {@link EmbeddedKafka}: data dir, ports (0 = pick a free one, then keep it), broker settings. */
    public static final class Builder {

        private final Path dataDir;
        private final Map<String, String> overrides = new HashMap<>();
        private int brokerPort;
        private int controllerPort;
        private IntSupplier portPicker = FreePort::pick;

        private Builder(final Path dataDir) {
            this.dataDir = dataDir;
        }

        /** The client port; 0 (default) picks a free one on the first start and keeps it. */
        public Builder brokerPort(final int port) {
            this.brokerPort = checkPort(port);
            return this;
        }

        /** The KRaft controller port; 0 (default) picks a free one on the first start and keeps it. */
        public Builder controllerPort(final int port) {
            this.controllerPort = checkPort(port);
            return this;
        }

        /** One broker setting, overriding the single-node default. */
        public Builder config(final String key, final String value) {
            overrides.put(key, value);
            return this;
        }

        /** Broker settings, overriding the single-node defaults. */
        public Builder configs(final Map<String, String> configs) {
            overrides.putAll(configs);
            return this;
        }

        /** Where free ports come from; tests use it to simulate a port taken between pick and bind. */
        Builder portPicker(final IntSupplier picker) {
            this.portPicker = picker;
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }

        private static int checkPort(final int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            return port;
        }
    }
}
