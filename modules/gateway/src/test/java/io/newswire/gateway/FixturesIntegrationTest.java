package io.newswire.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.model.Attribution;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.MediaItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own realistic reports and bad inputs (src/test/resources/fixtures), each sent over HTTP as a correspondent's
 * app would: every valid one is accepted and lands on the topic byte for byte as written (after NFC); every
 * hygiene one is accepted with a warning for each field it cleaned; every invalid one gets a 400 naming the field
 * its file name says is wrong; every malformed one gets the problem type listed for it.
 */
class FixturesIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static GatewayFixture.RunningGateway running;

    @BeforeAll
    static void start() throws Exception {
        running = GatewayFixture.RunningGateway.start(Map.of(), "fixtures");
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static HttpResponse<String> send(final Path file) throws Exception {
        return GatewayFixture.post(running.server(), "/v1/reports", running.token(), "application/json", Files.readAllBytes(file));
    }

    @TestFactory
    Stream<DynamicTest> shouldAcceptEachValidFixtureAndStoreItsTextByteForByte() throws Exception {
        return files("valid").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // Given a report as the app sends it
            final JsonNode sent = JSON.readTree(file.toFile());

            // When it is posted
            final HttpResponse<String> answer = send(file);

            // Then it is accepted, and every text field on the topic is the sent text after NFC, byte for byte
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            final CorrespondentReport stored = GatewayFixture.reportsOnTopic(running.config(), Set.of(sent.get("reportId").asText()), 1).get(0).value();
            assertThat(texts(stored)).isEqualTo(expectedTexts(sent));
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldAcceptEachHygieneFixtureWarningAboutWhatItCleaned() throws Exception {
        final Properties expected = properties("hygiene/expected-warnings.properties");
        return files("hygiene").filter(f -> f.toString().endsWith(".json")).map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            final String pointers = expected.getProperty(file.getFileName().toString());
            assertThat(pointers).as("expected warnings for %s", file.getFileName()).isNotNull();

            final HttpResponse<String> answer = send(file);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            final List<String> warnings = new ArrayList<>();
            JSON.readTree(answer.body()).path("warnings").forEach(w -> warnings.add(w.asText().substring(0, w.asText().indexOf(':'))));
            assertThat(warnings).containsExactlyInAnyOrder(pointers.split(","));
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldRejectEachInvalidFixtureNamingTheField() throws Exception {
        final Properties expected = properties("invalid/expected-pointers.properties");
        return files("invalid").filter(f -> f.toString().endsWith(".json")).map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            final String pointer = expected.getProperty(file.getFileName().toString());
            assertThat(pointer).as("expected pointer for %s in expected-pointers.properties", file.getFileName()).isNotNull();

            final HttpResponse<String> answer = send(file);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(answer.body()).contains("urn:newswire:problem:invalid-report").contains("\"pointer\":\"" + pointer + "\"");
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerEachMalformedFixtureWithItsProblemType() throws Exception {
        final Properties expected = properties("malformed/expected-problems.properties");
        return files("malformed").filter(f -> f.toString().endsWith(".json")).map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            final String code = expected.getProperty(file.getFileName().toString());
            assertThat(code).as("expected problem for %s", file.getFileName()).isNotNull();

            final HttpResponse<String> answer = send(file);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("urn:newswire:problem:" + code);
        }));
    }

    /** Every text of a stored report, in a fixed order. */
    private static List<String> texts(final CorrespondentReport report) {
        final List<String> texts = new ArrayList<>(List.of(report.getHeadline(), String.valueOf(report.getSubheadline()), String.valueOf(report.getDateline())));
        texts.addAll(report.getBody());
        for (final MediaItem media : report.getMedia()) {
            texts.add(String.valueOf(media.getCaption()));
            texts.add(String.valueOf(media.getCredit()));
        }
        for (final Attribution source : report.getSources()) {
            texts.add(source.getSource());
            texts.add(String.valueOf(source.getClaim()));
        }
        if (report.getByline() != null) {
            texts.add(report.getByline().getName());
            texts.add(String.valueOf(report.getByline().getBio()));
        }
        return texts.stream().map(t -> new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).toList();
    }

    /** The same texts from the JSON as sent, after NFC; a body string is split into paragraphs as the gateway documents. */
    private static List<String> expectedTexts(final JsonNode sent) {
        final List<String> texts = new ArrayList<>(List.of(nfc(sent.get("headline")), nfc(sent.get("subheadline")), nfc(sent.get("dateline"))));
        if (sent.get("body").isArray()) {
            sent.get("body").forEach(p -> texts.add(nfc(p)));
        } else {
            for (final String paragraph : nfc(sent.get("body")).split("\\n\\s*\\n")) {
                texts.add(paragraph.strip());
            }
        }
        sent.path("media").forEach(m -> {
            texts.add(nfc(m.get("caption")));
            texts.add(nfc(m.get("credit")));
        });
        sent.path("sources").forEach(s -> {
            texts.add(nfc(s.isTextual() ? s : s.get("source")));
            texts.add(s.isTextual() ? "null" : nfc(s.get("claim")));
        });
        if (sent.has("byline")) {
            texts.add(nfc(sent.get("byline").get("name")));
            texts.add(nfc(sent.get("byline").get("bio")));
        }
        return texts;
    }

    private static String nfc(final JsonNode text) {
        return text == null || text.isNull() ? "null" : Normalizer.normalize(text.asText(), Normalizer.Form.NFC);
    }

    private static Properties properties(final String resource) throws IOException {
        final Properties properties = new Properties();
        try (InputStream in = FixturesIntegrationTest.class.getResourceAsStream("/fixtures/" + resource)) {
            properties.load(in);
        }
        return properties;
    }

    private static Stream<Path> files(final String folder) throws IOException, URISyntaxException {
        final Path dir = Path.of(FixturesIntegrationTest.class.getResource("/fixtures/" + folder).toURI());
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList().stream();
        }
    }
}
