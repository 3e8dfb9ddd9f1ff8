package io.newswire.publisher.webhooks;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.model.topics.Topics;
import io.newswire.publisher.Articles;
import io.newswire.publisher.PublisherApp;
import io.newswire.publisher.PublisherRig;
import io.newswire.publisher.ninjs.NinjsSchemas;
import io.newswire.publisher.ninjs.NinjsVersion;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.runtime.metrics.WebhookMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher application as deployed, webhooks included: {@link PublisherApp} (not {@link Webhooks} alone) with the
 * real ninjs renderer and the newsroom API's filter, on the real broker and registry, a subscriber whose filter is
 * real query parameters ({@code desk=<this test's desk>&language=ar}) and a local receiver. Embargo is judged by a
 * clock the test moves: released while running, and released across a restart during which it passed. A last
 * start with the group's offsets deleted (a crash before any commit) shows that the ledger makes re-reads no-ops.
 */
class PublisherWebhooksIntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(15);
    /** A new group reads the shared updates topic from its start: after the other tests of the JVM that takes longer. */
    private static final Duration FIRST_READ = Duration.ofSeconds(45);

    @Test
    void shouldPushMatchingVersionsAsSignedNinjsAndEmbargoedOnesOnlyAfterTheirTimeWhenThePublisherRuns() throws Exception {
        try (PublisherRig rig = new PublisherRig(Map.of(NewswireConfig.WEBHOOKS_REQUEST_TIMEOUT_MS_CONFIG, 2_000));
             SubscriberAdmin subscribers = new SubscriberAdmin(rig.config(), rig.serdes(), Clock.systemUTC());
             TestReceiver receiver = new TestReceiver(TestReceiver.Behaviour.OK);
             Admin admin = Admin.create(PublisherRig.STACK.adminConfig())) {
            // Given a subscriber to this test's desk in Arabic, with a secret the publisher generated
            final String desk = PublisherRig.uniqueDesk("syria");
            final String subscriberId = PublisherRig.STACK.uniqueName("desk-sub");
            final String secret = subscribers.add(subscriberId, receiver.url(), Map.of("desk", List.of(desk), "language", List.of("ar")), null)
                    .subscriber().getSecret();
            final String group = rig.config().getString(NewswireConfig.WEBHOOKS_GROUP_ID_CONFIG);
            final Instant start = rig.clock.now().truncatedTo(ChronoUnit.MILLIS);
            final Instant embargo1 = start.plus(Duration.ofMinutes(10));
            final Instant embargo2 = start.plus(Duration.ofMinutes(20));
            try {
                // the versions: one matching article later withdrawn, two that do not match (language, desk),
                // two embargoed, and one behind the first embargoed on its partition, proving it was read and held
                final ArticleUpdate matching = onDesk(Articles.arabic(UUID.randomUUID(), start), desk);
                final ArticleUpdate english = onDesk(Articles.english(UUID.randomUUID(), start), desk);
                final ArticleUpdate otherDesk = Articles.arabic(UUID.randomUUID(), start); // desk "syria", not ours
                final UUID embargoedId = UUID.randomUUID();
                final int partition = partitionOf(embargoedId);
                final ArticleUpdate embargoed = ArticleUpdate.newBuilder(onDesk(Articles.arabic(embargoedId, start), desk)).setEmbargoUntil(embargo1).build();
                final ArticleUpdate behind = onDesk(Articles.arabic(idOnPartition(partition), start), desk);
                final ArticleUpdate embargoedLater = ArticleUpdate.newBuilder(onDesk(Articles.arabic(UUID.randomUUID(), start), desk))
                        .setEmbargoUntil(embargo2).build();
                final ArticleUpdate withdrawal = Articles.next(matching, Signal.WITHDRAWAL, start.plusSeconds(1));

                final long embargoedOffset;
                try (PublisherApp first = rig.startPublisher(new NewswireMetrics())) {
                    assertThat(first.deliversWebhooks()).isTrue();
                    // When they are published while the clock is before both embargoes
                    rig.publish(english, otherDesk, matching);
                    final RecordMetadata held = rig.publishAt(embargoed);
                    final RecordMetadata after = rig.publishAt(behind);
                    assertThat(after.partition()).as("same partition, after the embargoed version").isEqualTo(held.partition()).isEqualTo(partition);
                    embargoedOffset = held.offset();
                    rig.publish(embargoedLater, withdrawal);

                    // Then the matching version, its withdrawal and the one behind the embargoed version arrive
                    final String matchingKey = key(subscriberId, matching);
                    final String withdrawalKey = key(subscriberId, withdrawal);
                    final String behindKey = key(subscriberId, behind);
                    await().atMost(FIRST_READ).until(() -> receiver.countsById().keySet().containsAll(List.of(matchingKey, withdrawalKey, behindKey)));
                    // and the embargoed one, read before "behind" on its partition, did not; the group's commit waits at it
                    final TopicPartition heldPartition = new TopicPartition(Topics.ARTICLE_UPDATES.name(), partition);
                    // (as long as the first read: the group commits on its own schedule, which took over 15 s in a full CI run)
                    await().atMost(FIRST_READ).until(() -> committed(admin, group, heldPartition) == embargoedOffset);
                    Thread.sleep(500); // room for a wrong delivery or commit to show
                    assertThat(committed(admin, group, heldPartition)).as("never past the held version").isEqualTo(embargoedOffset);
                    assertThat(receiver.countsById()).doesNotContainKeys(key(subscriberId, embargoed), key(subscriberId, embargoedLater));

                    // When the clock passes the first embargo
                    final Instant movedAt = Instant.now();
                    rig.clock.set(embargo1.plusSeconds(1));

                    // Then it arrives, after the clock moved, and the later embargo still holds
                    await().atMost(SOON).until(() -> receiver.countsById().containsKey(key(subscriberId, embargoed)));
                    assertThat(received(receiver, key(subscriberId, embargoed)).at()).isAfterOrEqualTo(movedAt);
                    assertThat(receiver.countsById()).doesNotContainKey(key(subscriberId, embargoedLater));
                    // its commit moves on once it is delivered
                    await().atMost(SOON).until(() -> committed(admin, group, heldPartition) > embargoedOffset);
                }

                // When the second embargo passes while no publisher runs, and one starts again
                rig.clock.set(embargo2.plusSeconds(1));
                try (PublisherApp second = rig.startPublisher(new NewswireMetrics())) {
                    // Then the version whose embargo ended meanwhile arrives
                    await().atMost(SOON).until(() -> receiver.countsById().containsKey(key(subscriberId, embargoedLater)));
                }

                // When a publisher starts with the group's offsets gone (as after a crash before any commit): it reads
                // every version again
                admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
                final NewswireMetrics thirdMeters = new NewswireMetrics();
                try (PublisherApp third = rig.startPublisher(thirdMeters)) {
                    // Then the ledger turns each of the five deliveries into a skip, and the receiver gets nothing again
                    // (commits are no measure here: other tests' embargoed versions on the shared topic hold them back)
                    await().atMost(FIRST_READ).until(() -> outcomes(thirdMeters, "skipped") >= 5);
                    Thread.sleep(1_000); // room for a wrong second delivery to show
                    assertThat(outcomes(thirdMeters, "delivered")).isZero();
                }
                final List<String> expected = List.of(key(subscriberId, matching), key(subscriberId, withdrawal), key(subscriberId, behind),
                        key(subscriberId, embargoed), key(subscriberId, embargoedLater));
                assertThat(receiver.countsById()).as("each version once; nothing that did not match")
                        .containsOnlyKeys(expected).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
                assertThat(receiver.countsById()).doesNotContainKeys(key(subscriberId, english), key(subscriberId, otherDesk));

                // every delivery is ninjs 3.1 valid against IPTC's schema and verifies with an independent HMAC check
                for (final TestReceiver.Received r : receiver.received()) {
                    assertThat(NinjsSchemas.violations(r.body(), NinjsVersion.V3_1)).as(r.id()).isEmpty();
                    assertThat(r.signature()).isEqualTo(standardWebhooksSignature(secret, r.id(), r.timestamp(), r.body()));
                    assertThat(r.bodyText()).contains("\"uri\":\"urn:newswire:article:");
                }
                // ninjs 3.1 spells it pubStatus (2.x: pubstatus)
                assertThat(received(receiver, key(subscriberId, withdrawal)).bodyText()).contains("\"pubStatus\":\"canceled\"")
                        .contains("\"version\":\"2\"");
                assertThat(received(receiver, key(subscriberId, matching)).bodyText()).contains("\"pubStatus\":\"usable\"")
                        .contains("\"language\":\"ar\"");
            } finally {
                subscribers.remove(subscriberId);
            }
        }
    }

    @Test
    void shouldNotStartDeliveryWhenWebhooksAreDisabled() throws Exception {
        try (PublisherRig rig = new PublisherRig(Map.of(NewswireConfig.PUBLISHER_WEBHOOKS_ENABLED_CONFIG, false));
             PublisherApp app = rig.startPublisher()) {
            assertThat(app.deliversWebhooks()).isFalse();
        }
    }

    private static ArticleUpdate onDesk(final ArticleUpdate version, final String desk) {
        return ArticleUpdate.newBuilder(version).setDesk(desk).build();
    }

    private static String key(final String subscriberId, final ArticleUpdate version) {
        return IdempotencyKeys.of(subscriberId, version.getArticleId(), version.getVersion());
    }

    private static TestReceiver.Received received(final TestReceiver receiver, final String id) {
        return receiver.received().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** Where the producer's default partitioner puts a key (murmur2 of its bytes), among the topic's partitions. */
    private static int partitionOf(final UUID articleId) {
        return Utils.toPositive(Utils.murmur2(articleId.toString().getBytes(StandardCharsets.UTF_8))) % Topics.ARTICLE_UPDATES.partitions();
    }

    private static UUID idOnPartition(final int partition) {
        while (true) {
            final UUID id = UUID.randomUUID();
            if (partitionOf(id) == partition) {
                return id;
            }
        }
    }

    private static long committed(final Admin admin, final String group, final TopicPartition partition) throws Exception {
        final OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private static double outcomes(final NewswireMetrics meters, final String outcome) {
        // summed over subscribers
        return meters.registry().find(WebhookMetrics.DELIVERIES).tag(WebhookMetrics.OUTCOME_TAG, outcome).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /**
     * The receiver's check, written from the Standard Webhooks spec with javax.crypto alone (not our signer): the key
     * is the base64 after {@code whsec_}; the signed bytes are {@code id.timestamp.body}; the header is
     * {@code v1,<base64 HMAC-SHA256>}.
     */
    private static String standardWebhooksSignature(final String secret, final String id, final String timestamp, final byte[] body) throws Exception {
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
