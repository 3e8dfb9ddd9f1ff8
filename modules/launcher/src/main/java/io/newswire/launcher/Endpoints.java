package io.newswire.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Where each part of a running `newswire dev` listens, written to {@code <data-dir>/endpoints.json} so scripts
 * and the other newswire commands find them without flags.
 *
 * @param gateway           base URL of the correspondent gateway
 * @param dashboard         base URL of the newsroom dashboard. May be null (a file written before it existed)
 * @param metrics           URL of the Prometheus scrape endpoint
 * @param bootstrapServers  Kafka bootstrap servers
 * @param schemaRegistryUrl Confluent-compatible schema registry URL
 * @param pid               process id of the dev process
 * @param publisher         base URL of the publisher's newsroom API. May be null (a file written before it existed)
 * @param alerts            base URL of the alerter's API (rules, SSE stream at /v1/alerts/stream). May be null.
 * @param metricsEndpoints  each component (gateway, processing, publisher, alerter, dashboard) to the URL a scraper reads its
 *                          Prometheus metrics from; in dev they share one registry, so every URL is {@code metrics}.
 *                          May be null (a file written before it existed).
 */
public record Endpoints(String gateway, String dashboard, String metrics, String bootstrapServers,
                        String schemaRegistryUrl, long pid, String publisher, String alerts,
                        Map<String, String> metricsEndpoints) {

    public static final String FILE_NAME = "endpoints.json";

    /** The endpoints every dev has (gateway, metrics, cluster), with none of the optional components: for tests. */
    static Endpoints core(final String gateway, final String metrics, final String bootstrapServers, final String schemaRegistryUrl,
                          final long pid) {
        return new Endpoints(gateway, null, metrics, bootstrapServers, schemaRegistryUrl, pid, null, null, null);
    }
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes atomically, so a reader never sees half a file. */
    public void write(final Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            final Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot write " + dataDir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** The endpoints of a dev stack that used this data dir, if it wrote any. */
    public static Optional<Endpoints> read(final Path dataDir) {
        final Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Endpoints.class));
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static void delete(final Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
