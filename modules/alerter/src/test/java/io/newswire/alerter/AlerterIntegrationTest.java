package io.newswire.alerter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.runtime.metrics.AlerterMetrics;
import io.newswire.testkit.SseReader;
import io.newswire.model.Alert;
import io.newswire.model.AlertEvidence;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import io.newswire.alerter.stream.AlertListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerter on a real broker and registry (auto-registration off), driven as a desk would drive it: rules added and
 * removed over HTTP while it runs, article versions as processing writes them, alerts on the topic and on the SSE
 * stream, which resumes from Last-Event-ID.
 */
class AlerterIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static AlerterRig rig;
    private static AlerterApp alerter;
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static String base;

    @BeforeAll
    static void startAlerter() throws Exception {
        rig = new AlerterRig();
        alerter = AlerterApp.start(rig.config(), AlertListener.NONE, false, METERS);
        assertThat(alerter.awaitRunning(WAIT)).isTrue();
        base = "http://127.0.0.1:" + alerter.httpPort();
    }

    @AfterAll
    static void stop() {
        if (alerter != null) {
            alerter.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void shouldAnswerHealthAndReadyOnceItsStreamRuns() throws Exception {
        final HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        final HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        // running, awaited in startAlerter; a rebalance could make it 503 for a moment, not in this one-instance test
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"streams\":true").contains("READY");
    }

    private static HttpResponse<String> post(final String path, final String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** newswire_alerts_fired_total{kind, desk}. */
    private static double fired(final String kind, final String desk) {
        final Counter counter = METERS.find(AlerterMetrics.ALERTS_FIRED).tag("kind", kind).tag("desk", desk).counter();
        return counter == null ? 0 : counter.count();
    }

    private static HttpResponse<String> delete(final String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ArticleUpdate aleppoStory(final RealArticles story) {
        return story.arabic("نزوح عشرات العائلات من قرى ريف حلب الجنوبي بعد قصف مدفعي ليلي", "ريف حلب الجنوبي",
                "نزحت عشرات العائلات فجر اليوم من قرى تل الضمان والحاضر في ريف حلب الجنوبي، بعد قصف مدفعي.",
                "وقالت مصادر محلية إن مقاتلين من قسد انتشروا قرب بلدة الأتارب.");
    }

    @Test
    void shouldAlertOncePerRuleAndStoryThenOnTheCorrectionOnTopicAndStreamAndResume() throws Exception {
        // Given a place rule and a party rule added over HTTP while the alerter runs, and a dashboard on the stream
        assertThat(post("/v1/alerts/rules", "{\"ruleId\":\"syria-aleppo\",\"desk\":\"syria\",\"placeIds\":[\"geonames:170063\"]}").statusCode()).isEqualTo(201);
        assertThat(post("/v1/alerts/rules", "{\"ruleId\":\"syria-sdf\",\"desk\":\"syria\",\"partyIds\":[\"newswire:sdf\"]}").statusCode()).isEqualTo(201);
        final RealArticles story = RealArticles.story();
        final String article = story.articleId().toString();
        final double firstBefore = fired("first", "syria");
        final double correctionsBefore = fired("correction", "syria");
        final List<SseReader.Event> first;
        try (SseReader dashboard = new SseReader(base + "/v1/alerts/stream", null)) {

            // When a story there is published, then a reworded copy from another correspondent (corroboration)
            rig.publish(aleppoStory(story));
            rig.publish(story.next(Signal.UPDATE, "samir", SourceRole.CORROBORATION, "syria", "ar",
                    "نزوح عشرات العائلات من قرى ريف حلب الجنوبي بعد قصف مدفعي ليلي", "ريف حلب الجنوبي",
                    "نزحت عشرات العائلات فجر اليوم من قرى تل الضمان والحاضر في ريف حلب الجنوبي، بعد قصف مدفعي."));

            // Then each rule alerts once, with what it fired on, on the topic and on the stream
            final List<Alert> alerts = rig.alerts(a -> a.getArticleId().toString().equals(article), 2, WAIT);
            assertThat(alerts).extracting(Alert::getRuleId).containsExactlyInAnyOrder("syria-aleppo", "syria-sdf");
            final Alert place = alerts.stream().filter(a -> a.getRuleId().equals("syria-aleppo")).findFirst().orElseThrow();
            assertThat(place.getDesk()).isEqualTo("syria");
            assertThat(place.getEscalation()).isEqualTo("FIRST");
            assertThat(place.getVersion()).isEqualTo(1);
            assertThat(place.getEvidence()).anySatisfy(e -> {
                assertThat(e.getKind()).isEqualTo("place");
                assertThat(e.getValue()).isEqualTo("geonames:170063");
                assertThat(e.getStart()).isNotNull();
            });
            first = dashboard.take(2, WAIT);
            assertThat(first).allSatisfy(e -> {
                assertThat(e.event()).isEqualTo("alert");
                assertThat(e.data()).contains(article);
            });

            // When the story is corrected
            rig.publish(story.next(Signal.CORRECTION, "reem", SourceRole.CORRECTION, "syria", "ar",
                    "نزوح عشرات العائلات من قرى ريف حلب الجنوبي", "ريف حلب الجنوبي",
                    "نزحت عشرات العائلات فجر اليوم من قرى تل الضمان في ريف حلب الجنوبي."));

            // Then both rules alert again, as a correction, and the corroboration (version 2) alerted nothing
            final List<Alert> after = rig.alerts(a -> a.getArticleId().toString().equals(article), 4, WAIT);
            assertThat(after).hasSize(4);
            assertThat(after).filteredOn(a -> a.getVersion() == 3).extracting(Alert::getEscalation).containsExactly("CORRECTION", "CORRECTION");
            assertThat(after).noneMatch(a -> a.getVersion() == 2);
            assertThat(dashboard.take(2, WAIT)).allSatisfy(e -> assertThat(e.data()).contains("CORRECTION"));
            // and newswire_alerts_fired_total counted each alert by kind and desk
            assertThat(fired("first", "syria") - firstBefore).isEqualTo(2.0);
            assertThat(fired("correction", "syria") - correctionsBefore).isEqualTo(2.0);
        }

        // When the dashboard reconnects with the id of the first event it saw
        try (SseReader resumed = new SseReader(base + "/v1/alerts/stream", first.get(0).id())) {
            // Then it gets exactly the three alerts after that one, none before
            final List<SseReader.Event> rest = resumed.take(3, WAIT);
            assertThat(rest).extracting(SseReader.Event::data).noneMatch(d -> d.equals(first.get(0).data()));
            assertThat(rest.stream().filter(e -> e.data().contains("CORRECTION")).count()).isEqualTo(2);
            assertThat(resumed.drain(Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void shouldStopFiringARemovedRuleAndFireOneAddedAtRuntimeOnTheNextArticle() throws Exception {
        // Given a rule watching a term, in force
        assertThat(post("/v1/alerts/rules", "{\"ruleId\":\"syria-school\",\"desk\":\"syria\",\"terms\":[\"مدرسة\"]}").statusCode()).isEqualTo(201);
        final RealArticles before = RealArticles.story();
        rig.publish(before.arabic("قصف يطال مدرسة في إدلب", "إدلب", "سقطت قذيفة على المدرسه الابتدائية في مدينة إدلب."));
        assertThat(rig.alerts(a -> a.getArticleId().equals(before.articleId()), 1, WAIT)).extracting(Alert::getRuleId).containsExactly("syria-school");

        // When it is removed, and another rule on the same words is added, over HTTP
        assertThat(delete("/v1/alerts/rules/syria-school").statusCode()).isEqualTo(204);
        assertThat(delete("/v1/alerts/rules/syria-school").statusCode()).isEqualTo(404);
        assertThat(post("/v1/alerts/rules", "{\"ruleId\":\"idlib-schools\",\"desk\":\"idlib\",\"terms\":[\"المدارس\",\"مدرسة\"]}").statusCode())
                .isEqualTo(201);
        final RealArticles next = RealArticles.story();
        rig.publish(next.arabic("قصف جديد يطال مدرسة في إدلب", "إدلب", "سقطت قذيفة ثانية على مدرسة في ريف إدلب."));

        // Then the next article alerts the new rule and not the removed one
        final List<Alert> alerts = rig.alerts(a -> a.getArticleId().equals(next.articleId()), 1, WAIT);
        assertThat(rig.alerts(a -> a.getArticleId().equals(next.articleId()), 0, Duration.ofSeconds(2))).hasSize(1);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.getRuleId()).isEqualTo("idlib-schools");
            assertThat(a.getDesk()).isEqualTo("idlib");
            assertThat(a.getEvidence()).extracting(AlertEvidence::getText).contains("مدرسة");
        });
    }

    @Test
    void shouldMatchAWatchListTermWrittenWithHamzaTehMarbutaTatweelAndClitics() throws Exception {
        // Given a rule watching "إدلب" (hamza under alef), "مدرسة" (teh marbuta) and "حماة", typed as an editor would
        assertThat(post("/v1/alerts/rules", "{\"ruleId\":\"spelling\",\"desk\":\"north\",\"terms\":[\"إدلب\",\"مدرسة\",\"حماة\"]}")
                .statusCode()).isEqualTo(201);

        // When a story writes them "وادلب" (و + bare alef), "وبالمدرسه" (و + بال + heh) and "حـــماة" (tatweel)
        final RealArticles story = RealArticles.story();
        rig.publish(story.arabic("قصف يطال منطقة سكنية", null, "سقطت قذيفة وبالمدرسه الابتدائية صباح اليوم، وامتد القصف الى وادلب وريفها.",
                "ونزح سكان من حـــماة أيضا."));

        // Then the rule fires once, with each term's evidence pointing at the words as written
        final List<Alert> alerts = rig.alerts(a -> a.getArticleId().equals(story.articleId()), 1, WAIT);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.getRuleId()).isEqualTo("spelling");
            assertThat(a.getMatched()).containsExactlyInAnyOrder("إدلب", "مدرسة", "حماة");
            assertThat(a.getEvidence()).filteredOn(e -> e.getKind().equals("term")).extracting(AlertEvidence::getText)
                    .containsExactlyInAnyOrder("وادلب", "وبالمدرسه", "حـــماة");
        });
        assertThat(delete("/v1/alerts/rules/spelling").statusCode()).isEqualTo(204);
    }

    @Test
    void shouldAnswerABadRuleWithEveryProblemAsProblemJson() throws Exception {
        final HttpResponse<String> response = post("/v1/alerts/rules",
                "{\"ruleId\":\"bad\",\"desk\":\"syria\",\"places\":[\"geonames:170063\"],\"areas\":[\"36.2,37.1,-3\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"pointer\":\"/places\"").contains("unknown field 'places'")
                .contains("\"pointer\":\"/areas/0\"").contains("radiusKm -3.0 must be above 0");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/alerts/rules/bad")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseTheStreamWith406WhenTheClientDoesNotAcceptEventStreams() throws Exception {
        // curl without -H 'Accept: text/event-stream' got an empty 200 from Javalin, which reads as "no alerts"
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/alerts/stream")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Accept: text/event-stream");
    }
}
