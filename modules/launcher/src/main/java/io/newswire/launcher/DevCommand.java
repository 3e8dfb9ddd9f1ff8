package io.newswire.launcher;

import io.newswire.alerter.AlerterApp;
import io.newswire.embedded.EmbeddedStack;
import io.newswire.dashboard.DashboardApp;
import io.newswire.gateway.GatewayServer;
import io.newswire.processing.ProcessingApp;
import io.newswire.publisher.PublisherApp;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.NewswireMetrics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * `newswire dev`: the whole system on one machine, no Docker: a real Kafka broker (KRaft, in this JVM) and a
 * real schema registry (Apicurio, a child process), the topics and schemas, the processing application, the
 * gateway, the publisher, the alerter and the newsroom dashboard. Data lives in the data dir; a second `dev` on it resumes. Ctrl-C (or {@link #stop()}) stops everything
 * cleanly.
 *
 * <p>Given a cluster (bootstrap servers and registry, see {@link DevCluster}), dev starts no broker or registry: it
 * creates the topics and registers the schemas there as `init` does, then runs processing and the gateway against
 * it, and endpoints.json names that cluster. Writes: every topic of the catalogue (through the components).
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Run the whole system locally: on an embedded broker and registry, or, given --bootstrap-servers and "
                + "--schema-registry-url, against that cluster (nothing embedded is started)."})
public final class DevCommand implements Callable<Integer> {

    /** How long a shutdown hook waits for the components to close. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Embedded broker's port (default: chosen on first run, then kept).")
    Integer kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", description = "Embedded registry's port (default 8081).")
    Integer registryPort;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Endpoints endpoints;

    @Override
    public Integer call() throws Exception {
        final long started = System.nanoTime();
        final NewswireConfig base = connection.load();
        final DevCluster cluster = decide(base);
        final Path dataDir = base.dataDir().toAbsolutePath();
        final Deque<AutoCloseable> running = new ArrayDeque<>();
        final Thread hook = new Thread(this::stopAndWait, "newswire-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            final NewswireConfig config;
            if (cluster.external()) {
                System.out.println("Starting Newswire against Kafka " + base.bootstrapServers() + " and registry "
                        + base.getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG) + " (no embedded broker or registry), data in "
                        + dataDir + " ...");
                config = cluster.settings(base, null, null, dataDir.toString());
            } else {
                System.out.println("Starting Newswire dev stack in " + dataDir + " ...");
                final EmbeddedStack stack = EmbeddedStack.persistent(dataDir, kafkaPort == null ? 0 : kafkaPort,
                        registryPort == null ? 8081 : registryPort);
                running.push(stack);
                stack.start();
                config = cluster.settings(base, stack.bootstrapServers(), stack.schemaRegistryUrl(), dataDir.toString());
            }
            final List<String> created = TopicsCommand.createAll(config);
            final Map<String, Integer> schemas = SchemasCommand.registerAll(config);
            final NewswireMetrics metrics = new NewswireMetrics();
            running.push(metrics);
            final int metricsPort = metrics.serve("127.0.0.1", config.getInt(NewswireConfig.METRICS_PORT_CONFIG));
            final ProcessingApp processing = ProcessingApp.start(config, metrics);
            running.push(processing);
            final GatewayServer gateway = GatewayServer.start(config, metrics);
            running.push(gateway);
            final PublisherApp publisher = PublisherApp.start(config, metrics);
            running.push(publisher);
            processing.awaitRunning(Duration.ofSeconds(60));
            // its health watcher polls this gateway's /ready (alerter.gateway.urls, if set, wins)
            final AlerterApp alerter = AlerterApp.start(AlertCommand.watchingGateway(config, gateway.url()), metrics.registry());
            running.push(alerter);
            metrics.bindStreams(alerter.streams());
            final String alerts = "http://" + config.getString(NewswireConfig.ALERTER_HOST_CONFIG) + ":" + alerter.httpPort();
            final DashboardApp dashboard = DashboardApp.start(config, metrics);
            running.push(dashboard);

            final String scrape = "http://127.0.0.1:" + metricsPort + "/metrics";
            final Endpoints written = new Endpoints(gateway.url(), dashboard.url(), scrape,
                    config.bootstrapServers(), config.getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG), ProcessHandle.current().pid(),
                    publisher.url(), alerts, metricsOfEach(scrape));
            written.write(dataDir);
            endpoints = written;
            printReady(started, written, processing, created, schemas, dataDir, cluster);
            stopRequested.await();
            System.out.println("\nStopping Newswire dev " + (cluster.external() ? "components" : "stack") + " ...");
            return 0;
        } finally {
            closeAll(running);
            if (endpoints != null) {
                // only the file this run wrote: after a failed start it may be another dev's on the same data dir
                Endpoints.delete(dataDir);
                endpoints = null;
            }
            stopped.countDown();
            removeHook(hook);
        }
    }

    /** In dev every component registers on the one registry served on the metrics port: each is scraped there. */
    private static Map<String, String> metricsOfEach(final String scrape) {
        final Map<String, String> each = new LinkedHashMap<>();
        for (final String component : List.of("gateway", "processing", "publisher", "alerter", "dashboard")) {
            each.put(component, scrape);
        }
        return each;
    }

