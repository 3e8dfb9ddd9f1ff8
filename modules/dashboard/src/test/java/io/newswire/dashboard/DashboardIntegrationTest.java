package io.newswire.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.model.Alert;
import io.newswire.model.ApiKeyRole;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.model.topics.Topics;
import io.newswire.publisher.Articles;
import io.newswire.publisher.PublisherRig;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.NewswireSerdes;
import io.newswire.testkit.SseReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard on the real broker and registry (production serde settings: schemas registered, auto-registration
 * off), at the HTTP level: who gets in, the listing with its filters, the live stream and its resumption by
 * Last-Event-ID, alerts, embargoes, and a login that works on a second instance sharing the session secret. The
 * browser's side is {@code DashboardBrowserIntegrationTest} in the launcher. Each test uses its own desk.
 */
class DashboardIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "one-secret-shared-by-every-dashboard-instance";

    private static PublisherRig rig;
    private static NewswireConfig config;
    private static DashboardApp dashboard;
    private static String staff;

    @BeforeAll
    static void start() throws Exception {
        rig = new PublisherRig(Map.of(NewswireConfig.DASHBOARD_PORT_CONFIG, "0", NewswireConfig.DASHBOARD_SESSION_SECRET_CONFIG, SECRET));
        config = rig.config();
        dashboard = DashboardApp.start(config);
        staff = rig.key("editors", ApiKeyRole.STAFF, List.of());
        await().atMost(WAIT).until(() -> get(dashboard, "/api/session", bearer(staff)).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void shouldKeepDataFromAnyoneWithoutAStaffLoginAndLetAStaffLoginWorkOnEveryInstance() throws Exception {
        // Given no credentials, a partner's key, a removed key: no data, each told why
        assertThat(get(dashboard, "/api/articles", Map.of()).statusCode()).isEqualTo(401);
        final String partner = rig.key("partner", ApiKeyRole.PARTNER, List.of("syria"));
        await().atMost(WAIT).until(() -> login(dashboard, partner).statusCode() == 403);
        assertThat(login(dashboard, partner).body()).contains("newsroom staff");
        assertThat(login(dashboard, rig.removedKey()).statusCode()).isEqualTo(401);
        assertThat(get(dashboard, "/api/articles", Map.of("Cookie", "nw_session=v1.forged.tag.99999999999999.sig")).statusCode()).isEqualTo(401);

        // When staff log in, Then the cookie is HttpOnly and SameSite=Strict and opens the API
        final HttpResponse<String> login = login(dashboard, staff);
        assertThat(login.statusCode()).isEqualTo(200);
        final String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").startsWith("nw_session=");
        final Map<String, String> session = Map.of("Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(get(dashboard, "/api/session", session).body()).contains("editors");
        // a login is JSON only, so a cross-site HTML form cannot log a browser in
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "/api/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("apiKey=" + staff)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        // And a second instance with the same secret takes the session; one with its own random secret does not
        try (DashboardApp second = DashboardApp.start(config);
             DashboardApp stranger = DashboardApp.start(config.with(Map.of(NewswireConfig.DASHBOARD_SESSION_SECRET_CONFIG, "")))) {
            await().atMost(WAIT).until(() -> get(second, "/api/session", session).statusCode() == 200);
            await().atMost(WAIT).until(() -> get(stranger, "/api/session", bearer(staff)).statusCode() == 200);
            assertThat(get(stranger, "/api/session", session).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void shouldListADesksArticlesNewestFirstAndFindThemByTextInAnotherSpelling() throws Exception {
        // Given two Arabic articles on a desk of this test, and one under embargo for an hour
        final String desk = PublisherRig.uniqueDesk("list");
        final Instant now = Instant.now();
        final ArticleUpdate older = onDesk(Articles.arabic(UUID.randomUUID(), now.minusSeconds(120)), desk);
        final ArticleUpdate newer = withText(onDesk(Articles.arabic(UUID.randomUUID(), now.minusSeconds(60)), desk), "قصف على بلدة الأتارب");
        final ArticleUpdate embargoed = ArticleUpdate.newBuilder(onDesk(Articles.arabic(UUID.randomUUID(), now), desk))
                .setEmbargoUntil(now.plus(Duration.ofHours(1))).build();
        rig.publish(older, newer, embargoed);

        // Then the listing shows the two released ones, newest first, with facets
        await().atMost(WAIT).until(() -> articles("/api/articles?desk=" + desk).size() == 2);
        final JsonNode listing = JSON.readTree(get(dashboard, "/api/articles?desk=" + desk, bearer(staff)).body());
        assertThat(listing.get("articles").get(0).get("articleId").asText()).isEqualTo(newer.getArticleId().toString());
        assertThat(listing.get("facets").get("places").toString()).contains("\"id\":\"geonames:170063\"").contains("\"count\":2");
        // free text without the hamza finds the article written with it; a filter error is a 400 naming the value
        assertThat(articles("/api/articles?desk=" + desk + "&q=" + enc("الاتارب"))).extracting(a -> a.get("articleId").asText())
                .containsExactly(newer.getArticleId().toString());
        final HttpResponse<String> bad = get(dashboard, "/api/articles?urgency=12", bearer(staff));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("urgency");

        // And an article's page has its versions, and an embargoed one is not found
        final ArticleUpdate corrected = Articles.next(newer, Signal.CORRECTION, now);
        rig.publish(corrected);
        await().atMost(WAIT).until(() -> JSON.readTree(get(dashboard, "/api/articles/" + newer.getArticleId(), bearer(staff)).body())
                .get("versions").size() == 2);
        assertThat(get(dashboard, "/api/articles/" + embargoed.getArticleId(), bearer(staff)).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldStreamNewVersionsAndAlertsLiveAndResumeWithoutLossOrRepeatAfterAReconnect() throws Exception {
        final String desk = PublisherRig.uniqueDesk("live");
        final String url = dashboard.url() + "/api/stream?desk=" + desk;
        final ArticleUpdate first = onDesk(Articles.arabic(UUID.randomUUID(), Instant.now()), desk);
        final String resumeFrom;
        try (SseReader wire = new SseReader(url, null, bearer(staff))) {
            // Given a browser on the desk's stream, ready at a position
            assertThat(wire.take(1, WAIT).get(0).event()).isEqualTo("ready");

            // When a version of the desk, one of another desk and an alert are written
            rig.publish(first, onDesk(Articles.arabic(UUID.randomUUID(), Instant.now()), desk + "-other"));
            alert(first);

            // Then the browser gets its desk's version and the alert, not the other desk's version
            final List<SseReader.Event> events = wire.take(2, WAIT);
            assertThat(events).extracting(SseReader.Event::event).containsExactlyInAnyOrder("article", "alert");
            final SseReader.Event article = events.stream().filter(e -> e.event().equals("article")).findFirst().orElseThrow();
            assertThat(JSON.readTree(article.data()).get("articleId").asText()).isEqualTo(first.getArticleId().toString());
            assertThat(wire.drain(Duration.ofSeconds(2))).noneMatch(e -> e.data().contains(desk + "-other"));
            resumeFrom = events.get(events.size() - 1).id();
        }

        // When two versions are written while the browser is away, and it reconnects with its Last-Event-ID
        final ArticleUpdate second = Articles.next(first, Signal.UPDATE, Instant.now());
        final ArticleUpdate third = Articles.next(second, Signal.CORRECTION, Instant.now());
        rig.publish(second, third);
        try (SseReader wire = new SseReader(url, resumeFrom, bearer(staff))) {
            // Then it gets exactly those two, in order, and not the first again
            final List<SseReader.Event> events = wire.take(3, WAIT);
            assertThat(events.get(0).event()).isEqualTo("ready");
            assertThat(events.subList(1, 3)).extracting(e -> JSON.readTree(e.data()).get("version").asInt()).containsExactly(2, 3);
            assertThat(wire.drain(Duration.ofSeconds(2))).isEmpty();
        }

        // And a stream without a login is refused before anything is sent
        assertThat(get(dashboard, "/api/stream", Map.of("Accept", "text/event-stream")).statusCode()).isEqualTo(401);
    }

    private static void alert(final ArticleUpdate version) throws Exception {
        final Alert alert = Alert.newBuilder().setAlertId("rule-x:" + version.getArticleId() + ":1").setRuleId("rule-x")
                .setArticleId(version.getArticleId()).setVersion(1).setUrgency(3).setHeadline(version.getHeadline())
                .setReason("place Aleppo on the watch-list").setMatched(List.of("geonames:170063")).setRaisedAt(Instant.now())
                .setDesk(version.getDesk()).setCategory("RULE").setEvidence(List.of()).build();
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(PublisherRig.STACK.producerConfig(), NewswireSerdes.keySerde().serializer(),
                rig.serdes().<Alert>valueSerde(Topics.ALERTS).serializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getAlertId(), alert)).get(10, TimeUnit.SECONDS);
        }
    }

    private static ArticleUpdate onDesk(final ArticleUpdate version, final String desk) {
        return ArticleUpdate.newBuilder(version).setDesk(desk).build();
    }

    private static ArticleUpdate withText(final ArticleUpdate version, final String body) {
        return ArticleUpdate.newBuilder(version).setBody(List.of(body))
                .setEnrichment(io.newswire.model.Enrichment.newBuilder(version.getEnrichment()).setMatchingBody("قصف علي بلده الاتارب").build()).build();
    }

    private static List<JsonNode> articles(final String path) throws Exception {
        final JsonNode body = JSON.readTree(get(dashboard, path, bearer(staff)).body());
        return body.has("articles") ? List.copyOf((java.util.Collection<JsonNode>) JSON.convertValue(body.get("articles"), List.class).stream()
                .map(JSON::valueToTree).map(JsonNode.class::cast).toList()) : List.of();
    }

    private static Map<String, String> bearer(final String key) {
        return Map.of("Authorization", "Bearer " + key);
    }

    private static String enc(final String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> login(final DashboardApp app, final String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + "/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"apiKey\":\"" + key + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(final DashboardApp app, final String path, final Map<String, String> headers) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
