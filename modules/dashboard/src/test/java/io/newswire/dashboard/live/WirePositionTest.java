package io.newswire.dashboard.live;

import io.newswire.runtime.kafka.StreamPosition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WirePositionTest {

    @Test
    void shouldReadBackItsOwnEventIdAfterMoving() {
        final WirePosition moved = new WirePosition(new StreamPosition(new long[]{0, 0, 0}), new StreamPosition(new long[]{5}))
                .afterArticle(1, 41).afterAlert(0, 9);

        assertThat(moved.eventId()).isEqualTo("0.42.0_10");
        assertThat(WirePosition.parse(moved.eventId(), 3, 1)).contains(moved);
    }

    @Test
    void shouldIgnoreAnIdOfOtherPartitionCountsOrNotOurs() {
        assertThat(WirePosition.parse("0.42.0_10", 6, 1)).isEmpty();
        assertThat(WirePosition.parse("12.0.7", 3, 1)).isEmpty();
        assertThat(WirePosition.parse("a_b", 1, 1)).isEmpty();
        assertThat(WirePosition.parse(null, 1, 1)).isEmpty();
    }
}
