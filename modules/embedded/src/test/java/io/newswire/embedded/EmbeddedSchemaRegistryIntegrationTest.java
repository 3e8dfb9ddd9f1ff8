package io.newswire.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedSchemaRegistryIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PROBE_V1 = schema("{\"name\":\"a\",\"type\":\"string\"}");
    private static final String PROBE_V2_WITH_DEFAULT = schema("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
    private static final String PROBE_V2_WITHOUT_DEFAULT = schema("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"c\",\"type\":\"int\"}");

    @Test
    void shouldServeARegisteredSchemaByIdAndRefuseABackwardIncompatibleOneWhenInMemory(@TempDir final Path dir) throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.inMemory(dir).start()) {
            // Given a schema registered through the Confluent-compatible API
            final HttpResponse<String> registered = post(registry.url() + "/subjects/probe-value/versions", PROBE_V1);
            assertThat(registered.statusCode()).isEqualTo(200);

            // When it is fetched by its id
            final HttpResponse<String> byId = get(registry.url() + "/schemas/ids/" + idOf(registered));

            // Then it is the same schema, and BACKWARD compatibility is enforced: a new field without a default is refused
            assertThat(byId.statusCode()).isEqualTo(200);
            assertThat(byId.body()).contains("Probe");
            assertThat(get(registry.url() + "/config").body()).contains("BACKWARD");
            assertThat(post(registry.url() + "/subjects/probe-value/versions", PROBE_V2_WITHOUT_DEFAULT).statusCode()).isEqualTo(409);
        }
    }

    @Test
    void shouldServeTheSameSchemaIdsOnTheSamePortWhenRestartedPersistent(@TempDir final Path dir) throws Exception {
        // Given a schema registered in a persistent registry that then stopped
        final String firstId;
        final int port;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.persistent(dir, 0).start()) {
            final HttpResponse<String> registered = post(registry.url() + "/subjects/probe-value/versions", PROBE_V1);
            assertThat(registered.statusCode()).isEqualTo(200);
            firstId = idOf(registered);
            port = registry.port();
        }

        // When a new registry starts on the same data dir
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.persistent(dir, 0).start()) {

            // Then it is on the same port, the id still names the same schema, and the next registration gets a new id
            assertThat(registry.port()).isEqualTo(port);
            final HttpResponse<String> byId = get(registry.url() + "/schemas/ids/" + firstId);
            assertThat(byId.statusCode()).isEqualTo(200);
            assertThat(byId.body()).contains("Probe");
            final HttpResponse<String> second = post(registry.url() + "/subjects/probe-value/versions", PROBE_V2_WITH_DEFAULT);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(idOf(second)).isNotEqualTo(firstId);
        }
    }

    @Test
    void shouldPickAnotherPortWhenThePickedOneIsTakenBeforeTheRegistryBindsIt(@TempDir final Path dir) throws Exception {
        // Given a port picker whose first pick another process grabs before the registry binds it
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final AtomicInteger picks = new AtomicInteger();
            final EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(dir, 0, false,
                    () -> picks.getAndIncrement() == 0 ? squatter.getLocalPort() : FreePort.pick());

            // When the registry starts
            try (registry) {
                registry.start();

                // Then it serves on another port
                assertThat(registry.port()).isNotEqualTo(squatter.getLocalPort());
                assertThat(get(registry.url() + "/subjects").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void shouldExitWhenTheParentsPipeCloses(@TempDir final Path dir) throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.inMemory(dir).start()) {
            // Given a running registry
            final long pid = registry.pid();

            // When its pipe to this JVM closes, as it does when this JVM dies (even by kill -9)
            registry.closeParentPipe();

            // Then the registry process ends by itself
            await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            assertThat(registry.isRunning()).isFalse();
        }
    }

    private static String schema(final String fields) {
        final String avro = "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[" + fields + "]}";
        return "{\"schema\":\"" + avro.replace("\"", "\\\"") + "\"}";
    }

    private static String idOf(final HttpResponse<String> registered) {
        return registered.body().replaceAll("\\D", "");
    }

    private static HttpResponse<String> post(final String url, final String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(final String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
