package io.newswire.launcher;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `newswire submit`'s options against a stand-in gateway (the JDK's HTTP server answering as ours does): what each
 * option changes in the requests sent. The real gateway's answers are the gateway module's and EndToEnd's tests.
 */
class SubmitCommandTest {

    private static final String REPORT = "{\"reportId\":\"5d0c2a8e-7f3b-4c61-9a2e-1b8f0d4c6e21\",\"kind\":\"NEW\",\"language\":\"ar\","
            + "\"headline\":\"عنوان\",\"body\":[\"نص\"]}";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(202);

    @BeforeEach
    void startStandInGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            final byte[] answer = ("{\"status\":" + status.get() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status.get() == 503) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStandInGateway() {
        server.stop(0);
    }

    private String gateway() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    @Covers({"submit --gateway", "submit FILE", "submit --token-file"})
    void shouldPostEachFileWithTheTokenToTheGivenGateway() throws IOException {
        final Path report = Files.writeString(dir.resolve("r.json"), REPORT);
        final Path token = Files.writeString(dir.resolve("reem.token"), "tok-123\n");

        final CommandRun run = CommandRun.of("submit", "--gateway", gateway(), "--token-file", token.toString(), report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).contains("5d0c2a8e-7f3b-4c61-9a2e-1b8f0d4c6e21");
        assertThat(authorizations).containsExactly("Bearer tok-123");
    }

    @Test
    @Covers("submit --data-dir")
    void shouldUseTheDevStacksGatewayOfTheDataDirWhenNoGatewayIsGiven() throws IOException {
        Endpoints.core(gateway(), null, "127.0.0.1:1", "http://127.0.0.1:2", 1).write(dir.resolve("dev"));
        final Path report = Files.writeString(dir.resolve("r.json"), REPORT);
        final Path token = Files.writeString(dir.resolve("t"), "tok");

        final CommandRun run = CommandRun.of("submit", "--data-dir", dir.resolve("dev").toString(), "--token-file", token.toString(), report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bodies).hasSize(1);
    }

    @Test
    @Covers("submit --queue")
    void shouldSendEveryQueuedReportAndMoveItToSentWhenGivenAQueue() throws IOException {
        final Path queue = Files.createDirectories(dir.resolve("queue"));
        Files.writeString(queue.resolve("a.json"), REPORT);
        final Path token = Files.writeString(dir.resolve("t"), "tok");

        final CommandRun run = CommandRun.of("submit", "--gateway", gateway(), "--token-file", token.toString(), "--queue", queue.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bodies).hasSize(1);
        assertThat(queue.resolve("a.json")).doesNotExist();
        assertThat(queue.resolve("sent").resolve("a.json")).exists();
    }

    @Test
    @Covers("submit --attempts")
    void shouldTryAsOftenAsAttemptsSaysWhenTheGatewayKeepsAnswering503() throws IOException {
        status.set(503);
        final Path report = Files.writeString(dir.resolve("r.json"), REPORT);
        final Path token = Files.writeString(dir.resolve("t"), "tok");

        final CommandRun run = CommandRun.of("submit", "--gateway", gateway(), "--token-file", token.toString(), "--attempts", "2", report.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(bodies).hasSize(2);
    }

    @Test
    void shouldTakeTheTokenFromTheEnvironmentWhenNoTokenFileIsGiven() throws IOException {
        final Path report = Files.writeString(dir.resolve("r.json"), REPORT);
        final SubmitCommand submit = new SubmitCommand();
        submit.environment = Map.of("NEWSWIRE_TOKEN", "from-env");

        final CommandRun run = CommandRun.of(() -> new CommandLine(submit), "--gateway", gateway(), report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(authorizations).containsExactly("Bearer from-env");
    }
}
