package io.newswire.gateway;

import io.newswire.runtime.config.NewswireConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own realistic reports (src/test/resources/fixtures): each valid one is accepted and lands on the topic as
 * written; each invalid one gets a 400 naming the field its name says is wrong.
 */
class FixturesIntegrationTest {

    private static GatewayFixture.RunningGateway running;
    private static NewswireConfig config;
    private static GatewayServer gateway;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        running = GatewayFixture.RunningGateway.start(Map.of(), "fixtures");
        config = running.config();
        gateway = running.server();
        token = running.token();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @TestFactory
    Stream<DynamicTest> shouldAcceptEachValidFixture() throws Exception {
        return files("valid").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            final String json = Files.readString(file);
            final HttpResponse<String> answer = GatewayFixture.post(gateway, token, json);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            final String reportId = json.replaceAll("(?s).*\"reportId\": \"([0-9a-f-]{36})\".*", "$1");
            assertThat(GatewayFixture.reportsOnTopic(config, Set.of(reportId), 1)).hasSize(1);
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldRejectEachInvalidFixtureNamingTheField() throws Exception {
        final Properties expected = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/fixtures/invalid/expected-pointers.properties")) {
            expected.load(in);
        }
        return files("invalid").filter(f -> f.toString().endsWith(".json")).map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            final String pointer = expected.getProperty(file.getFileName().toString());
            assertThat(pointer).as("expected pointer for %s in expected-pointers.properties", file.getFileName()).isNotNull();
            final HttpResponse<String> answer = GatewayFixture.post(gateway, token, Files.readString(file));
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("\"pointer\":\"" + pointer + "\"");
        }));
    }

    private static Stream<Path> files(final String folder) throws IOException, URISyntaxException {
        final Path dir = Path.of(FixturesIntegrationTest.class.getResource("/fixtures/" + folder).toURI());
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList().stream();
        }
    }
}
