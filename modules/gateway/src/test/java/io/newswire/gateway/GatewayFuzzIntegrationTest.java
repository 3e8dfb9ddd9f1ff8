package io.newswire.gateway;

import io.newswire.runtime.config.NewswireConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of what a client can send: bodies (random text and bytes, mangled reports, lone surrogate
 * escapes, repeated keys, deep nesting), content types, auth and request-id headers, sizes, and on a raw socket
 * what an HTTP library would not send (a Content-Length that lies, odd chunking, a body cut short). Whatever
 * arrives, the gateway answers within the timeout, never with a 5xx (Kafka is up), and keeps serving.
 */
class GatewayFuzzIntegrationTest {

    private static final int MAX_BODY = 8192;
    private static GatewayFixture.RunningGateway running;
    private static GatewayServer gateway;
    private static String token;

    @BeforeContainer
    static void start() throws Exception {
        running = GatewayFixture.RunningGateway.start(Map.of(NewswireConfig.GATEWAY_MAX_BODY_BYTES_CONFIG, Integer.toString(MAX_BODY)), "fuzz");
        gateway = running.server();
        token = running.token();
    }

    @AfterContainer
    static void stop() {
        // the gateway kept serving through all of it
        try {
            assertThat(GatewayFixture.post(gateway, token, GatewayFixture.report(UUID.randomUUID(), "بعد التشويش")).statusCode()).isEqualTo(202);
        } catch (final Exception e) {
            throw new AssertionError(e);
        } finally {
            running.close();
        }
    }

    @Property(tries = 200)
    void shouldNeverAnswer5xxNorHangWhateverTheRequest(@ForAll("requests") final FuzzRequest request) throws Exception {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway.url() + request.path()))
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.authorization() != null) {
            builder.header("Authorization", request.authorization());
        }
        if (request.requestId() != null) {
            builder.header(GatewayServer.REQUEST_ID_HEADER, request.requestId());
        }
        final HttpResponse<String> answer = GatewayFixture.HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as("%s -> %s", request, answer.body()).isBetween(200, 499);
        assertThat(answer.headers().firstValue(GatewayServer.REQUEST_ID_HEADER)).isPresent();
        if (answer.statusCode() >= 400) {
            assertThat(answer.headers().firstValue("Content-Type")).as(answer.body()).contains("application/problem+json");
        }
    }

    @Property(tries = 60)
    void shouldNeverAnswer5xxNorHangOnRawRequests(@ForAll("rawRequests") final RawRequest request) throws Exception {
        // Given a request written byte by byte, then the client's side of the connection closed
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(15_000);
            final OutputStream out = socket.getOutputStream();
            out.write(request.bytes(token));
            out.flush();
            socket.shutdownOutput();

            // Then a complete answer comes back, and it is not a 5xx
            final String statusLine = readStatusLine(socket.getInputStream());
            assertThat(statusLine).as("%s", request).startsWith("HTTP/1.1 ");
            assertThat(Integer.parseInt(statusLine.substring(9, 12))).as("%s -> %s", request, statusLine).isBetween(200, 499);
        }
    }

    private static String readStatusLine(final InputStream in) throws Exception {
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }

    /** One request a client might send (headers limited to what an HTTP client can put on the wire). */
    record FuzzRequest(String path, String contentType, String authorization, String requestId, byte[] body) {
        @Override
        public String toString() {
            return path + " " + contentType + " auth=" + (authorization == null ? null : authorization.length()) + " id=" + requestId
                    + " " + body.length + " bytes";
        }
    }

    /** A request as bytes on a socket: how the body is framed is part of what is fuzzed. */
    record RawRequest(String framing, int declaredDelta, byte[] body, int chunkSize) {
        byte[] bytes(final String token) {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final String head = "POST /v1/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            switch (framing) {
                case "length" -> {
                    // a Content-Length that may be less or more than what follows (then the body is cut short)
                    out.writeBytes(("Content-Length: " + Math.max(0, body.length + declaredDelta) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.writeBytes(body);
                }
                case "chunked" -> {
                    out.writeBytes("Transfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    for (int at = 0; at < body.length; at += chunkSize) {
                        final int size = Math.min(chunkSize, body.length - at);
                        out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body, at, size);
                        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    if (declaredDelta >= 0) {
                        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)); // otherwise the chunked body never ends
                    }
                }
                default -> {
                    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1)); // no length, no chunking: no body as far as HTTP goes
                    out.writeBytes(body);
                }
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return framing + " delta=" + declaredDelta + " chunk=" + chunkSize + " " + body.length + " bytes";
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        final Arbitrary<String> paths = Arbitraries.of("/v1/reports", "/v1/reports/batch");
        final Arbitrary<String> contentTypes = Arbitraries.of("application/json", "application/json; charset=utf-8", "application/x-ndjson",
                "text/plain", "application/json; charset=latin1", "application/json;;;", "multipart/form-data; boundary=x",
                "APPLICATION/JSON; CHARSET=\"UTF-8\"").injectNull(0.1);
        final Arbitrary<String> auth = Arbitraries.oneOf(Arbitraries.just("Bearer " + token), Arbitraries.just("Bearer " + token), Arbitraries.just("Bearer nwt_"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80).map(s -> "Bearer " + s), Arbitraries.just("Basic Zm9vOmJhcg==")).injectNull(0.1);
        final Arbitrary<String> requestIds = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(100).injectNull(0.5);
        final Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(400),
                Arbitraries.bytes().array(byte[].class).ofMinSize(MAX_BODY - 200).ofMaxSize(MAX_BODY + 4_000),
                mangledReports(),
                mangledReports().map(b -> ("[" + new String(b, StandardCharsets.UTF_8) + "," + new String(b, StandardCharsets.UTF_8) + "]")
                        .getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(1, 5_000).map(depth -> ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8)));
        return Combinators.combine(paths, contentTypes, auth, requestIds, bodies).as(FuzzRequest::new);
    }

    @Provide
    Arbitrary<RawRequest> rawRequests() {
        final Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                Arbitraries.just(GatewayFixture.report(UUID.randomUUID(), "تقرير خام").getBytes(StandardCharsets.UTF_8)),
                mangledReports(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(MAX_BODY + 1_000));
        return Combinators.combine(Arbitraries.of("length", "chunked", "none"), Arbitraries.integers().between(-50, 50), bodies,
                Arbitraries.integers().between(1, 3_000)).as(RawRequest::new);
    }

    private static Arbitrary<byte[]> mangledReports() {
        final Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("null", "true", "[]", "{}", "[\"x\"]", "\"" + UUID.randomUUID() + "\"", "\"\\uD800\"", "\"a\\uDC00b\"",
                        "\"\\u202Eevil\"", "\"\\u0000\"", "1e999999", "\"NEW\"", "\"CORRECTION\"", "\"ar\"", "\"2099-01-01T00:00:00Z\"",
                        "[\"فقرة\", 1, null]", "{\"name\":\"x\",\"name\":\"y\"}"));
        final Arbitrary<String> fields = Arbitraries.of("reportId", "kind", "refersTo", "language", "headline", "body", "media", "sources",
                "byline", "filedAt", "eventTime", "timeZone", "flaggedUrgent", "client", "correspondentId", "desk", "extra", "headline");
        return Combinators.combine(fields, values).as((f, v) -> "\"" + f + "\":" + v).list().ofMaxSize(12)
                .map(pairs -> ("{" + String.join(",", pairs) + "}").getBytes(StandardCharsets.UTF_8));
    }
}
