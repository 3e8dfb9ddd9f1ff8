package io.newswire.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
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
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Apicurio Registry, run from its distribution on Maven Central as a child process: a real schema registry that
 * serves the Confluent Schema Registry REST API at {@code /apis/ccompat/v7}, with no Docker.
 *
 * <p>Persistent mode keeps the schemas in an H2 database file in the data dir and the port in
 * {@value #STATE_FILE}, so schema ids survive a restart and records written before it still decode. In-memory mode
 * (tests) starts empty every time. Either way the global compatibility level is set to BACKWARD on start (Apicurio's
 * own default does not behave as Confluent's NONE, so the rule is made explicit).
 *
 * <p>The child never outlives this JVM: a shutdown hook stops it on a normal exit, and the child exits by itself when
 * this JVM dies harder than that ({@link ParentWatchdog}). Its output goes to {@code registry.log} in the data dir; a
 * failed start quotes the end of it.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    /** Overrides where the Apicurio distribution is (the folder holding the runner jar). */
    public static final String HOME_ENV = ApicurioDistribution.HOME_ENV;
    /** Overrides where the Apicurio distribution is; wins over {@link #HOME_ENV}. */
    public static final String HOME_PROPERTY = ApicurioDistribution.HOME_PROPERTY;
    /** Set to {@code false} to start the registry without its class-data archive. */
    public static final String CDS_PROPERTY = "newswire.apicurio.cds";

    static final String STATE_FILE = "newswire-registry.properties";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String CCOMPAT_PATH = "/apis/ccompat/v7";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int BIND_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 40;

    private final Path dataDir;
    private final boolean persistent;
    private final int requestedPort;
    private final IntSupplier portPicker;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // read without the lock (a client asks for the URL while another thread restarts the registry)
    private volatile int port;
    private volatile RegistryProcess process;
    private Thread shutdownHook;

    /**
     * @param dataDir    where the log file and, when persistent, the database and the chosen port live
     * @param port       HTTP port; 0 picks a free one on the first start (persistent: kept in the data dir)
     * @param persistent keep schemas across restarts (H2 file) or in memory only
     */
    public EmbeddedSchemaRegistry(final Path dataDir, final int port, final boolean persistent) {
        this(dataDir, port, persistent, FreePort::pick);
    }

    /** As the public constructor, with free ports from the given picker (tests simulate a port taken after the pick). */
    EmbeddedSchemaRegistry(final Path dataDir, final int port, final boolean persistent, final IntSupplier portPicker) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = port;
        this.persistent = persistent;
        this.portPicker = portPicker;
    }

    /** A registry that forgets everything when it stops, on a free port: what tests use. */
    public static EmbeddedSchemaRegistry inMemory(final Path dataDir) {
        return new EmbeddedSchemaRegistry(dataDir, 0, false);
    }

    /** A registry whose schemas and ids survive restarts; port 0 picks one on the first start and keeps it. */
    public static EmbeddedSchemaRegistry persistent(final Path dataDir, final int port) {
        return new EmbeddedSchemaRegistry(dataDir, port, true);
    }

    /**
     * Starts the registry and returns once it is ready and its global compatibility is BACKWARD (about 1.5 to 3 s;
     * the very first run on a machine also records a class-data archive and takes a few seconds more).
     * Does nothing when already running.
     *
     * @throws IllegalStateException when the distribution is missing or the registry does not become ready; the
     *                               message quotes the end of the registry's log
     */
    public synchronized EmbeddedSchemaRegistry start() {
        if (process != null) {
            return this;
        }
        final long started = System.nanoTime();
        final ApicurioDistribution distribution = ApicurioDistribution.locate();
        final boolean portPickedHere = choosePort();
        for (int attempt = 1; ; attempt++) {
            final long logOffset = logSize();
            try {
                launch(distribution);
                awaitReady();
                putCompatibility("BACKWARD");
                break;
            } catch (final RuntimeException e) {
                stopProcess();
                final String logged = logSince(logOffset);
                if (portPickedHere && attempt < BIND_ATTEMPTS && FreePort.mentionsBindFailure(logged)) {
                    LOG.warn("Port {} was taken before the registry bound it; picking another", port);
                    port = portPicker.getAsInt();
                    continue;
                }
                throw new IllegalStateException("Apicurio Registry " + distribution.version() + " (port " + port + ") did not start: "
                        + e.getMessage() + "\nLast lines of " + logFile() + ":\n" + tail(logged), e);
            }
        }
        if (persistent) {
            rememberPort();
        }
        LOG.info("Schema registry (Apicurio {}) ready at {} in {} ms ({})", distribution.version(), url(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), persistent ? "data in " + dataDir : "in memory");
        return this;
    }

    /** Stops the child process and waits for it (a graceful stop, forced after 20 s). Does nothing when not running. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        stopProcess();
        LOG.info("Schema registry at {} stopped", url());
    }

    public boolean isRunning() {
        final RegistryProcess running = process;
        return running != null && running.isAlive();
    }

    /** The Confluent-compatible API base URL, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public String url() {
        return "http://" + RegistryCommand.HOST + ":" + port + CCOMPAT_PATH;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the child's output goes. */
    public Path logFile() {
        return dataDir.resolve("registry.log");
    }

    @Override
    public void close() {
        stop();
    }

    /** The child's process id, for tests. */
    synchronized long pid() {
        return process.pid();
    }

    /** Closes the pipe the child watches, as this JVM's death would; for tests of the orphan guard. */
    synchronized void closeParentPipe() throws IOException {
        process.closeParentPipe();
    }

    /** @return true when the port was picked here (and so may be replaced if it turns out taken) */
    private boolean choosePort() {
        if (port != 0) {
            return false;
        }
        final int remembered = persistent ? NodeFile.intOr(NodeFile.read(dataDir.resolve(STATE_FILE)), "port", 0) : 0;
        port = requestedPort != 0 ? requestedPort : remembered != 0 ? remembered : portPicker.getAsInt();
        return requestedPort == 0 && remembered == 0;
    }

    private void rememberPort() {
        final Properties state = new Properties();
        state.setProperty("port", Integer.toString(port));
        NodeFile.write(dataDir.resolve(STATE_FILE), state, "Newswire embedded schema registry: the port, reused on restart");
    }

    private void launch(final ApicurioDistribution distribution) {
        final LaunchCache cache = LaunchCache.forDistribution(distribution);
        final List<Path> classpath = List.of(cache.watchdogJar(), distribution.runnerJar());
        final ClassDataArchive archive = ClassDataArchive.of(cache.dir(), classpath,
                !"false".equalsIgnoreCase(System.getProperty(CDS_PROPERTY)));
        final List<String> command = RegistryCommand.command(RegistryCommand.javaBinary(),
                classpath.stream().map(Path::toString).toList(), archive.jvmOptions(), distribution.mainClass());
        try {
            Files.createDirectories(dataDir);
            final ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            builder.environment().clear();
            builder.environment().putAll(RegistryCommand.environment(System.getenv(), port, persistent ? dataDir.resolve("registry") : null));
            // stdin stays a pipe this JVM holds open: its end tells the child (ParentWatchdog) that we are gone
            process = new RegistryProcess(builder.start(), archive);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        shutdownHook = new Thread(process::terminate, "newswire-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void awaitReady() {
        final URI health = URI.create("http://" + RegistryCommand.HOST + ":" + port + "/health/ready");
        final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process " + process.exitDescription() + " before it was ready");
            }
            try {
                final HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (final IOException notListeningYet) {
                lastAnswer = notListeningYet.toString();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the registry", e);
            }
            pause(50);
        }
        throw new IllegalStateException("not ready within " + READY_TIMEOUT + " (last answer to " + health + ": " + lastAnswer + ")");
    }

    private void putCompatibility(final String level) {
        final URI config = URI.create("http://" + RegistryCommand.HOST + ":" + port + CCOMPAT_PATH + "/config");
        try {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(config)
                            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("PUT " + config + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("PUT " + config + " failed: " + e.getMessage(), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring the registry", e);
        }
    }

    private void stopProcess() {
        final RegistryProcess stopping = process;
        if (stopping == null) {
            return;
        }
        process = null;
        stopping.terminate();
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (final IllegalStateException jvmShuttingDown) {
            // the hook is running or about to: terminate() is idempotent, it waits for this stop
        }
        shutdownHook = null;
    }

    private long logSize() {
        try {
            return Files.exists(logFile()) ? Files.size(logFile()) : 0;
        } catch (final IOException e) {
            return 0;
        }
    }

    /** What the child wrote to the log since the given offset (at most the last 256 KB). */
    private String logSince(final long offset) {
        try (RandomAccessFile file = new RandomAccessFile(logFile().toFile(), "r")) {
            final long from = Math.max(offset, file.length() - 256 * 1024);
            final byte[] bytes = new byte[(int) Math.max(0, file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String tail(final String text) {
        final List<String> lines = new ArrayList<>(Arrays.asList(text.split("\\R")));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    private static void pause(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the registry", e);
        }
    }
}
