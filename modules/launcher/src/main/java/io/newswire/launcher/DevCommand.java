package io.newswire.launcher;

import io.newswire.alerter.AlerterApp;
import io.newswire.embedded.EmbeddedStack;
import io.newswire.gateway.GatewayServer;
import io.newswire.processing.ProcessingApp;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.NewswireMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * `newswire dev`: the whole system on one machine, no Docker: a real Kafka broker (KRaft, in this JVM) and a
 * real schema registry (Apicurio, a child process), the topics and schemas, the processing application and the
 * gateway. Data lives in the data dir; a second `dev` on it resumes. Ctrl-C stops everything cleanly.
 */
@Command(name = "dev", mixinStandardHelpOptions = true, description = "Run the whole system locally on an embedded broker and registry.")
public final class DevCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--kafka-port", description = "Broker port (default: chosen on first run, then kept).")
    int kafkaPort;

    @Option(names = "--registry-port", description = "Registry port (default ${DEFAULT-VALUE}).")
    int registryPort = 8081;

    @Override
    public Integer call() throws Exception {
        final long started = System.nanoTime();
        final NewswireConfig base = connection.load();
        final Path dataDir = base.dataDir().toAbsolutePath();
        System.out.println("Starting Newswire dev stack in " + dataDir + " ...");
        final EmbeddedStack stack = EmbeddedStack.persistent(dataDir, kafkaPort, registryPort).start();
        final NewswireConfig config = base.with(Map.of(
                NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
                NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "true",
                NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG, "1",
                NewswireConfig.DATA_DIR_CONFIG, dataDir.toString()));
        final List<String> created = TopicsCommand.createAll(config);
        final Map<String, Integer> schemas = SchemasCommand.registerAll(config);
        final NewswireMetrics metrics = new NewswireMetrics();
        final int metricsPort = metrics.serve("127.0.0.1", config.getInt(NewswireConfig.METRICS_PORT_CONFIG));
        final ProcessingApp processing = ProcessingApp.start(config);
        final GatewayServer gateway = GatewayServer.start(config, metrics);
        processing.awaitRunning(Duration.ofSeconds(60));
        final AlerterApp alerter = AlerterApp.start(config); // alerter (issue 15)
        final String alerts = "http://" + config.getString(NewswireConfig.ALERTER_HOST_CONFIG) + ":" + alerter.httpPort();

        final Endpoints endpoints = new Endpoints(gateway.url(), null, "http://127.0.0.1:" + metricsPort + "/metrics",
                stack.bootstrapServers(), stack.schemaRegistryUrl(), ProcessHandle.current().pid(), alerts);
        endpoints.write(dataDir);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Newswire dev stack ...");
            gateway.close();
            alerter.close();
            processing.close();
            metrics.close();
            stack.close();
            Endpoints.delete(dataDir);
            stopped.countDown();
        }, "newswire-dev-shutdown"));

        System.out.printf("%nNewswire is running (ready in %.1f s):%n", (System.nanoTime() - started) / 1e9);
        System.out.println("  gateway           " + endpoints.gateway() + "   (API: " + endpoints.gateway() + "/openapi.json)");
        System.out.println("  metrics           " + endpoints.metrics());
        System.out.println("  alerts (SSE)      " + alerts + "/v1/alerts/stream   (rules: " + alerts + "/v1/alerts/rules)");
        System.out.println("  kafka             " + endpoints.bootstrapServers());
        System.out.println("  schema registry   " + endpoints.schemaRegistryUrl());
        System.out.println("  processing        " + processing.state() + " (exactly_once_v2)");
        System.out.println("  topics created    " + (created.isEmpty() ? "none (all existed)" : String.join(", ", created)));
        System.out.println("  schemas           " + schemas.size() + " registered");
        System.out.println("  endpoints file    " + dataDir.resolve(Endpoints.FILE_NAME));
        System.out.println("Press Ctrl-C to stop. Next: ./newswire correspondents add --id <id> --name <name>");
        stopped.await();
        return 0;
    }
}
