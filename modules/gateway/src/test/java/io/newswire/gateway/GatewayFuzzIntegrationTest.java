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

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of what a client can send: bodies (random text, random bytes, mangled reports),
 * content types, auth headers and sizes. Whatever arrives, the gateway answers within the timeout, never with a
 * 5xx (Kafka is up), and keeps serving.
 */
class GatewayFuzzIntegrationTest {

    private static GatewayFixture.RunningGateway running;
    private static GatewayServer gateway;
    private static String token;

    @BeforeContainer
    static void start() throws Exception {
        running = GatewayFixture.RunningGateway.start(Map.of(NewswireConfig.GATEWAY_MAX_BODY_BYTES_CONFIG, "8192"), "fuzz");
        gateway = running.server();
        token = running.token();
    }

    @AfterContainer
    static void stop() {
        running.close();
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
        final HttpResponse<String> answer = GatewayFixture.HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as("%s -> %s", request, answer.body()).isBetween(200, 499);
    }

    /** One request a client might send (headers limited to what an HTTP client can put on the wire). */
    record FuzzRequest(String path, String contentType, String authorization, byte[] body) {
        @Override
        public String toString() {
            return path + " " + contentType + " auth=" + (authorization == null ? null : authorization.length()) + " " + body.length + " bytes";
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        final Arbitrary<String> paths = Arbitraries.of("/v1/reports", "/v1/reports/batch");
        final Arbitrary<String> contentTypes = Arbitraries.of("application/json", "application/json; charset=utf-8", "application/x-ndjson",
                "text/plain", "application/json; charset=latin1", "application/json;;;", "multipart/form-data; boundary=x").injectNull(0.1);
        final Arbitrary<String> auth = Arbitraries.oneOf(Arbitraries.just("Bearer " + token), Arbitraries.just("Bearer nwt_"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80).map(s -> "Bearer " + s), Arbitraries.just("Basic Zm9vOmJhcg==")).injectNull(0.1);
        final Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(400),
                Arbitraries.bytes().array(byte[].class).ofMinSize(8_000).ofMaxSize(12_000),
                mangledReports());
        return Combinators.combine(paths, contentTypes, auth, bodies).as(FuzzRequest::new);
    }

    private static Arbitrary<byte[]> mangledReports() {
        final Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.integers().map(String::valueOf), Arbitraries.of("null", "true", "[]", "{}", "[\"x\"]", "\"" + UUID.randomUUID() + "\""));
        final Arbitrary<String> fields = Arbitraries.of("reportId", "kind", "refersTo", "language", "headline", "body", "media", "sources",
                "byline", "filedAt", "eventTime", "timeZone", "flaggedUrgent", "client", "correspondentId", "extra");
        return Combinators.combine(fields, values).as((f, v) -> "\"" + f + "\":" + v).list().ofMaxSize(10)
                .map(pairs -> ("{" + String.join(",", pairs) + "}").getBytes(StandardCharsets.UTF_8));
    }
}
