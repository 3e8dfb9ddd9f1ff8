package io.newswire.gateway;

import io.newswire.gateway.auth.CorrespondentAdmin;
import io.newswire.runtime.auth.TokenHasher;
import io.newswire.model.ReportState;
import io.newswire.model.ReportStatus;
import io.newswire.model.topics.Topics;
import io.newswire.model.CorrespondentReport;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.newswire.gateway.GatewayFixture.HTTP;
import static io.newswire.gateway.GatewayFixture.get;
import static io.newswire.gateway.GatewayFixture.post;
import static io.newswire.gateway.GatewayFixture.report;
import static io.newswire.gateway.GatewayFixture.reportsOnTopic;
import static io.newswire.gateway.GatewayFixture.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway's rules on a real broker and registry. */
class GatewayIntegrationTest {

    private static GatewayFixture.RunningGateway running;
    private static NewswireConfig config;
    private static GatewayServer gateway;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        running = GatewayFixture.RunningGateway.start(Map.of(), "reem");
        config = running.config();
        gateway = running.server();
        token = running.token();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void shouldAcceptOnlyAfterKafkaHasTheReportAndKeepArabicByteExact() throws Exception {
        // Given an Arabic report written decomposed (NFD), with a tatweel and harakat the text must keep
        final UUID id = UUID.randomUUID();
        final String headline = Normalizer.normalize("خروج مئاتِ المدنيين من الرقـة بعد فتح ممرٍّ آمن", Normalizer.Form.NFD);

        // When it is posted
        final HttpResponse<String> answer = post(gateway, token, report(id, headline));

        // Then the 202 names where it is, and the topic holds the text exactly as written, after NFC
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.headers().firstValue(GatewayServer.REQUEST_ID_HEADER)).isPresent();
        final ConsumerRecord<String, CorrespondentReport> onTopic = reportsOnTopic(config, Set.of(id.toString()), 1).get(0);
        assertThat(answer.body()).contains("\"partition\":" + onTopic.partition()).contains("\"offset\":" + onTopic.offset())
                .contains("\"statusUrl\":\"/v1/reports/" + id + "\"");
        assertThat(onTopic.value().getCorrespondentId()).as("from the token").startsWith("reem-");
        assertThat(onTopic.value().getHeadline()).isEqualTo(Normalizer.normalize(headline, Normalizer.Form.NFC));
        assertThat(onTopic.value().getHeadline().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(Normalizer.normalize(headline, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8));
        assertThat(onTopic.value().getContentDigest()).hasSize(64);
    }

