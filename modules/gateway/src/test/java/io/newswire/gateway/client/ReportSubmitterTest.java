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

    private final List<Long> sleeps = new CopyOnWriteArrayList<>();

    /** A submitter that records the waits it asks for instead of sleeping. */
    private ReportSubmitter submitter(final URI gateway, final int attempts) {
        return new ReportSubmitter(gateway, "t", attempts, Duration.ofMillis(100), sleeps::add);
    }

    private URI serve(final int... statuses) throws IOException {
        return serve("0", statuses);
    }

    private URI serve(final String retryAfter, final int... statuses) throws IOException {
        final AtomicInteger call = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/reports", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            final int status = statuses[Math.min(call.getAndIncrement(), statuses.length - 1)];
            if (status == 503 || status == 429) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
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
        final ReportSubmitter submitter = submitter(serve(503, 503, 202), 5);

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

        final ReportSubmitter.Outcome outcome = submitter(serve(400), 5).submit(file);

        assertThat(outcome.rejected()).isTrue();
        assertThat(bodies).hasSize(1);
    }

    @Test
    void shouldMoveAnsweredReportsOutOfTheQueueAndKeepUnsentOnes(@TempDir final Path queue) throws Exception {
        // Given three queued reports: the gateway accepts the first, rejects the second, is unavailable for the third
        Files.writeString(queue.resolve("1.json"), "{\"reportId\":\"11111111-1111-4111-8111-111111111111\"}");
        Files.writeString(queue.resolve("2.json"), "{\"reportId\":\"22222222-2222-4222-8222-222222222222\"}");
        Files.writeString(queue.resolve("3.json"), "{\"reportId\":\"33333333-3333-4333-8333-333333333333\"}");
        final ReportSubmitter submitter = submitter(serve(202, 400, 503), 2);

        // When the queue is flushed
        submitter.flushQueue(queue);

        // Then each answered report has moved with its answer beside it, and the unsent one waits for next time
        assertThat(queue.resolve("sent/1.json")).exists();
        assertThat(queue.resolve("sent/1.json.response")).content().startsWith("202");
        assertThat(queue.resolve("rejected/2.json")).exists();
        assertThat(queue.resolve("3.json")).exists();
    }

    @Test
    void shouldWaitAtLeastWhatRetryAfterAsksAndBackOffExponentially(@TempDir final Path dir) throws Exception {
        // Given a gateway that rate-limits twice asking for 7 s, then accepts
        final Path file = Files.writeString(dir.resolve("r.json"), "{\"reportId\":\"3f2b8c1e-9d4a-4e7b-8f61-2c5d9a0b7e34\"}");

        final ReportSubmitter.Outcome outcome = submitter(serve("7", 429, 429, 202), 5).submit(file);

        // Then it waited at least 7 s each time (plus jitter), never less
        assertThat(outcome.accepted()).isTrue();
        assertThat(sleeps).hasSize(2).allSatisfy(wait -> assertThat(wait).isBetween(7_000L, 7_000L + 200L));
    }

    @Test
    void shouldRetryNetworkErrorsAndKeepTheReportUnsentWhenTheGatewayStaysAway(@TempDir final Path dir) throws Exception {
        // Given no gateway at all on the port
        final int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        final Path file = Files.writeString(dir.resolve("r.json"), "{\"reportId\":\"3f2b8c1e-9d4a-4e7b-8f61-2c5d9a0b7e34\"}");

        final ReportSubmitter.Outcome outcome = submitter(URI.create("http://127.0.0.1:" + closedPort), 3).submit(file);

        // Then it tried three times with growing waits, and says the report is unsent, not rejected
        assertThat(outcome.status()).isEqualTo(ReportSubmitter.UNSENT);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.unsent()).isTrue();
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(1)).isGreaterThanOrEqualTo(200L);
        assertThat(outcome.summary()).startsWith("unsent after 3 attempt(s)");
    }

    @Test
    void shouldReportAFileThatIsNotAReportWithoutSendingIt(@TempDir final Path dir) throws Exception {
        final Path notJson = Files.writeString(dir.resolve("notes.json"), "الرقة، صباح اليوم");
        final Path array = Files.writeString(dir.resolve("array.json"), "[1,2]");
        final ReportSubmitter submitter = submitter(serve(202), 3);

        assertThat(submitter.submit(notJson).status()).isEqualTo(ReportSubmitter.UNREADABLE);
        assertThat(submitter.submit(array).summary()).startsWith("not a report").contains("JSON object");
        assertThat(submitter.submit(dir.resolve("missing.json")).rejected()).isTrue();
        assertThat(bodies).isEmpty();
    }

    @Test
    void shouldStopAFlushAtTheFirstReportTheGatewayCannotTakeAndKeepTheRestInOrder(@TempDir final Path queue) throws Exception {
        // Given three queued reports, a file that is not a report, and a gateway that takes one report and then goes away
        Files.writeString(queue.resolve("1.json"), "{\"reportId\":\"11111111-1111-4111-8111-111111111111\"}");
        Files.writeString(queue.resolve("2.json"), "not json");
        Files.writeString(queue.resolve("3.json"), "{\"reportId\":\"33333333-3333-4333-8333-333333333333\"}");
        Files.writeString(queue.resolve("4.json"), "{\"reportId\":\"44444444-4444-4444-8444-444444444444\"}");
        final ReportSubmitter submitter = submitter(serve(202, 503), 2);

        // When the queue is flushed
        final List<ReportSubmitter.Outcome> outcomes = submitter.flushQueue(queue);

        // Then 1 is sent, 2 is set aside as not a report, 3 stays unsent, and 4 was not even tried
        assertThat(outcomes).extracting(o -> o.file().getFileName().toString()).containsExactly("1.json", "2.json", "3.json");
        assertThat(queue.resolve("sent/1.json")).exists();
        assertThat(queue.resolve("rejected/2.json.response")).content().startsWith("0\n");
        assertThat(ReportSubmitter.waiting(queue)).extracting(p -> p.getFileName().toString()).containsExactly("3.json", "4.json");
        assertThat(bodies).hasSize(3).noneMatch(b -> b.contains("44444444"));
    }

    @Test
    void shouldWriteTheReportIdIntoAQueuedCopySoItNoLongerDependsOnTheFile(@TempDir final Path dir) throws Exception {
        // Given a report file without an id
        final Path original = Files.writeString(dir.resolve("draft.json"), "{\"language\":\"ar\",\"headline\":\"عنوان\",\"body\":[\"نص\"]}");
        final String derived = ReportSubmitter.read(original).get("reportId").asText();

        // When it is queued and the original is then edited
        final Path queued = ReportSubmitter.enqueue(dir.resolve("queue"), original);
        Files.writeString(original, "{\"language\":\"ar\",\"headline\":\"عنوان معدل\",\"body\":[\"نص\"]}");

        // Then the queued copy keeps the first id and the text as it was
        assertThat(queued.getFileName().toString()).endsWith("-" + derived + ".json");
        assertThat(ReportSubmitter.read(queued).get("reportId").asText()).isEqualTo(derived);
        assertThat(Files.readString(queued)).contains("\"عنوان\"");
        assertThat(ReportSubmitter.waiting(dir.resolve("queue"))).containsExactly(queued);
    }

    @Test
    void shouldSummariseARefusalByItsBadFields() {
        final ReportSubmitter.Outcome refused = new ReportSubmitter.Outcome(Path.of("r.json"), "id", 400,
                "{\"title\":\"The report is invalid\",\"errors\":[{\"pointer\":\"/headline\",\"detail\":\"headline is required\"}]}", 1);

        assertThat(refused.summary()).isEqualTo("rejected 400 The report is invalid: /headline: headline is required");
    }
}
