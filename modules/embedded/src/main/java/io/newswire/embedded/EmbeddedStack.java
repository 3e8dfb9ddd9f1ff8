package io.newswire.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The local stack {@code ./newswire dev} and the integration tests run on: a Kafka node and a schema registry.
 * They start side by side (each takes a couple of seconds, mostly CPU of different processes). Layout:
 * {@code <dataDir>/kafka} and {@code <dataDir>/registry}.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    public EmbeddedStack(final EmbeddedKafka kafka, final EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /**
     * A stack whose data survives restarts: what {@code dev} runs.
     *
     * @param kafkaPort    0 for a free port, chosen on the first start and kept in the data dir
     * @param registryPort 0 for a free port, chosen on the first start and kept in the data dir
     */
    public static EmbeddedStack persistent(final Path dataDir, final int kafkaPort, final int registryPort) {
        return new EmbeddedStack(EmbeddedKafka.builder(dataDir.resolve("kafka")).brokerPort(kafkaPort).build(),
                EmbeddedSchemaRegistry.persistent(dataDir.resolve("registry"), registryPort));
    }

    /** A throwaway stack in the given (temporary) dir, on free ports, with an in-memory registry: what tests run. */
    public static EmbeddedStack temporary(final Path dataDir) {
        return new EmbeddedStack(EmbeddedKafka.builder(dataDir.resolve("kafka")).build(),
                EmbeddedSchemaRegistry.inMemory(dataDir.resolve("registry")));
    }

    /** Starts both in parallel and returns when both are ready; if one fails, the other is stopped and the failure thrown. */
    public EmbeddedStack start() {
        final long started = System.nanoTime();
        final CompletableFuture<EmbeddedSchemaRegistry> registryStarted = CompletableFuture.supplyAsync(registry::start);
        try {
            kafka.start();
            registryStarted.join();
        } catch (final RuntimeException e) {
            registryStarted.handle((r, ignored) -> r).join();
            close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LOG.info("Embedded stack ready in {} ms: Kafka at {}, schema registry at {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), bootstrapServers(), schemaRegistryUrl());
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

    /** The Confluent-compatible registry URL. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** Stops both, side by side. */
    @Override
    public void close() {
        final CompletableFuture<Void> registryStopped = CompletableFuture.runAsync(registry::stop);
        try {
            kafka.stop();
        } finally {
            registryStopped.join();
        }
    }
}
