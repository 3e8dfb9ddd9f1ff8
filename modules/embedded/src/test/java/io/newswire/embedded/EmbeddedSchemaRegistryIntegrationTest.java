package io.newswire.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedSchemaRegistryIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SCHEMA_V1 = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
    private static final String SCHEMA_V2 = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"},{\\\"name\\\":\\\"b\\\",\\\"type\\\":\\\"int\\\",\\\"default\\\":0}]}\"}";

    @Test
    void shouldServeTheSameSchemaIdsAfterARestartWhenPersistent(@TempDir final Path dir) throws Exception {
        final String firstId;
        final int port;
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(dir, 0, true).start()) {
            // Given a schema registered through the Confluent-compatible API
            final HttpResponse<String> registered = post(registry.url() + "/subjects/probe-value/versions", SCHEMA_V1);
            assertThat(registered.statusCode()).isEqualTo(200);
            firstId = registered.body().replaceAll("\\D", "");
            port = registry.port();
            assertThat(get(registry.url() + "/config").body()).contains("BACKWARD");
        }
        // When a new registry starts on the same data dir
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(dir, port, true).start()) {
            // Then the id still names the same schema, and the next registration gets another id
            final HttpResponse<String> byId = get(registry.url() + "/schemas/ids/" + firstId);
            assertThat(byId.statusCode()).isEqualTo(200);
            assertThat(byId.body()).contains("Probe");
            final HttpResponse<String> second = post(registry.url() + "/subjects/probe-value/versions", SCHEMA_V2);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(second.body().replaceAll("\\D", "")).isNotEqualTo(firstId);
        }
    }

    private static HttpResponse<String> post(final String url, final String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(final String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
