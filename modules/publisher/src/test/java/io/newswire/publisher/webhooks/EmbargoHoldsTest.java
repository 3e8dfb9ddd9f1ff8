package io.newswire.publisher.webhooks;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbargoHoldsTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);
    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

    private static EmbargoHolds.Held<String> held(final TopicPartition partition, final String key, final long offset, final Instant until) {
        return new EmbargoHolds.Held<>(partition, key, offset, 0, until, key + "@" + offset);
    }

    @Test
    void shouldHandOverHoldsInTimeOrderAndOnlyOnceWhenTheirEmbargoEnds() {
        // Given three articles held until 12:10, 12:05 and 12:20
        final EmbargoHolds<String> holds = new EmbargoHolds<>();
        holds.hold(held(P0, "a", 1, NOON.plusSeconds(600)));
        holds.hold(held(P1, "b", 4, NOON.plusSeconds(300)));
        holds.hold(held(P0, "c", 2, NOON.plusSeconds(1200)));

        // Then nothing is due a millisecond before the first, and at each instant exactly what has ended, in order
        assertThat(holds.due(NOON.plusSeconds(300).minusMillis(1))).isEmpty();
        assertThat(holds.due(NOON.plusSeconds(600)).stream().map(EmbargoHolds.Held::record)).containsExactly("b@4", "a@1");
        assertThat(holds.due(NOON.plusSeconds(600))).as("handed over once").isEmpty();
        assertThat(holds.size()).isEqualTo(1);
    }

    @Test
    void shouldReplaceTheHoldOfAnArticleWhenALaterVersionMovesItsEmbargo() {
        // Given version 1 of article a held until 12:05
        final EmbargoHolds<String> holds = new EmbargoHolds<>();
        holds.hold(held(P0, "a", 1, NOON.plusSeconds(300)));

        // When version 2 (offset 3) moves the embargo to 12:30
        final var replaced = holds.hold(held(P0, "a", 3, NOON.plusSeconds(1800)));

        // Then version 1 comes back to be released without delivery, and nothing is due at 12:05 any more
        assertThat(replaced).map(EmbargoHolds.Held::offset).contains(1L);
        assertThat(holds.due(NOON.plusSeconds(300))).isEmpty();
        assertThat(holds.due(NOON.plusSeconds(1800)).stream().map(EmbargoHolds.Held::record)).containsExactly("a@3");
    }

    @Test
    void shouldEndAHoldWithoutDeliveryWhenALaterVersionCarriesNoEmbargo() {
        final EmbargoHolds<String> holds = new EmbargoHolds<>();
        holds.hold(held(P0, "a", 1, NOON.plusSeconds(300)));

        assertThat(holds.drop(P0, "a")).map(EmbargoHolds.Held::offset).contains(1L);
        assertThat(holds.drop(P0, "b")).as("nothing held for b").isEmpty();
        assertThat(holds.due(NOON.plusSeconds(3600))).isEmpty();
    }

    @Test
    void shouldForgetOnlyTheHoldsOfPartitionsGivenUp() {
        final EmbargoHolds<String> holds = new EmbargoHolds<>();
        holds.hold(held(P0, "a", 1, NOON));
        holds.hold(held(P1, "b", 1, NOON));

        holds.forget(List.of(P0));

        assertThat(holds.due(NOON).stream().map(EmbargoHolds.Held::record)).containsExactly("b@1");
    }
}
