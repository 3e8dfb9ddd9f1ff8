package io.newswire.publisher.webhooks;

import io.newswire.model.WebhookSubscriber;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Subscribers on the real compacted topic: what one admin writes, another process sees; bad input writes nothing. */
class SubscriberAdminIntegrationTest {

    @Test
    void shouldShowEveryInstanceTheSubscribersWhenAddedAndRemoved() throws Exception {
        try (WebhookRig rig = new WebhookRig(Map.of()); SubscriberAdmin writer = rig.admin(); SubscriberAdmin other = rig.admin()) {
            final String id = rig.stack.uniqueName("partner");

            // When a subscriber is added without a secret
            final SubscriberAdmin.Added added = writer.add(id, "https://partner.example/hooks", Map.of("desk", List.of("syria")), null);

            // Then a secret is generated in the Standard Webhooks format, and the other instance sees it all
            assertThat(added.secretGenerated()).isTrue();
            assertThat(WebhookSecrets.key(added.subscriber().getSecret())).hasSize(32);
            await().atMost(Duration.ofSeconds(10)).until(() -> other.list().stream().anyMatch(s -> s.getSubscriberId().equals(id)));
            final WebhookSubscriber seen = other.list().stream().filter(s -> s.getSubscriberId().equals(id)).findFirst().orElseThrow();
            assertThat(seen.getUrl()).isEqualTo("https://partner.example/hooks");
            assertThat(seen.getFilter()).containsEntry("desk", List.of("syria"));

            // When it is removed, it is gone everywhere (a tombstone on the compacted topic)
            assertThat(writer.remove(id)).isPresent();
            await().atMost(Duration.ofSeconds(10)).until(() -> other.list().stream().noneMatch(s -> s.getSubscriberId().equals(id)));
            assertThat(writer.remove(id)).isEmpty();
        }
    }

    @Test
    void shouldWriteNothingWhenTheUrlIsMalformedOrAFilterKeyUnknown() throws Exception {
        try (WebhookRig rig = new WebhookRig(Map.of()); SubscriberAdmin admin = rig.admin()) {
            final String id = rig.stack.uniqueName("typo");
            assertThatThrownBy(() -> admin.add(id, "htp:/partner.example", Map.of(), null))
                    .isInstanceOf(InvalidSubscriberException.class).hasMessageContaining("url: 'htp:/partner.example' must be an absolute http");
            assertThatThrownBy(() -> admin.add(id, "https://partner.example/hooks", Map.of("desks", List.of("syria")), null))
                    .isInstanceOf(InvalidSubscriberException.class).hasMessageContaining("unknown filter key 'desks'");
            assertThatThrownBy(() -> admin.add(id, "https://partner.example/hooks", Map.of(), "secret"))
                    .isInstanceOf(InvalidSubscriberException.class).hasMessageStartingWith("secret: ");
            try (SubscriberAdmin fresh = rig.admin()) {
                assertThat(fresh.list()).noneMatch(s -> s.getSubscriberId().equals(id));
            }
        }
    }
}