    /** Asks a running dev to stop; {@link #call()} then closes every component and returns 0. Safe to call at any time. */
    public void stop() {
        stopRequested.countDown();
    }

    /**
     * Waits until a stopped dev has closed everything.
     *
     * @return false when it had not after the timeout
     */
    public boolean awaitStopped(final Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where the running dev's parts listen, once it is ready. May be null (starting, or stopped). */
    public Endpoints endpoints() {
        return endpoints;
    }

    private DevCluster decide(final NewswireConfig base) {
        final List<String> embeddedOnly = new ArrayList<>();
        if (kafkaPort != null) {
            embeddedOnly.add("--kafka-port");
        }
        if (registryPort != null) {
            embeddedOnly.add("--registry-port");
        }
        try {
            return DevCluster.decide(base, embeddedOnly);
        } catch (final IllegalArgumentException e) {
            // a usage error: picocli prints it with exit code 2, before anything has started
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private void stopAndWait() {
        stop();
        try {
            awaitStopped(STOP_TIMEOUT);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Newest first: the gateway stops taking reports before processing and the broker go. */
    private static void closeAll(final Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (final Exception e) {
                System.err.println("Stopping a component failed: " + e);
            }
        }
    }

    /** A dev stopped by {@link #stop()} (a test) leaves no hook behind; one stopped by the JVM's shutdown cannot remove it. */
    private static void removeHook(final Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (final IllegalStateException shuttingDown) {
            // the hook is running us
        }
    }

    private static void printReady(final long started, final Endpoints endpoints, final ProcessingApp processing,
                                   final List<String> created, final Map<String, Integer> schemas, final Path dataDir,
                                   final DevCluster cluster) {
        final String where = cluster.external() ? " (given)" : "";
        System.out.printf("%nNewswire is running (ready in %.1f s):%n", (System.nanoTime() - started) / 1e9);
        System.out.println("  dashboard         " + endpoints.dashboard() + "   (log in with a key from ./newswire apikeys add)");
        System.out.println("  gateway           " + endpoints.gateway() + "   (API: " + endpoints.gateway() + "/openapi.json)");
        System.out.println("  publisher         " + endpoints.publisher() + "   (API: " + endpoints.publisher() + "/openapi.json; keys: ./newswire apikeys add)");
        System.out.println("  metrics           " + endpoints.metrics());
        System.out.println("  alerts (SSE)      " + endpoints.alerts() + "/v1/alerts/stream   (rules: " + endpoints.alerts() + "/v1/alerts/rules)");
        System.out.println("  kafka             " + endpoints.bootstrapServers() + where);
        System.out.println("  schema registry   " + endpoints.schemaRegistryUrl() + where);
        System.out.println("  processing        " + processing.state() + " (exactly_once_v2)");
        System.out.println("  topics created    " + (created.isEmpty() ? "none (all existed)" : String.join(", ", created)));
        System.out.println("  schemas           " + schemas.size() + " registered");
        System.out.println("  endpoints file    " + dataDir.resolve(Endpoints.FILE_NAME));
        System.out.println("Press Ctrl-C to stop. Next: ./newswire correspondents add --id <id> --name <name>");
    }
}