    @Test
    void shouldAnswerTheSameForAResendAndConflictForOtherContentUnderTheSameId() throws Exception {
        final UUID id = UUID.randomUUID();
        final HttpResponse<String> first = post(gateway, token, report(id, "عنوان أول"));
        final HttpResponse<String> again = post(gateway, token, report(id, "عنوان أول"));
        final HttpResponse<String> changed = post(gateway, token, report(id, "عنوان مختلف"));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("\"resubmission\":true").contains(offsetOf(first));
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(changed.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(changed.body()).contains(id.toString()).contains("refersTo");
        assertThat(reportsOnTopic(config, Set.of(id.toString()), 1)).hasSize(1);
    }

    @Test
    void shouldRememberAcceptedIdsAcrossARestart() throws Exception {
        // Given a report accepted by one gateway instance
        final UUID id = UUID.randomUUID();
        assertThat(post(gateway, token, report(id, "قبل إعادة التشغيل")).statusCode()).isEqualTo(202);

        // When a second instance (a restart, or another replica) receives it again and a changed copy
        try (NewswireMetrics otherMetrics = new NewswireMetrics(); GatewayServer other = GatewayServer.start(config, otherMetrics)) {
            final HttpResponse<String> resend = post(other, token, report(id, "قبل إعادة التشغيل"));
            final HttpResponse<String> conflict = post(other, token, report(id, "نص آخر"));

            // Then it knows the report from the topic: same 202, and 409 for other content
            assertThat(resend.statusCode()).isEqualTo(202);
            assertThat(resend.body()).contains("\"resubmission\":true");
            assertThat(conflict.statusCode()).isEqualTo(409);
        }
        assertThat(reportsOnTopic(config, Set.of(id.toString()), 1)).hasSize(1);
    }

    @Test
    void shouldRefuseUnknownRevokedAndOtherCorrespondentsTokens() throws Exception {
        final UUID id = UUID.randomUUID();
        assertThat(post(gateway, token, report(id, "تقرير")).statusCode()).isEqualTo(202);
        final String otherId = uniqueId("samir");
        final String other = GatewayFixture.correspondent(config, gateway, otherId);

        // no token, a made-up token: 401
        assertThat(post(gateway, null, report(UUID.randomUUID(), "x")).statusCode()).isEqualTo(401);
        assertThat(post(gateway, "nwt_made-up", report(UUID.randomUUID(), "x")).statusCode()).isEqualTo(401);
        // another correspondent can neither read nor overwrite the report: 403
        assertThat(get(gateway, "/v1/reports/" + id, other).statusCode()).isEqualTo(403);
        assertThat(post(gateway, other, report(id, "تقرير")).statusCode()).isEqualTo(403);
        assertThat(get(gateway, "/v1/reports/" + id, token).body()).contains("\"state\":\"ACCEPTED\"");

        // once revoked, the token stops working everywhere the topic reaches
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig()); CorrespondentAdmin admin = new CorrespondentAdmin(config, serdes)) {
            assertThat(admin.revoke(otherId)).isPresent();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> get(gateway, "/v1/whoami", other).statusCode() == 401);
    }

    @Test
    void shouldGiveADocumentedErrorForEachKindOfBadRequest() throws Exception {
        final byte[] invalidUtf8 = {'{', '"', 'h', '"', ':', '"', (byte) 0xFF, '"', '}'};
        final byte[] tooLarge = new byte[config.getInt(NewswireConfig.GATEWAY_MAX_BODY_BYTES_CONFIG) + 1];
        final String validJson = report(UUID.randomUUID(), "عنوان");

        assertThat(post(gateway, "/v1/reports", token, "application/json", "{\"reportId\": ".getBytes()).statusCode()).isEqualTo(400);
        assertThat(post(gateway, "/v1/reports", token, "application/json", invalidUtf8).body()).contains("invalid-utf8");
        assertThat(post(gateway, "/v1/reports", token, "text/plain", validJson.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(415);
        assertThat(post(gateway, "/v1/reports", token, "application/json", tooLarge).statusCode()).isEqualTo(413);
        final HttpResponse<String> invalid = post(gateway, token, "{\"reportId\":\"" + UUID.randomUUID() + "\",\"kind\":\"UPDATE\",\"language\":\"ar\",\"headline\":\"\",\"body\":[\"x\"]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"pointer\":\"/headline\"").contains("\"pointer\":\"/refersTo\"");
        assertThat(get(gateway, "/v1/reports/not-a-uuid", token).statusCode()).isEqualTo(400);
        assertThat(get(gateway, "/v1/reports/" + UUID.randomUUID(), token).statusCode()).isEqualTo(404);
        assertThat(get(gateway, "/v1/nothing-here", token).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAcceptOrRejectEachItemOfABatchOnItsOwn() throws Exception {
        final UUID good = UUID.randomUUID();
        final UUID alsoGood = UUID.randomUUID();
        final String array = "[" + report(good, "أول") + ",{\"reportId\":\"bad\"}]";
        final String ndjson = report(alsoGood, "ثان") + "\n{broken json\n";

        final HttpResponse<String> fromArray = post(gateway, "/v1/reports/batch", token, "application/json", array.getBytes(StandardCharsets.UTF_8));
        final HttpResponse<String> fromNdjson = post(gateway, "/v1/reports/batch", token, "application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8));

        assertThat(fromArray.statusCode()).isEqualTo(200);
        assertThat(fromArray.body()).contains("\"accepted\":1").contains("\"rejected\":1").contains("\"pointer\":\"/1/reportId\"");
        assertThat(fromNdjson.body()).contains("\"accepted\":1").contains("malformed-json");
        assertThat(reportsOnTopic(config, Set.of(good.toString(), alsoGood.toString()), 2)).hasSize(2);
    }

    @Test
    void shouldStripBidiOverridesAndSayItDid() throws Exception {
        final UUID id = UUID.randomUUID();
        final HttpResponse<String> answer = post(gateway, token, report(id, "عاجل \\u202Eأنباء\\u202C"));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("warnings").contains("/headline");
        assertThat(reportsOnTopic(config, Set.of(id.toString()), 1).get(0).value().getHeadline()).isEqualTo("عاجل أنباء");
    }

    @Test
    void shouldWriteOneEventPerReportWhenTheSameReportsArriveThreeTimesConcurrently() throws Exception {
        // Given 1,000 reports, each sent three times by a pool of concurrent clients (an offline queue flushing
        // while the app also retries)
        final List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(UUID.randomUUID());
        }
        final ExecutorService clients = Executors.newFixedThreadPool(16);
        final List<Future<Integer>> answers = new ArrayList<>();
        final long started = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            for (final UUID id : ids) {
                answers.add(clients.submit(() -> post(gateway, token, report(id, "تقرير رقم " + id.toString().substring(0, 4))).statusCode()));
            }
        }
        final List<Integer> statuses = new ArrayList<>();
        for (final Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();

        // Then every request got 202, and the topic holds 1,000 events, not 3,000
        assertThat(statuses).hasSize(3_000).containsOnly(202);
        final Set<String> wanted = ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.toSet());
        final List<ConsumerRecord<String, CorrespondentReport>> onTopic = reportsOnTopic(config, wanted, 1_000);
        assertThat(onTopic).hasSize(1_000);
        assertThat(onTopic.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(1_000);
        System.out.printf("storm: 3,000 requests (1,000 distinct reports) from 16 clients in %.1f s: %.0f requests/s%n", seconds, 3_000 / seconds);
    }

    @Test
    void shouldAcceptSequentialReportsFromOneClientAndReportTheLatency() throws Exception {
        // A measurement, printed for the README and the issue note; it asserts behaviour, not speed
        final int count = 500;
        final long[] latencies = new long[count];
        final long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            final long t0 = System.nanoTime();
            assertThat(post(gateway, token, report(UUID.randomUUID(), "تقرير متتابع")).statusCode()).isEqualTo(202);
            latencies[i] = System.nanoTime() - t0;
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        java.util.Arrays.sort(latencies);
        final io.micrometer.core.instrument.distribution.HistogramSnapshot acks = running.metrics().registry()
                .get(io.newswire.gateway.metrics.GatewayMetrics.ACK_LATENCY).timer().takeSnapshot();
        System.out.printf("one client, sequential: %d reports in %.1f s = %.0f reports/s; request latency p50 %.1f ms, p99 %.1f ms; "
                        + "gateway ack latency (all reports of this JVM's gateway so far) %s%n",
                count, seconds, count / seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6,
                java.util.Arrays.stream(acks.percentileValues()).map(v -> String.format("p%.0f %.1f ms", v.percentile() * 100,
                        v.value(java.util.concurrent.TimeUnit.MILLISECONDS))).toList());

        // and the offline-queue path: one client sending 20 batches of 100 reports, one after the other
        final long batchesStarted = System.nanoTime();
        for (int b = 0; b < 20; b++) {
            final StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 100; i++) {
                batch.append(i == 0 ? "" : ",").append(report(UUID.randomUUID(), "تقرير من طابور"));
            }
            final HttpResponse<String> answer = post(gateway, "/v1/reports/batch", token, "application/json",
                    batch.append(']').toString().getBytes(StandardCharsets.UTF_8));
            assertThat(answer.body()).contains("\"accepted\":100");
        }
        final double batchSeconds = (System.nanoTime() - batchesStarted) / 1e9;
        System.out.printf("one client, batches of 100: 2,000 reports in %.1f s = %.0f reports/s%n", batchSeconds, 2_000 / batchSeconds);
    }

    @Test
    void shouldLimitTheRateOfEachCorrespondentWithRetryAfter() throws Exception {
        try (NewswireMetrics limitedMetrics = new NewswireMetrics();
             GatewayServer limited = GatewayServer.start(GatewayFixture.config(Map.of(NewswireConfig.GATEWAY_RATE_LIMIT_PER_MINUTE_CONFIG, "3")), limitedMetrics)) {
            final String limitedToken = GatewayFixture.correspondent(config, limited, uniqueId("fast"));
            final List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 5; i++) {
                last = post(limited, limitedToken, report(UUID.randomUUID(), "تقرير"));
                statuses.add(last.statusCode());
            }
            // whoami's polling took none of the write budget: three reports pass, then 429 with Retry-After
            assertThat(statuses).containsExactly(202, 202, 202, 429, 429);
            assertThat(last.headers().firstValue("Retry-After")).isPresent();
            assertThat(limitedMetrics.scrape()).contains("reason=\"rate-limited\"");
        }
    }

    @Test
    void shouldAnswer503WhenItsConcurrencyCapIsTakenAndRecoverAfter() throws Exception {
        try (GatewayFixture.RunningGateway capped = GatewayFixture.RunningGateway.start(
                Map.of(NewswireConfig.GATEWAY_MAX_CONCURRENT_REQUESTS_CONFIG, "1"), "capped")) {
            // Given a client that sends its headers and then stalls mid-body, holding the only request slot
            try (java.net.Socket slow = new java.net.Socket("127.0.0.1", capped.server().port())) {
                slow.getOutputStream().write(("POST /v1/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + capped.token()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"reportId\":").getBytes(StandardCharsets.UTF_8));
                slow.getOutputStream().flush();

                // Then other requests are turned away at once with 503 and Retry-After, not queued until the JVM is full
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    final HttpResponse<String> turnedAway = post(capped.server(), capped.token(), report(UUID.randomUUID(), "تقرير"));
                    assertThat(turnedAway.statusCode()).isEqualTo(503);
                    assertThat(turnedAway.body()).contains("overloaded");
                    assertThat(turnedAway.headers().firstValue("Retry-After")).isPresent();
                });
            }
            // And once the slow client is gone the gateway serves again
            await().atMost(Duration.ofSeconds(30)).until(() -> post(capped.server(), capped.token(), report(UUID.randomUUID(), "تقرير")).statusCode() == 202);
        }
    }

    @Test
    void shouldReadAChunkedBodyAndRefuseOneThatGrowsPastTheLimitWhileReading() throws Exception {
        // Given bodies sent without Content-Length (chunked), as a phone app streaming from a file does
        final UUID id = UUID.randomUUID();
        final byte[] report = report(id, "تقرير مجزأ").getBytes(StandardCharsets.UTF_8);
        final byte[] tooLarge = new byte[config.getInt(NewswireConfig.GATEWAY_MAX_BODY_BYTES_CONFIG) + 10];
        java.util.Arrays.fill(tooLarge, (byte) ' ');

        final HttpResponse<String> accepted = postChunked(report);
        final HttpResponse<String> refused = postChunked(tooLarge);

        // Then the first is read whole and accepted, the second stopped at the limit with 413
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(reportsOnTopic(config, Set.of(id.toString()), 1)).hasSize(1);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("urn:newswire:problem:too-large");
    }

    private static HttpResponse<String> postChunked(final byte[] body) throws Exception {
        return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url() + "/v1/reports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                // an InputStream publisher has no length: the client sends Transfer-Encoding: chunked
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseRepeatedKeysAndLoneSurrogatesButTakeAByteOrderMark() throws Exception {
        final UUID id = UUID.randomUUID();
        final String twoHeadlines = report(UUID.randomUUID(), "أ").replace("\"dateline\"", "\"headline\":\"ب\",\"dateline\"");
        final String loneSurrogate = report(UUID.randomUUID(), "نص \\uD800");
        final byte[] withBom = ("\uFEFF" + report(id, "مع علامة ترتيب البايتات")).getBytes(StandardCharsets.UTF_8);

        assertThat(post(gateway, token, twoHeadlines).body()).contains("malformed-json").contains("headline");
        final HttpResponse<String> surrogate = post(gateway, token, loneSurrogate);
        assertThat(surrogate.statusCode()).isEqualTo(400);
        assertThat(surrogate.body()).contains("\"pointer\":\"/headline\"").contains("surrogate");
        assertThat(post(gateway, "/v1/reports", token, "application/json; charset=utf-8", withBom).statusCode()).isEqualTo(202);
    }

    @Test
    void shouldShowWhatProcessingMadeOfAReport() throws Exception {
        // Given two accepted reports
        final UUID processed = UUID.randomUUID();
        final UUID deadLettered = UUID.randomUUID();
        final UUID article = UUID.randomUUID();
        assertThat(post(gateway, token, report(processed, "سيعالج")).statusCode()).isEqualTo(202);
        assertThat(post(gateway, token, report(deadLettered, "سيرفض")).statusCode()).isEqualTo(202);

        // When processing records their fate on the status topic
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
             org.apache.kafka.clients.producer.KafkaProducer<String, ReportStatus> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                     GatewayFixture.STACK.producerConfig(), NewswireSerdes.keySerde().serializer(),
                     serdes.<ReportStatus>valueSerde(Topics.REPORT_STATUS).serializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.REPORT_STATUS.name(), processed.toString(),
                    ReportStatus.newBuilder().setReportId(processed).setState(ReportState.PROCESSED).setArticleId(article).setArticleVersion(3)
                            .setUpdatedAt(java.time.Instant.now()).build())).get();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.REPORT_STATUS.name(), deadLettered.toString(),
                    ReportStatus.newBuilder().setReportId(deadLettered).setState(ReportState.DEAD_LETTERED).setReason("unknown-reference")
                            .setUpdatedAt(java.time.Instant.now()).build())).get();
        }

        // Then the status endpoint tells the correspondent
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(get(gateway, "/v1/reports/" + processed, token).body()).contains("\"state\":\"PROCESSED\"")
                    .contains("\"articleId\":\"" + article + "\"").contains("\"articleVersion\":3");
            assertThat(get(gateway, "/v1/reports/" + deadLettered, token).body()).contains("\"state\":\"DEAD_LETTERED\"")
                    .contains("\"reason\":\"unknown-reference\"");
        });
    }

    @Test
    void shouldStoreOnlyTheTokensHashAndListTheCorrespondent() throws Exception {
        // Given a correspondent issued a token
        final String id = uniqueId("hash");
        final String issued;
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig()); CorrespondentAdmin admin = new CorrespondentAdmin(config, serdes)) {
            issued = admin.add(id, "هبة الأحمد", null).token();

            // Then the list shows them, and the topic holds the hash of the token but never the token
            assertThat(admin.list()).anySatisfy(c -> assertThat(c.getCorrespondentId()).isEqualTo(id));
        }
        final List<ConsumerRecord<String, byte[]>> records = GatewayFixture.STACK.consumeMatching(Topics.CORRESPONDENTS.name(),
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
        final String stored = new String(records.get(0).value(), StandardCharsets.ISO_8859_1);
        assertThat(stored).contains(TokenHasher.hash(issued)).doesNotContain(issued)
                .doesNotContain(issued.substring(TokenHasher.TOKEN_PREFIX.length()));
    }

    @Test
    void shouldLogEveryRequestOnceWithItsIdAndNeverItsToken() throws Exception {
        // Given a capture of the access log
        final org.apache.logging.log4j.core.LoggerContext logs = (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        final org.apache.logging.log4j.core.appender.AbstractAppender capture = new org.apache.logging.log4j.core.appender.AbstractAppender(
                "capture", null, null, true, org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
            @Override
            public void append(final org.apache.logging.log4j.core.LogEvent event) {
                lines.add(event.getLoggerName() + " " + event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        final org.apache.logging.log4j.core.Logger root = logs.getRootLogger();
        final org.apache.logging.log4j.Level level = logs.getLogger(GatewayServer.ACCESS_LOG).getLevel();
        org.apache.logging.log4j.core.config.Configurator.setLevel(GatewayServer.ACCESS_LOG, org.apache.logging.log4j.Level.INFO);
        root.addAppender(capture);
        try {
            // When requests come in, one with the client's own request id, one with a bad token and a bad body
            final HttpResponse<String> mine = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url() + "/v1/whoami"))
                    .header("Authorization", "Bearer " + token).header(GatewayServer.REQUEST_ID_HEADER, "app-42.retry-1").build(),
                    HttpResponse.BodyHandlers.ofString());
            final HttpResponse<String> bad = post(gateway, "nwt_secret-looking-token", "{oops");

            // Then each is logged once with its request id, which the client also got back, and no token appears
            assertThat(mine.headers().firstValue(GatewayServer.REQUEST_ID_HEADER)).contains("app-42.retry-1");
            final String badId = bad.headers().firstValue(GatewayServer.REQUEST_ID_HEADER).orElseThrow();
            assertThat(bad.body()).contains("urn:newswire:request:" + badId);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(lines).filteredOn(l -> l.contains("app-42.retry-1")).hasSize(1).allSatisfy(l -> assertThat(l).contains("-> 200"));
                assertThat(lines).filteredOn(l -> l.contains(badId)).hasSize(1).allSatisfy(l -> assertThat(l).contains("-> 401"));
            });
            assertThat(lines).noneMatch(l -> l.contains(token) || l.contains("secret-looking"));
        } finally {
            root.removeAppender(capture);
            org.apache.logging.log4j.core.config.Configurator.setLevel(GatewayServer.ACCESS_LOG, level);
        }
    }

    @Test
    void shouldServeHealthReadinessAndTheApiDescription() throws Exception {
        final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        final HttpResponse<String> health = get(gateway, "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");

        // ready only with every part loaded and reachable, each named
        final HttpResponse<String> ready = get(gateway, "/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        final com.fasterxml.jackson.databind.JsonNode readiness = json.readTree(ready.body());
        assertThat(readiness.path("status").asText()).isEqualTo("READY");
        assertThat(List.of("credentialsLoaded", "reportIndexLoaded", "reportStatesLoaded", "kafka", "schemaRegistry"))
                .allSatisfy(check -> assertThat(readiness.path(check).isBoolean() && readiness.path(check).asBoolean()).as(check).isTrue());

        // the description served is JSON and covers exactly the routes the gateway serves
        final HttpResponse<String> openApi = get(gateway, "/openapi.json", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        final com.fasterxml.jackson.databind.JsonNode description = json.readTree(openApi.body());
        assertThat(description.path("openapi").asText()).isEqualTo("3.1.0");
        final List<String> described = new ArrayList<>();
        description.path("paths").fieldNames().forEachRemaining(described::add);
        assertThat(described).containsExactlyInAnyOrder("/v1/reports", "/v1/reports/batch", "/v1/reports/{id}", "/v1/whoami",
                "/health", "/ready", "/openapi.json");
        // and each described operation is served: without a token it is refused or answered, never "no such endpoint"
        for (final String path : described) {
            for (final java.util.Iterator<String> methods = description.path("paths").path(path).fieldNames(); methods.hasNext(); ) {
                final String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                final HttpResponse<String> answer = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url()
                                + path.replace("{id}", UUID.randomUUID().toString())))
                        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isNotIn(404, 405);
            }
        }
    }

    private static String offsetOf(final HttpResponse<String> answer) {
        final int at = answer.body().indexOf("\"offset\":");
        return answer.body().substring(at, answer.body().indexOf(',', at));
    }
}
