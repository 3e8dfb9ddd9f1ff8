package io.newswire.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry, run from its distribution on Maven Central as a child process: a real schema registry that
 * serves the Confluent Schema Registry REST API at {@code /apis/ccompat/v7}, with no Docker.
 *
 * <p>Persistent mode keeps its state in an H2 database file in the data dir, so schema ids survive a restart
 * and records written before it still decode. In-memory mode (tests) starts clean each time.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    /** Overrides where the Apicurio distribution is (the folder holding the runner jar). */
    public static final String HOME_ENV = "NEWSWIRE_APICURIO_HOME";
    public static final String HOME_PROPERTY = "newswire.apicurio.home";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private final Path dataDir;
    private final boolean persistent;
    private final int requestedPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int port;
    private Process process;
    private Thread shutdownHook;

    /**
     * @param dataDir    where the log file and, when persistent, the database live
     * @param port       HTTP port; 0 picks a free one (kept for restarts of this instance)
     * @param persistent keep schemas across restarts (H2 file) or in memory only
     */
    public EmbeddedSchemaRegistry(final Path dataDir, final int port, final boolean persistent) {
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = port;
        this.persistent = persistent;
    }

    /** Starts the registry and returns once it is ready and its global compatibility is BACKWARD. */
    public synchronized EmbeddedSchemaRegistry start() {
        if (process != null) {
            return this;
        }
        final long started = System.nanoTime();
        final Path home = distribution();
        final Path runner = findRunnerJar(home);
        port = port != 0 ? port : requestedPort != 0 ? requestedPort : EmbeddedKafka.freePort();
        final Path log = dataDir.resolve("registry.log");
        try {
            Files.createDirectories(dataDir);
            final List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", runner.toString()));
            final ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            final Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_LOG_LEVEL", "WARN");
            if (persistent) {
                env.put("APICURIO_STORAGE_KIND", "sql");
                env.put("APICURIO_STORAGE_SQL_KIND", "h2");
                env.put("APICURIO_DATASOURCE_URL", "jdbc:h2:file:" + dataDir.resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE");
                env.put("APICURIO_DATASOURCE_USERNAME", "sa");
                env.put("APICURIO_DATASOURCE_PASSWORD", "sa");
            }
            process = builder.start();
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot start Apicurio Registry from " + runner + ": " + e.getMessage(), e);
        }
        shutdownHook = new Thread(this::destroyProcess, "apicurio-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitReady(Duration.ofSeconds(90), log);
        put(CCOMPAT_PATH + "/config", "{\"compatibility\":\"BACKWARD\"}");
        LOG.info("Schema registry (Apicurio {}) ready at {} in {} ms{}", version(), url(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), persistent ? " (data in " + dataDir + ")" : " (in memory)");
        return this;
    }

    /** Stops the child process and waits for it. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        destroyProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (final IllegalStateException shuttingDown) {
            // the JVM is already shutting down; the hook runs (harmlessly) too
        }
        process = null;
    }

    /** The Confluent-compatible API base URL, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public String url() {
        return "http://127.0.0.1:" + port + CCOMPAT_PATH;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }

    private void destroyProcess() {
        final Process p = process;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private void awaitReady(final Duration timeout, final Path log) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + log + ":\n" + tail(log));
            }
            try {
                final HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (final IOException notYet) {
                // still starting
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the registry", e);
            }
            try {
                Thread.sleep(100);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the registry", e);
            }
        }
        destroyProcess();
        throw new IllegalStateException("Apicurio Registry was not ready within " + timeout + ". Last lines of " + log + ":\n" + tail(log));
    }

    private void put(final String path, final String json) {
        try {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("PUT " + path + " failed: " + e.getMessage(), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(final Path log) {
        try {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (final IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Where the distribution is: the override, else where the build unpacked it. */
    static Path distribution() {
        final String override = System.getenv(HOME_ENV) != null ? System.getenv(HOME_ENV) : System.getProperty(HOME_PROPERTY);
        final Path home = override != null ? Path.of(override) : Path.of(buildInfo().getProperty("apicurio.home"));
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException("Apicurio Registry distribution not found at " + home
                    + ". Build the project first (./mvnw install -DskipTests unpacks it), or point " + HOME_ENV + " at an unpacked "
                    + "io.apicurio:apicurio-registry-app:" + version() + ":tar.gz:all.");
        }
        return home;
    }

    static String version() {
        return buildInfo().getProperty("apicurio.version");
    }

    private static Path findRunnerJar(final Path home) {
        try (var files = Files.list(home)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No *-runner.jar in " + home));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties buildInfo() {
        final Properties properties = new Properties();
        try (InputStream in = EmbeddedSchemaRegistry.class.getResourceAsStream("apicurio.properties")) {
            if (in == null) {
                throw new IllegalStateException("apicurio.properties missing from the classpath: build newswire-embedded with Maven");
            }
            properties.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
