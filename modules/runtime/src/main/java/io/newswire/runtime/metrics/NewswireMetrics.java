package io.newswire.runtime.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The one metrics registry of a Newswire process, exported in Prometheus' text format. Components register
 * their meters on {@link #registry()}; JVM and process meters are bound here once, and Kafka clients and Streams
 * applications through {@link #bindStreams} and {@link #bindClient}.
 *
 * <p>Every name leaves here following Prometheus' conventions, so {@code promtool check metrics} finds nothing to
 * say: {@link PrometheusConventions} renames or drops the binders' meters that break them (see there for each).
 */
public final class NewswireMetrics implements AutoCloseable {

    /** Process CPU time in seconds, the name Prometheus' own clients use; replaces Micrometer's nanoseconds one. */
    public static final String PROCESS_CPU_SECONDS = "process.cpu.seconds";
    private static final String PROCESS_CPU_SECONDS_DESCRIPTION = "CPU time used by this process (all threads), in seconds";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final List<AutoCloseable> kafkaBinders = new ArrayList<>();
    private HTTPServer server;

    public NewswireMetrics() {
        // before any meter: a filter applies only to meters registered after it
        PrometheusConventions.filters().forEach(registry.config()::meterFilter);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        bindProcessCpuSeconds();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Binds a Kafka Streams application's metrics (its threads, tasks, stores and its clients'), tagged with its
     * client id, so two applications in one process (processing and alerter in dev) stay apart.
     */
    public synchronized void bindStreams(final KafkaStreams streams) {
        final KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(registry);
        kafkaBinders.add(binder);
    }

    /** Binds a producer's metrics (tagged with its client id). */
    public synchronized void bindClient(final Producer<?, ?> producer) {
        final KafkaClientMetrics binder = new KafkaClientMetrics(producer);
        binder.bindTo(registry);
        kafkaBinders.add(binder);
    }

    /** Binds a consumer's metrics (tagged with its client id). */
    public synchronized void bindClient(final Consumer<?, ?> consumer) {
        final KafkaClientMetrics binder = new KafkaClientMetrics(consumer);
        binder.bindTo(registry);
        kafkaBinders.add(binder);
    }

    /** The current values in Prometheus' text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Serves {@code /metrics} on the given interface and port.
     *
     * @param port 0 picks a free port
     * @return the port it listens on
     */
    public synchronized int serve(final String host, final int port) {
        return serve(host, port, Map.of());
    }

    /**
     * Serves {@code /metrics}, and beside it {@code /health} (200 while the process runs) and {@code /ready} (200 when
     * every check holds, else 503; JSON of each check), for a component with no HTTP server of its own (processing).
     *
     * @param readiness the checks of {@code /ready} by name, e.g. {@code streams} → Streams is RUNNING
     * @return the port it listens on
     */
    public synchronized int serve(final String host, final int port, final Map<String, BooleanSupplier> readiness) {
        if (server != null) {
            return server.getPort();
        }
        try {
            server = HTTPServer.builder().hostname(host).port(port).defaultHandler(exchange -> probes(exchange, readiness))
                    .registry(registry.getPrometheusRegistry()).buildAndStart();
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return server.getPort();
    }

    /** {@code /health} and {@code /ready}; anything else the default handler gets is not found. */
    private static void probes(final HttpExchange exchange, final Map<String, BooleanSupplier> readiness) throws IOException {
        final String path = exchange.getRequestURI().getPath();
        final int status;
        final String body;
        if ("/health".equals(path)) {
            status = 200;
            body = "{\"status\":\"UP\"}";
        } else if ("/ready".equals(path)) {
            final StringBuilder checks = new StringBuilder("{");
            boolean ready = true;
            for (final Map.Entry<String, BooleanSupplier> check : new TreeMap<>(readiness).entrySet()) {
                final boolean holds = check.getValue().getAsBoolean();
                ready &= holds;
                checks.append('"').append(check.getKey()).append("\":").append(holds).append(',');
            }
            status = ready ? 200 : 503;
            body = checks.append("\"status\":\"").append(ready ? "READY" : "NOT_READY").append("\"}").toString();
        } else {
            status = 404;
            body = "{\"status\":\"NOT_FOUND\",\"paths\":[\"/metrics\",\"/health\",\"/ready\"]}";
        }
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        for (final AutoCloseable binder : kafkaBinders) {
            try {
                binder.close();
            } catch (final Exception e) {
                // closing: its refresh task is gone either way
            }
        }
        kafkaBinders.clear();
        gcMetrics.close();
        registry.close();
    }

    /** Micrometer's {@code process.cpu.time} counts nanoseconds (dropped in {@link PrometheusConventions}); this counts seconds. */
    private void bindProcessCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            FunctionCounter.builder(PROCESS_CPU_SECONDS, os, o -> o.getProcessCpuTime() / 1e9)
                    .description(PROCESS_CPU_SECONDS_DESCRIPTION).register(registry);
        }
    }
}
