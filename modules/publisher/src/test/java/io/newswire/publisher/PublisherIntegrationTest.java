package io.newswire.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.newswire.model.ApiKeyRole;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.publisher.ninjs.NinjsSchemas;
import io.newswire.publisher.ninjs.NinjsVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.newswire.publisher.PublisherRig.get;
import static io.newswire.publisher.PublisherRig.uniqueDesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher on the real broker and registry: article versions written to newswire.articles.updates.v1 come out of
 * the API as ninjs (valid against IPTC's schemas) with filters and pagination, embargoes hold until the clock says so
 * (also in a freshly started instance), withdrawals cancel and leave the feed, and keys are checked. Each test uses
 * its own desk, so the tests share one publisher without seeing each other's articles.
 */
class PublisherIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PublisherRig rig;
    private static PublisherApp publisher;
    private static String staffKey;
    private static final List<ArticleUpdate> RELEASED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        rig = new PublisherRig();
        publisher = rig.startPublisher();
        publisher.onRelease(RELEASED::add);
        staffKey = rig.key("staff", ApiKeyRole.STAFF, List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> get(publisher, "/v1/articles?limit=1", staffKey).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        if (publisher != null) {
            publisher.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    private static ArticleUpdate onDesk(final ArticleUpdate version, final String desk, final Instant created, final Integer urgency) {
        return ArticleUpdate.newBuilder(version).setDesk(desk).setFirstCreated(created).setVersionCreated(created).setUrgency(urgency).build();
    }

    private static JsonNode json(final HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void shouldAnswerWithFilteredNewestFirstPagesOfNinjsWhenUpdatesArrive() throws Exception {
        // Given seven Arabic articles on a desk of this test, a minute apart, urgency alternating 2 and 6
        final String desk = uniqueDesk("pages");
        final Instant base = rig.clock.now().minus(Duration.ofHours(1));
        final List<UUID> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            final ArticleUpdate version = onDesk(Articles.arabic(UUID.randomUUID(), base), desk, base.plusSeconds(60L * i), i % 2 == 0 ? 2 : 6);
            newestFirst.add(0, version.getArticleId());
            rig.publish(version);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> json(get(publisher, "/v1/articles?desk=" + desk + "&limit=100", staffKey)).get("count").asInt() == 7);

        // When the desk is read three at a time, following the next links
        final List<UUID> seen = new ArrayList<>();
        String next = "/v1/articles?desk=" + desk + "&limit=3";
        int pages = 0;
        while (next != null) {
            final HttpResponse<String> response = get(publisher, next, staffKey);
            assertThat(response.statusCode()).isEqualTo(200);
            final JsonNode page = json(response);
            for (final JsonNode article : page.get("articles")) {
                assertThat(NinjsSchemas.violations(JSON.writeValueAsBytes(article), NinjsVersion.V3_1)).isEmpty();
                seen.add(UUID.fromString(article.get("uri").asText().substring("urn:newswire:article:".length())));
            }
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        }

        // Then every article once, newest first, in three pages
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(pages).isEqualTo(3);

        // And filters on enrichment and urgency select on the broker-fed state
        assertThat(json(get(publisher, "/v1/articles?desk=" + desk + "&urgency=3", staffKey)).get("count").asInt()).isEqualTo(4);
        assertThat(json(get(publisher, "/v1/articles?desk=" + desk + "&place=geonames:170063&subject=16000000&party=Q1065", staffKey))
                .get("count").asInt()).isEqualTo(7);
        assertThat(json(get(publisher, "/v1/articles?desk=" + desk + "&language=en", staffKey)).get("count").asInt()).isZero();

        // And one article by id, and a version, in both ninjs versions
        final UUID newest = newestFirst.get(0);
        final HttpResponse<String> latest = get(publisher, "/v1/articles/" + newest, staffKey);
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/ninjs+json"));
        assertThat(NinjsSchemas.violations(latest.body().getBytes(StandardCharsets.UTF_8), NinjsVersion.V3_1)).isEmpty();
        final HttpResponse<String> v2 = get(publisher, "/v1/articles/" + newest + "/versions/1?format=ninjs2", staffKey);
        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(NinjsSchemas.violations(v2.body().getBytes(StandardCharsets.UTF_8), NinjsVersion.V2_2)).isEmpty();
        assertThat(json(v2).get("pubstatus").asText()).isEqualTo("usable");
    }

    @Test
    void shouldAnswerEveryBadRequestWithAPreciseProblemWhenAsked() throws Exception {
        final HttpResponse<String> badFilter = get(publisher, "/v1/articles?urgency=0&since=yesterday", staffKey);
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(badFilter).get("type").asText()).isEqualTo("urn:newswire:problem:publisher:invalid-filter");
        assertThat(json(badFilter).get("errors")).extracting(e -> e.get("parameter").asText()).containsExactlyInAnyOrder("urgency", "since");

        assertThat(problem(get(publisher, "/v1/articles?cursor=not-a-cursor!", staffKey))).isEqualTo("400 invalid-cursor");
        assertThat(problem(get(publisher, "/v1/articles?dsk=syria", staffKey))).isEqualTo("400 unknown-parameter");
        assertThat(problem(get(publisher, "/v1/articles?limit=100000", staffKey))).isEqualTo("400 invalid-limit");
        assertThat(problem(get(publisher, "/v1/articles?format=ninjs1", staffKey))).isEqualTo("400 invalid-format");
        assertThat(problem(get(publisher, "/v1/articles/not-a-uuid", staffKey))).isEqualTo("400 invalid-article-id");
        assertThat(problem(get(publisher, "/v1/articles/" + UUID.randomUUID(), staffKey))).isEqualTo("404 not-found");
        assertThat(problem(get(publisher, "/v1/nothing", staffKey))).isEqualTo("404 no-such-endpoint");
    }

    @Test
    void shouldRefuseRequestsWithoutAValidKeyOrOutsideAPartnersDesksWhenAuthorising() throws Exception {
        // Given an article on a desk of its own and one on another desk, and a partner key for the first desk only
        final String desk = uniqueDesk("partner");
        final String other = uniqueDesk("elsewhere");
        final Instant at = rig.clock.now().minusSeconds(60);
        final ArticleUpdate mine = onDesk(Articles.arabic(UUID.randomUUID(), at), desk, at, 3);
        final ArticleUpdate theirs = onDesk(Articles.english(UUID.randomUUID(), at), other, at, null);
        rig.publish(mine, theirs);
        final String partner = rig.key("partner", ApiKeyRole.PARTNER, List.of(desk));
        final String removed = rig.removedKey();
        await().atMost(Duration.ofSeconds(20)).until(() -> get(publisher, "/v1/articles/" + theirs.getArticleId(), staffKey).statusCode() == 200
                && get(publisher, "/v1/articles/" + mine.getArticleId(), partner).statusCode() == 200);

        // Then no key, an unknown key and a removed key get 401
        final HttpResponse<String> none = get(publisher, "/v1/articles", null);
        assertThat(problem(none)).isEqualTo("401 unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(problem(get(publisher, "/v1/articles", "nwk_not-a-key"))).isEqualTo("401 unauthorized");
        await().atMost(Duration.ofSeconds(10)).until(() -> get(publisher, "/v1/articles", removed).statusCode() == 401);
        assertThat(problem(get(publisher, "/v1/feeds/articles.atom", null))).isEqualTo("401 unauthorized");

        // And the partner gets 403 for the other desk's article and a filter on it, and sees only its desk in a listing
        assertThat(problem(get(publisher, "/v1/articles/" + theirs.getArticleId(), partner))).isEqualTo("403 forbidden");
        assertThat(problem(get(publisher, "/v1/articles?desk=" + other, partner))).isEqualTo("403 forbidden");
        assertThat(problem(get(publisher, "/v1/feeds/desks/" + other + ".atom", partner))).isEqualTo("403 forbidden");
        final JsonNode listing = json(get(publisher, "/v1/articles?limit=100", partner));
        assertThat(listing.get("articles")).extracting(a -> a.get("uri").asText()).containsExactly("urn:newswire:article:" + mine.getArticleId());
    }

    @Test
    void shouldWithholdAnEmbargoedArticleUntilItsTimeAlsoInAFreshInstanceWhenReleased() throws Exception {
        // Given an article embargoed for an hour by the publisher's clock, and a marker article after it on the same desk
        final String desk = uniqueDesk("embargo");
        final Instant now = rig.clock.now();
        final Instant until = now.plus(Duration.ofHours(1));
        final ArticleUpdate embargoed = ArticleUpdate.newBuilder(onDesk(Articles.arabic(UUID.randomUUID(), now), desk, now.minusSeconds(5), 2))
                .setEmbargoUntil(until).build();
        final ArticleUpdate marker = onDesk(Articles.arabic(UUID.randomUUID(), now), desk, now, 2);
        rig.publish(embargoed, marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> get(publisher, "/v1/articles/" + marker.getArticleId(), staffKey).statusCode() == 200);

        // Then before the time it is on no channel: not by id, not by version, not listed, not in the feed
        assertThat(problem(get(publisher, "/v1/articles/" + embargoed.getArticleId(), staffKey))).isEqualTo("404 not-found");
        assertThat(problem(get(publisher, "/v1/articles/" + embargoed.getArticleId() + "/versions/1", staffKey))).isEqualTo("404 not-found");
        assertThat(uris(json(get(publisher, "/v1/articles?desk=" + desk, staffKey)))).containsExactly(marker.getArticleId().toString());
        assertThat(feedIds(desk)).containsExactly("urn:newswire:article:" + marker.getArticleId());
        assertThat(RELEASED).extracting(ArticleUpdate::getArticleId).doesNotContain(embargoed.getArticleId());

        // And a publisher started now (a restart) rebuilds the same state from the topic: withheld there too
        try (PublisherApp restarted = rig.startPublisher()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> get(restarted, "/v1/articles/" + marker.getArticleId(), staffKey).statusCode() == 200);
            assertThat(get(restarted, "/v1/articles/" + embargoed.getArticleId(), staffKey).statusCode()).isEqualTo(404);

            // When the clock reaches the end of the embargo
            rig.clock.set(until);

            // Then it appears by itself, on top, in both, and the release is announced once
            for (final PublisherApp app : List.of(publisher, restarted)) {
                assertThat(get(app, "/v1/articles/" + embargoed.getArticleId(), staffKey).statusCode()).isEqualTo(200);
                assertThat(uris(json(get(app, "/v1/articles?desk=" + desk, staffKey))))
                        .containsExactly(embargoed.getArticleId().toString(), marker.getArticleId().toString());
            }
            assertThat(json(get(publisher, "/v1/articles/" + embargoed.getArticleId(), staffKey)).get("embargoedUntil").asText())
                    .isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
            assertThat(feedIds(desk)).containsExactly("urn:newswire:article:" + embargoed.getArticleId(), "urn:newswire:article:" + marker.getArticleId());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(RELEASED).extracting(ArticleUpdate::getArticleId).containsOnlyOnce(embargoed.getArticleId()));
        } finally {
            rig.clock.set(Instant.now().isAfter(until) ? Instant.now() : until);
        }
    }

    @Test
    void shouldCancelAWithdrawnArticleAndTakeItOutOfTheFeedWhenWithdrawn() throws Exception {
        // Given an article on a desk of its own, in the desk's feed
        final String desk = uniqueDesk("withdraw");
        final Instant at = rig.clock.now().minusSeconds(120);
        final ArticleUpdate first = onDesk(Articles.arabic(UUID.randomUUID(), at), desk, at, 3);
        rig.publish(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> feedIds(desk).size() == 1);

        // When a correction and then a withdrawal arrive
        final ArticleUpdate corrected = Articles.next(first, Signal.CORRECTION, at.plusSeconds(30));
        rig.publish(corrected);
        await().atMost(Duration.ofSeconds(20)).until(() -> json(get(publisher, "/v1/articles/" + first.getArticleId(), staffKey)).get("version").asText().equals("2"));
        final SyndFeed correctedFeed = feed(desk);
        assertThat(correctedFeed.getEntries()).hasSize(1);
        assertThat(correctedFeed.getEntries().get(0).getTitleEx().getValue()).contains("(correction)");
        assertThat(correctedFeed.getEntries().get(0).getTitleEx().getValue()).contains("dir=\"rtl\"");
        rig.publish(Articles.next(corrected, Signal.WITHDRAWAL, at.plusSeconds(60)));

        // Then the API gives pubStatus canceled with the withdrawal signal, and the feed no longer has it
        await().atMost(Duration.ofSeconds(20)).until(() -> json(get(publisher, "/v1/articles/" + first.getArticleId(), staffKey)).get("version").asText().equals("3"));
        final HttpResponse<String> withdrawn = get(publisher, "/v1/articles/" + first.getArticleId(), staffKey);
        assertThat(json(withdrawn).get("pubStatus").asText()).isEqualTo("canceled");
        assertThat(json(withdrawn).get("descriptions").get(0).get("value").asText()).isEqualTo("withdrawal");
        assertThat(NinjsSchemas.violations(withdrawn.body().getBytes(StandardCharsets.UTF_8), NinjsVersion.V3_1)).isEmpty();
        assertThat(feedIds(desk)).isEmpty();
        assertThat(json(get(publisher, "/v1/articles?desk=" + desk + "&pubstatus=canceled", staffKey)).get("count").asInt()).isEqualTo(1);
        // the earlier versions stay readable for the record
        assertThat(json(get(publisher, "/v1/articles/" + first.getArticleId() + "/versions/2", staffKey)).get("pubStatus").asText()).isEqualTo("usable");
    }

    private static String problem(final HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        return response.statusCode() + " " + json(response).get("type").asText().substring("urn:newswire:problem:publisher:".length());
    }

    private static List<String> uris(final JsonNode page) {
        final List<String> ids = new ArrayList<>();
        page.get("articles").forEach(a -> ids.add(a.get("uri").asText().substring("urn:newswire:article:".length())));
        return ids;
    }

    private static SyndFeed feed(final String desk) throws Exception {
        final byte[] body = PublisherRig.getBytes(publisher, "/v1/feeds/desks/" + desk + ".atom", staffKey);
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
    }

    private static List<String> feedIds(final String desk) throws Exception {
        return feed(desk).getEntries().stream().map(SyndEntry::getUri).toList();
    }
}
