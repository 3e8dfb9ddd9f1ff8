package io.newswire.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The local stack {@code ./newswire dev} and the integration tests run on: a Kafka node and a schema registry,
 * started side by side (the registry takes longer, so they start in parallel).
 * Layout: {@code <dataDir>/kafka} and {@code <dataDir>/registry}.
 */
public final class EmbeddedStack implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    public EmbeddedStack(final EmbeddedKafka kafka, final EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /**
     * A stack whose data survives restarts: what `dev` runs.
     *
     * @param kafkaPort    0 for a free port, kept across restarts
     * @param registryPort 0 for a free port
     */
    public static EmbeddedStack persistent(final Path dataDir, final int kafkaPort, final int registryPort) {
        return new EmbeddedStack(new EmbeddedKafka(dataDir.resolve("kafka"), kafkaPort, Map.of()),
                new EmbeddedSchemaRegistry(dataDir.resolve("registry"), registryPort, true));
    }

    /** A throwaway stack in a temp dir with an in-memory registry: what tests run. */
    public static EmbeddedStack temporary(final Path dataDir) {
        return new EmbeddedStack(new EmbeddedKafka(dataDir.resolve("kafka"), 0, Map.of()),
                new EmbeddedSchemaRegistry(dataDir.resolve("registry"), 0, false));
    }

    /** Starts both in parallel; if one fails the other is stopped and the first failure is thrown. */
    public EmbeddedStack start() {
        final CompletableFuture<EmbeddedSchemaRegistry> registryStarted = CompletableFuture.supplyAsync(registry::start);
        try {
            kafka.start();
            registryStarted.join();
        } catch (final RuntimeException e) {
            registryStarted.whenComplete((r, ignored) -> registry.stop());
            kafka.stop();
            throw e.getCause() instanceof RuntimeException cause && e instanceof java.util.concurrent.CompletionException ? cause : e;
        }
        return this;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedSchemaRegistry registry() {
        return registry;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    @Override
    public void close() {
        registry.stop();
        kafka.stop();
    }
}
