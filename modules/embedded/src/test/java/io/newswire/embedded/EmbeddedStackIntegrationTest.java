package io.newswire.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedStackIntegrationTest {

    @Test
    void shouldStartBrokerAndRegistryTogetherAndStopBothWhenClosed(@TempDir final Path dir) throws Exception {
        // Given a temporary stack
        final EmbeddedStack stack = EmbeddedStack.temporary(dir);

        // When it starts
        try (stack) {
            stack.start();

            // Then both answer, each in its own folder of the data dir
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            final HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(stack.kafka().dataDir()).isEqualTo(dir.resolve("kafka").toAbsolutePath());
            assertThat(stack.registry().logFile()).exists();
        }

        // And after close neither runs
        assertThat(stack.kafka().isRunning()).isFalse();
        assertThat(stack.registry().isRunning()).isFalse();
    }
}
