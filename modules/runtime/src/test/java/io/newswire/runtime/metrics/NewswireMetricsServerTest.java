package io.newswire.runtime.metrics;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics server as processing runs it: /metrics, and /health and /ready beside it, over real HTTP. */
class NewswireMetricsServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldAnswerHealthAlwaysAndReadyOnlyWhenEveryCheckHolds() throws Exception {
        final AtomicBoolean running = new AtomicBoolean(false);
        try (NewswireMetrics metrics = new NewswireMetrics()) {
            final int port = metrics.serve("127.0.0.1", 0, Map.of("streams", running::get));

            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
            final HttpResponse<String> notReady = get(port, "/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("{\"streams\":false,\"status\":\"NOT_READY\"}");

            running.set(true);
            final HttpResponse<String> ready = get(port, "/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"streams\":true,\"status\":\"READY\"}");

            assertThat(get(port, "/metrics").body()).contains("jvm_threads_live_threads");
            assertThat(get(port, "/nothing").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(final int port, final String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
