package io.newswire.launcher;

import io.newswire.gateway.GatewayServer;
import io.newswire.gateway.auth.CorrespondentAdmin;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.DeadLetter;
import io.newswire.model.PubStatus;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import io.newswire.model.topics.Topics;
import io.newswire.processing.ProcessingApp;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.ConfluentWireFormat;
import io.newswire.serde.NewswireSerdes;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path on real parts: HTTP into the gateway, Kafka (a real KRaft broker), the processing application
 * (exactly_once_v2), article updates decoded from Avro through a real schema registry. Start reading here.
 */
class EndToEndIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static NewswireConfig config;
    private static NewswireMetrics metrics;
    private static ProcessingApp processing;
    private static GatewayServer gateway;
    private static NewswireSerdes serdes;
    private static String token;

    @BeforeAll
    static void startNewswire() throws Exception {
        final Map<String, Object> settings = new HashMap<>(STACK.newswireSettings());
        settings.put(NewswireConfig.GATEWAY_PORT_CONFIG, "0");
        settings.put(NewswireConfig.PROCESSING_STATE_DIR_CONFIG, STACK.newStateDir().toString());
        config = new NewswireConfig(settings);
        TopicsCommand.createAll(config);
        serdes = NewswireSerdes.fromConfig(config.serdeConfig());
        metrics = new NewswireMetrics();
        processing = ProcessingApp.start(config);
        gateway = GatewayServer.start(config, metrics);
        try (CorrespondentAdmin admin = new CorrespondentAdmin(config, serdes)) {
            token = admin.add("reem", "Reem Haddad", "syria").token();
        }
        assertThat(processing.awaitRunning(Duration.ofSeconds(60))).as("processing running").isTrue();
    }

    @AfterAll
    static void stopNewswire() {
        gateway.close();
        processing.close();
        metrics.close();
        serdes.close();
    }

    @Test
    void shouldTurnAReportPostedOverHttpIntoADecodedArticleUpdate() throws Exception {
        // Given a new Arabic report
        final UUID reportId = UUID.randomUUID();

        // When the correspondent posts it (the directory may need a moment to see the new token)
        final HttpResponse<String> accepted = awaitPost(report(reportId, "NEW", null, "اشتباكات عنيفة على أطراف مدينة دير الزور"));

        // Then the gateway answered 202 with where it is, and processing made version 1 of an article
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"partition\"").contains("\"offset\"");
        final ArticleUpdate v1 = articleVersionsOf(reportId, 1).get(0);
        assertThat(v1.getVersion()).isEqualTo(1);
        assertThat(v1.getSignal()).isEqualTo(Signal.NEW);
        assertThat(v1.getHeadline()).isEqualTo("اشتباكات عنيفة على أطراف مدينة دير الزور");
        assertThat(v1.getEnrichment().getMatchingHeadline()).isNotBlank();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("/v1/reports/" + reportId).body()).contains("\"state\":\"PROCESSED\"").contains(v1.getArticleId().toString()));
    }

    @Test
    void shouldMakeOneArticleWithVersionsFromACorrectionAndIgnoreAResend() throws Exception {
        // Given a report, then the same report again (a retry), then a correction of it
        final UUID original = UUID.randomUUID();
        final UUID correction = UUID.randomUUID();
        assertThat(awaitPost(report(original, "NEW", null, "انقطاع الكهرباء عن أحياء في حمص")).statusCode()).isEqualTo(202);
        final HttpResponse<String> resend = post(report(original, "NEW", null, "انقطاع الكهرباء عن أحياء في حمص"));
        assertThat(resend.statusCode()).isEqualTo(202);
        assertThat(resend.body()).contains("\"resubmission\":true");
        assertThat(post(report(correction, "CORRECTION", original, "انقطاع الكهرباء عن أحياء في حماة")).statusCode()).isEqualTo(202);

        // Then the article has exactly two versions: NEW, then CORRECTION with the corrected headline
        final List<ArticleUpdate> versions = articleVersionsOf(original, 2);
        assertThat(versions).extracting(ArticleUpdate::getVersion).containsExactly(1, 2);
        assertThat(versions.get(1).getSignal()).isEqualTo(Signal.CORRECTION);
        assertThat(versions.get(1).getHeadline()).isEqualTo("انقطاع الكهرباء عن أحياء في حماة");
        assertThat(versions.get(1).getPubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(versions.get(1).getSources()).extracting(s -> s.getRole()).containsExactly(SourceRole.ORIGIN, SourceRole.CORRECTION);
    }

    @Test
    void shouldDeadLetterGarbageWithItsReasonAndKeepProcessingWhatFollows() throws Exception {
        // Given garbage bytes, an unknown schema id, and (below) a semantically invalid report, written past the gateway
        final String garbageKey = UUID.randomUUID().toString();
        final String unknownIdKey = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(STACK.producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REPORTS.name(), garbageKey, "{not avro at all".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.REPORTS.name(), unknownIdKey, ConfluentWireFormat.frame(424_242, new byte[] {1, 2, 3}))).get();
        }

        // and a report that decodes but breaks a rule the schema cannot state (an empty body), written past the gateway
        final io.newswire.model.CorrespondentReport empty = io.newswire.model.CorrespondentReport.newBuilder()
                .setReportId(UUID.randomUUID()).setCorrespondentId("reem").setDesk("syria").setLanguage("ar")
                .setKind(io.newswire.model.ReportKind.NEW).setHeadline("عنوان بلا نص").setBody(List.of(" "))
                .setFiledAt(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setReceivedAt(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).setContentDigest("00").build();
        try (KafkaProducer<String, io.newswire.model.CorrespondentReport> producer = new KafkaProducer<>(STACK.producerConfig(),
                new StringSerializer(), serdes.<io.newswire.model.CorrespondentReport>valueSerde(Topics.REPORTS).serializer())) {
            producer.send(new ProducerRecord<>(Topics.REPORTS.name(), empty.getReportId().toString(), empty)).get();
        }
        final String invalidKey = empty.getReportId().toString();

        // When a valid report follows
        final UUID after = UUID.randomUUID();
        assertThat(awaitPost(report(after, "NEW", null, "وصول قافلة مساعدات إلى ريف إدلب")).statusCode()).isEqualTo(202);

        // Then both bad records are dead letters with their bytes and reason, and the valid one became an article
        final List<ConsumerRecord<String, DeadLetter>> letters = STACK.consumeMatching(Topics.DEAD_LETTERS.name(), new StringDeserializer(),
                new AvroDeserializer<>(serdes.registry(), DeadLetter.class),
                r -> garbageKey.equals(r.key()) || unknownIdKey.equals(r.key()) || invalidKey.equals(r.key()), 3, Duration.ofSeconds(60));
        final DeadLetter garbage = letters.stream().filter(r -> garbageKey.equals(r.key())).findFirst().orElseThrow().value();
        assertThat(garbage.getStage()).isEqualTo("deserialize");
        assertThat(garbage.getReason()).contains("magic byte");
        assertThat(StandardCharsets.UTF_8.decode(garbage.getOriginalValue()).toString()).isEqualTo("{not avro at all");
        final DeadLetter unknown = letters.stream().filter(r -> unknownIdKey.equals(r.key())).findFirst().orElseThrow().value();
        assertThat(unknown.getReason()).contains("424242");
        final DeadLetter invalid = letters.stream().filter(r -> invalidKey.equals(r.key())).findFirst().orElseThrow().value();
        assertThat(invalid.getStage()).isEqualTo("validate");
        assertThat(invalid.getReason()).contains("body is empty");
        assertThat(invalid.getReportId()).isEqualTo(invalidKey);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(STACK.consumeMatching(Topics.REPORT_STATUS.name(),
                new StringDeserializer(), new AvroDeserializer<>(serdes.registry(), io.newswire.model.ReportStatus.class),
                r -> invalidKey.equals(r.key()), 1, Duration.ofSeconds(10)).get(0).value().getState()).hasToString("DEAD_LETTERED"));
        assertThat(articleVersionsOf(after, 1)).hasSize(1);
    }

    private static List<ArticleUpdate> articleVersionsOf(final UUID originReportId, final int atLeast) {
        final String articleId = io.newswire.processing.articles.ArticleVersioner.articleIdFor(originReportId).toString();
        return STACK.consumeMatching(Topics.ARTICLE_UPDATES.name(), new StringDeserializer(),
                        new AvroDeserializer<>(serdes.registry(), ArticleUpdate.class), r -> articleId.equals(r.key()), atLeast, Duration.ofSeconds(60))
                .stream().map(ConsumerRecord::value).toList();
    }

    /** A report whose body is the headline's own story: tests must not file near-duplicates of each other by accident. */
    private static String report(final UUID id, final String kind, final UUID refersTo, final String headline) {
        return "{\"reportId\":\"" + id + "\",\"kind\":\"" + kind + "\"" + (refersTo == null ? "" : ",\"refersTo\":\"" + refersTo + "\"")
                + ",\"language\":\"ar\",\"headline\":\"" + headline + "\",\"dateline\":\"سوريا\","
                + "\"body\":[\"" + headline + " بحسب ما أفاد مراسلنا اليوم.\"],"
                + "\"byline\":{\"name\":\"ريم حداد\"}}";
    }

    private static HttpResponse<String> awaitPost(final String body) {
        final HttpResponse<String>[] last = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = post(body);
            return last[0].statusCode() != 401;
        });
        return last[0];
    }

    private static HttpResponse<String> post(final String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/reports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(final String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
