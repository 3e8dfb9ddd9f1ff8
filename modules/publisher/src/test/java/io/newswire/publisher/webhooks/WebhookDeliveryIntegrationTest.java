package io.newswire.publisher.webhooks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.model.WebhookDelivery;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Four subscribers on the real broker and registry: a healthy one, one that answers 500, one that hangs and one
 * that refuses connections. The healthy one gets every version promptly and signed; each of the others is retried
 * through the retry tiers and parked with its reason; parked deliveries replay with their keys unchanged.
 */
class WebhookDeliveryIntegrationTest {

    private static final int MAX_ATTEMPTS = 3;

    @Test
    void shouldDeliverEveryVersionPromptlyToTheHealthySubscriberWhenOthersFailHangOrRefuse() throws Exception {
        final Map<String, Object> settings = Map.of(
                NewswireConfig.WEBHOOKS_CONNECT_TIMEOUT_MS_CONFIG, 500, NewswireConfig.WEBHOOKS_REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                NewswireConfig.WEBHOOKS_MAX_ATTEMPTS_CONFIG, MAX_ATTEMPTS, NewswireConfig.WEBHOOKS_RETRY_BACKOFF_MS_CONFIG, 300L,
                NewswireConfig.WEBHOOKS_RETRY_BACKOFF_MULTIPLIER_CONFIG, 2.0);
        try (WebhookRig rig = new WebhookRig(settings); SubscriberAdmin admin = rig.admin();
             TestReceiver healthy = new TestReceiver(TestReceiver.Behaviour.OK);
             TestReceiver failing = new TestReceiver(TestReceiver.Behaviour.FAIL_500);
             TestReceiver hanging = new TestReceiver(TestReceiver.Behaviour.HANG)) {
            // Given four subscribers to this test's language; the healthy one takes only usable articles
            final String language = "ar-x-" + Long.toString(System.nanoTime(), 36);
            final String healthyId = rig.stack.uniqueName("healthy");
            final String failingId = rig.stack.uniqueName("failing");
            final String hangingId = rig.stack.uniqueName("hanging");
            final String refusedId = rig.stack.uniqueName("refused");
            final String secret = admin.add(healthyId, healthy.url(), Map.of("language", List.of(language), "pubstatus", List.of("usable")), null)
                    .subscriber().getSecret();
            admin.add(failingId, failing.url(), Map.of("language", List.of(language)), null);
            admin.add(hangingId, hanging.url(), Map.of("language", List.of(language)), null);
            admin.add(refusedId, TestReceiver.refusingUrl(), Map.of("language", List.of(language)), null);

            try (Webhooks webhooks = Webhooks.start(rig.config, rig.serdes, new SimpleMeterRegistry(), TestArticles.RENDERER,
                    TestArticles.FILTERS, Clock.systemUTC())) {
                // When ten articles get two versions each and the first is withdrawn (21 versions)
                final List<ArticleUpdate> versions = new ArrayList<>();
                final List<UUID> articles = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    final UUID article = UUID.randomUUID();
                    articles.add(article);
                    versions.add(TestArticles.version(article, 1, Signal.NEW, language));
                    versions.add(TestArticles.version(article, 2, Signal.UPDATE, language));
                }
                versions.add(TestArticles.version(articles.get(0), 3, Signal.WITHDRAWAL, language));
                final Instant published = Instant.now();
                rig.publish(versions);

                // Then the healthy subscriber has every version once, within seconds, although each hanging POST takes 1 s
                await().atMost(Duration.ofSeconds(15)).until(() -> healthy.received().size() >= versions.size());
                final Duration took = Duration.between(published, Instant.now());
                assertThat(took).as("all 21 versions reached the healthy subscriber").isLessThan(Duration.ofSeconds(5));
                final Set<String> keys = keysOf(healthyId, versions);
                assertThat(healthy.countsById()).as("each version once, under its idempotency key").hasSize(versions.size())
                        .allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
                assertThat(healthy.countsById().keySet()).isEqualTo(keys);
                // every delivery verifies with a verifier written from the Standard Webhooks spec, not our signer
                for (final TestReceiver.Received r : healthy.received()) {
                    assertThat(independentSignature(secret, r.id(), r.timestamp(), r.body())).isEqualTo(r.signature());
                    assertThat(Math.abs(Long.parseLong(r.timestamp()) - Instant.now().getEpochSecond())).isLessThan(300);
                }
                // the withdrawal was pushed, canceled, even though this subscriber filters on pubstatus=usable
                assertThat(healthy.received()).filteredOn(r -> r.id().equals(IdempotencyKeys.of(healthyId, articles.get(0), 3)))
                        .singleElement().satisfies(r -> assertThat(r.bodyText()).contains("\"pubstatus\":\"canceled\""));

                // Then each failing subscriber's deliveries are parked after their attempts, with the reason
                assertParked(rig, failingId, versions, "HTTP 500");
                assertParked(rig, refusedId, versions, "connection refused");
                assertParked(rig, hangingId, versions, "no answer within 1000 ms");
                final Map<String, Long> tries = failing.countsById();
                assertThat(tries.keySet()).as("only this subscriber's keys, never a new one").isSubsetOf(keysOf(failingId, versions));
                assertThat(tries.values()).as("retried, and never more than the attempts allowed")
                        .allSatisfy(n -> assertThat(n).isBetween(1L, (long) MAX_ATTEMPTS));
                assertThat(tries.values().stream().mapToLong(Long::longValue).max().orElse(0)).isGreaterThanOrEqualTo(2L);
                assertThat(healthy.received()).as("nothing more for the healthy one meanwhile").hasSize(versions.size());

                // When the 500 subscriber recovers and its parked deliveries are replayed
                failing.behave(TestReceiver.Behaviour.OK);
                final int before = failing.received().size();
                final List<String> replayed = admin.replay(failingId, null);

                // Then each arrives once more, with the same key as before
                assertThat(new HashSet<>(replayed)).isEqualTo(keysOf(failingId, versions));
                await().atMost(Duration.ofSeconds(20)).until(() -> failing.received().size() - before >= versions.size());
                Thread.sleep(1_000); // room for a wrong extra delivery to show
                final List<TestReceiver.Received> after = failing.received().subList(before, failing.received().size());
                assertThat(after.stream().map(TestReceiver.Received::id).toList()).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(keysOf(failingId, versions));
                // a second replay finds nothing left parked
                assertThat(admin.replay(failingId, null)).isEmpty();
            } finally {
                for (final String id : List.of(healthyId, failingId, hangingId, refusedId)) {
                    admin.remove(id);
                }
            }
        }
    }

    private static void assertParked(final WebhookRig rig, final String subscriberId, final List<ArticleUpdate> versions, final String reason) {
        final List<ConsumerRecord<String, WebhookDelivery>> parked = rig.stack.consumeMatching(Topics.WEBHOOK_PARKED.name(),
                NewswireSerdes.keySerde().deserializer(), rig.serdes.<WebhookDelivery>valueSerde(Topics.WEBHOOK_PARKED).deserializer(),
                r -> subscriberId.equals(r.key()), versions.size(), Duration.ofSeconds(60));
        assertThat(parked.stream().map(r -> r.value().getIdempotencyKey()).collect(Collectors.toSet()))
                .isEqualTo(keysOf(subscriberId, versions));
        assertThat(parked).allSatisfy(r -> {
            assertThat(r.value().getAttempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(r.value().getLastError()).contains(reason);
        });
    }

    private static Set<String> keysOf(final String subscriberId, final List<ArticleUpdate> versions) {
        return versions.stream().map(v -> IdempotencyKeys.of(subscriberId, v.getArticleId(), v.getVersion())).collect(Collectors.toSet());
    }

    /** HMAC-SHA256 over "id.timestamp.body" with the base64-decoded secret, as the Standard Webhooks spec writes it. */
    static String independentSignature(final String secret, final String id, final String timestamp, final byte[] body) throws Exception {
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
