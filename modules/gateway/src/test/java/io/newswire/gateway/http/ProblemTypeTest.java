package io.newswire.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem types the code answers with and the ones /openapi.json documents are the same, with the same status and title. */
class ProblemTypeTest {

    private static JsonNode openApi() throws Exception {
        try (InputStream in = ProblemTypeTest.class.getResourceAsStream("/openapi.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void shouldDocumentEveryProblemTypeWithItsStatusAndTitle() throws Exception {
        // Given the OpenAPI document served at /openapi.json
        final JsonNode components = openApi().path("components");

        // When its problem types are read
        final Set<String> enumerated = new HashSet<>();
        components.path("schemas").path("Problem").path("properties").path("type").path("enum").forEach(t -> enumerated.add(t.asText()));
        final Map<String, JsonNode> documented = new HashMap<>();
        components.path("x-problem-types").forEach(t -> documented.put(t.path("type").asText(), t));

        // Then they are exactly the code's, each with the code's status and title
        final List<String> inCode = Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList();
        assertThat(enumerated).containsExactlyInAnyOrderElementsOf(inCode);
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(inCode);
        for (final ProblemType type : ProblemType.values()) {
            assertThat(documented.get(type.uri()).path("status").asInt()).as(type.code()).isEqualTo(type.status());
            assertThat(documented.get(type.uri()).path("title").asText()).as(type.code()).isEqualTo(type.title());
        }
    }

    @Test
    void shouldDescribeEveryEndpointTheGatewayServes() throws Exception {
        final JsonNode paths = openApi().path("paths");

        assertThat(openApi().path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(paths.path("/v1/reports").has("post")).isTrue();
        assertThat(paths.path("/v1/reports/batch").has("post")).isTrue();
        assertThat(paths.path("/v1/reports/{id}").has("get")).isTrue();
        assertThat(paths.path("/v1/whoami").has("get")).isTrue();
        assertThat(paths.path("/health").has("get")).isTrue();
        assertThat(paths.path("/ready").has("get")).isTrue();
        assertThat(paths.path("/openapi.json").has("get")).isTrue();
    }

    @Test
    void shouldHaveUniqueCodesAnd5xxOnlyForOutagesAndFaults() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::code).distinct().count()).isEqualTo(ProblemType.values().length);
        // bad input is always 4xx: only these may be 5xx
        assertThat(Arrays.stream(ProblemType.values()).filter(t -> t.status() >= 500))
                .containsExactlyInAnyOrder(ProblemType.INTERNAL, ProblemType.UNAVAILABLE, ProblemType.OVERLOADED, ProblemType.STARTING);
    }

    @Test
    void shouldWriteAnRfc9457DocumentWithEveryBadFieldAndTheRequestId() {
        final Problem problem = Problem.invalid(List.of(new io.newswire.gateway.intake.FieldError("/headline", "headline is required"),
                new io.newswire.gateway.intake.FieldError("/body/2", "must be a string")));

        final Map<String, Object> body = problem.body("abc-123");

        assertThat(body).containsEntry("type", "urn:newswire:problem:invalid-report").containsEntry("status", 400)
                .containsEntry("instance", "urn:newswire:request:abc-123").containsKeys("title", "detail", "errors");
        assertThat(body.get("errors").toString()).contains("pointer=/headline").contains("pointer=/body/2");
    }
}
