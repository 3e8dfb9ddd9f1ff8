package io.newswire.gateway.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's retry logic against a scripted stand-in for the gateway (the real gateway is tested on Kafka). */
class ReportSubmitterTest {

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    private URI serve(final int... statuses) throws IOException {
        final AtomicInteger call = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/reports", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            final int status = statuses[Math.min(call.getAndIncrement(), statuses.length - 1)];
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            final byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldRetryUnavailableWithTheSameReportIdUntilAccepted(@TempDir final Path dir) throws Exception {
        // Given a report file without an id, and a gateway that is unavailable twice
        final Path file = Files.writeString(dir.resolve("r.json"), "{\"language\":\"ar\",\"headline\":\"h\",\"body\":[\"b\"]}");
        final ReportSubmitter submitter = new ReportSubmitter(serve(503, 503, 202), "t", 5, Duration.ofMillis(1));

        // When it is submitted
        final ReportSubmitter.Outcome outcome = submitter.submit(file);

        // Then the third attempt is accepted, and all three carried the same derived report id
        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(bodies).hasSize(3).allSatisfy(body -> assertThat(body).contains("\"reportId\":\"" + outcome.reportId() + "\""));
        assertThat(ReportSubmitter.read(file).get("reportId").asText()).as("derived from the bytes: stable across runs").isEqualTo(outcome.reportId());
    }

    @Test
    void shouldNotRetryAReportTheGatewayRejects(@TempDir final Path dir) throws Exception {
        final Path file = Files.writeString(dir.resolve("r.json"), "{\"reportId\":\"3f2b8c1e-9d4a-4e7b-8f61-2c5d9a0b7e34\"}");

        final ReportSubmitter.Outcome outcome = new ReportSubmitter(serve(400), "t", 5, Duration.ofMillis(1)).submit(file);

        assertThat(outcome.rejected()).isTrue();
        assertThat(bodies).hasSize(1);
    }

    @Test
    void shouldMoveAnsweredReportsOutOfTheQueueAndKeepUnsentOnes(@TempDir final Path queue) throws Exception {
        // Given three queued reports: the gateway accepts the first, rejects the second, is unavailable for the third
        Files.writeString(queue.resolve("1.json"), "{\"reportId\":\"11111111-1111-4111-8111-111111111111\"}");
        Files.writeString(queue.resolve("2.json"), "{\"reportId\":\"22222222-2222-4222-8222-222222222222\"}");
        Files.writeString(queue.resolve("3.json"), "{\"reportId\":\"33333333-3333-4333-8333-333333333333\"}");
        final ReportSubmitter submitter = new ReportSubmitter(serve(202, 400, 503), "t", 2, Duration.ofMillis(1));

        // When the queue is flushed
        submitter.flushQueue(queue);

        // Then each answered report has moved with its answer beside it, and the unsent one waits for next time
        assertThat(queue.resolve("sent/1.json")).exists();
        assertThat(queue.resolve("sent/1.json.response")).content().startsWith("202");
        assertThat(queue.resolve("rejected/2.json")).exists();
        assertThat(queue.resolve("3.json")).exists();
    }
}
