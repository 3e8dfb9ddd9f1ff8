package io.newswire.gateway;

import io.newswire.gateway.auth.CorrespondentAdmin;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.NewswireSerdes;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** A gateway on the shared embedded stack, correspondents to file with, and ways to look at what reached Kafka. */
final class GatewayFixture {

    static final NewswireStack STACK = NewswireStack.shared();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayFixture() {
    }

    /** A started gateway with its settings, metrics and one correspondent's token; closing stops it. */
    record RunningGateway(NewswireConfig config, io.newswire.runtime.metrics.NewswireMetrics metrics, GatewayServer server, String token)
            implements AutoCloseable {

        static RunningGateway start(final Map<String, Object> overrides, final String correspondentPrefix) throws Exception {
            final NewswireConfig config = GatewayFixture.config(overrides);
            final io.newswire.runtime.metrics.NewswireMetrics metrics = new io.newswire.runtime.metrics.NewswireMetrics();
            final GatewayServer server = GatewayServer.start(config, metrics);
            return new RunningGateway(config, metrics, server, correspondent(config, server, uniqueId(correspondentPrefix)));
        }

        @Override
        public void close() {
            server.close();
            metrics.close();
        }
    }

    static NewswireConfig config(final Map<String, Object> overrides) {
        final Map<String, Object> settings = new HashMap<>(STACK.newswireSettings());
        settings.put(NewswireConfig.GATEWAY_PORT_CONFIG, "0");
        settings.put(NewswireConfig.GATEWAY_RATE_LIMIT_PER_MINUTE_CONFIG, "1000000");
        settings.put(NewswireConfig.GATEWAY_MAX_CONCURRENT_REQUESTS_CONFIG, "256");
        settings.putAll(overrides);
        final NewswireConfig config = new NewswireConfig(settings);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.bootstrapServers()))) {
            new TopicAdmin(admin, (short) 1, -1).ensure(Topics.all());
        }
        return config;
    }

    /** Issues a token for a new correspondent and waits until the gateway knows it. */
    static String correspondent(final NewswireConfig config, final GatewayServer gateway, final String id) throws Exception {
        final String token;
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
             CorrespondentAdmin admin = new CorrespondentAdmin(config, serdes)) {
            token = admin.add(id, "Correspondent " + id, "syria").token();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> get(gateway, "/v1/whoami", token).statusCode() == 200);
        return token;
    }

    static String uniqueId(final String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String report(final UUID id, final String headline) {
        return "{\"reportId\":\"" + id + "\",\"language\":\"ar\",\"headline\":\"" + headline + "\",\"dateline\":\"الرقة\","
                + "\"body\":[\"قال مراسلنا إن مئات المدنيين غادروا المدينة فجر اليوم.\",\"وأفادت مصادر محلية بتوقف المعارك.\"],"
                + "\"sources\":[{\"source\":\"مصادر محلية\"}],\"byline\":{\"name\":\"سامر العلي\",\"bio\":\"مراسل ميداني\"}}";
    }

    static HttpResponse<String> post(final GatewayServer gateway, final String path, final String token, final String contentType,
                                     final byte[] body) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(final GatewayServer gateway, final String token, final String json) throws Exception {
        return post(gateway, "/v1/reports", token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(final GatewayServer gateway, final String path, final String token) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The records on newswire.reports.v1 whose report id is in the set, read until at least {@code atLeast} arrived. */
    static List<ConsumerRecord<String, CorrespondentReport>> reportsOnTopic(final NewswireConfig config, final Set<String> ids,
                                                                            final int atLeast) {
        final NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
        return STACK.consumeMatching(Topics.REPORTS.name(), new StringDeserializer(),
                new AvroDeserializer<>(serdes.registry(), CorrespondentReport.class), r -> ids.contains(r.key()), atLeast, Duration.ofSeconds(60));
    }
}
