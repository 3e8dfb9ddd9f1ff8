package io.newswire.publisher.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.model.ApiKey;
import io.newswire.model.ApiKeyRole;
import io.newswire.model.ArticleUpdate;
import io.newswire.publisher.Articles;
import io.newswire.publisher.apikeys.Access;
import io.newswire.publisher.state.ArticleStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's answers without HTTP or Kafka: a store filled by hand, a fixed clock. */
class NewsroomApiTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArticleStore store = new ArticleStore(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
    private final NewsroomApi api = new NewsroomApi(store, Clock.fixed(NOW, ZoneOffset.UTC), 50);
    private final Access staff = new Access(ApiKey.newBuilder().setKeyId("desk").setDisplayName("Desk").setRole(ApiKeyRole.STAFF)
            .setKeySha256("x").setCreatedAt(NOW).build());

    @Test
    void shouldLinkTheNextPageWithTheSameFiltersWhenMoreArticlesMatch() throws Exception {
        for (int i = 0; i < 3; i++) {
            store.apply(Articles.arabic(UUID.randomUUID(), NOW.minusSeconds(60L * (i + 1))));
        }
        final JsonNode first = JSON.readTree(api.list(staff, Map.of("desk", List.of("syria"), "limit", List.of("2")), "/v1/articles").body());

        assertThat(first.get("count").asInt()).isEqualTo(2);
        assertThat(first.get("next").asText()).startsWith("/v1/articles?").contains("desk=syria", "limit=2", "cursor=");
    }

    @Test
    void shouldRefuseEachBadParameterWithItsOwnProblemWhenAsked() {
        assertThat(code(() -> api.list(staff, Map.of("limit", List.of("51")), "/v1/articles"))).isEqualTo("invalid-limit");
        assertThat(code(() -> api.list(staff, Map.of("limit", List.of("ten")), "/v1/articles"))).isEqualTo("invalid-limit");
        assertThat(code(() -> api.list(staff, Map.of("cursor", List.of("abc")), "/v1/articles"))).isEqualTo("invalid-cursor");
        assertThat(code(() -> api.list(staff, Map.of("sort", List.of("oldest")), "/v1/articles"))).isEqualTo("unknown-parameter");
        assertThat(code(() -> api.latest(staff, "1234", Map.of()))).isEqualTo("invalid-article-id");
        assertThat(code(() -> api.feed(staff, Map.of("pubstatus", List.of("canceled")), "http://x/v1/feeds/articles.atom", "t")))
                .isEqualTo("invalid-filter");
        assertThat(code(() -> api.latest(staff, UUID.randomUUID().toString(), Map.of("desk", List.of("syria"))))).isEqualTo("unknown-parameter");
        final ArticleUpdate article = Articles.arabic(UUID.randomUUID(), NOW.minusSeconds(5));
        store.apply(article);
        assertThat(code(() -> api.version(staff, article.getArticleId().toString(), "0", Map.of()))).isEqualTo("invalid-version");
        assertThat(code(() -> api.version(staff, article.getArticleId().toString(), "two", Map.of()))).isEqualTo("invalid-version");
        assertThat(code(() -> api.version(staff, article.getArticleId().toString(), "2", Map.of()))).isEqualTo("no-such-version");
        assertThat(api.version(staff, article.getArticleId().toString(), "1", Map.of("format", List.of("ninjs2"))).contentType())
                .isEqualTo("application/ninjs+json; version=2.2");
    }

    @Test
    void shouldListEveryProblemCodeInTheOpenApiDocumentWhenServed() throws Exception {
        final JsonNode doc = JSON.readTree(PublisherServer.openApi());
        final Set<String> documented = new HashSet<>();
        doc.get("components").get("schemas").get("Problem").get("properties").get("type").get("enum").forEach(n -> documented.add(n.asText()));

        assertThat(documented).isEqualTo(Arrays.stream(ProblemType.values()).map(ProblemType::uri).collect(Collectors.toSet()));
        assertThat(doc.get("paths").has("/v1/articles/{id}/versions/{n}")).isTrue();
    }

    private static String code(final Runnable call) {
        try {
            call.run();
        } catch (final ApiProblem problem) {
            return problem.type().code();
        }
        throw new AssertionError("no problem raised");
    }
}
