package io.newswire.runtime.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamPositionTest {

    @Test
    void shouldMoveOnlyThePartitionOfTheRecordWhenAnEventIsSent() {
        final StreamPosition start = new StreamPosition(new long[]{4, 0, 9});

        assertThat(start.after(1, 7).eventId()).isEqualTo("4.8.9");
        assertThat(start.eventId()).isEqualTo("4.0.9");
    }

    @Test
    void shouldReadBackItsOwnEventId() {
        assertThat(StreamPosition.parse("12.0.7", 3)).contains(new StreamPosition(new long[]{12, 0, 7}));
    }

    @Test
    void shouldIgnoreAnIdThatIsNotAPositionOfThisTopic() {
        // another server's ids, a different partition count, garbage: start as a new client instead of seeking wrongly
        assertThat(StreamPosition.parse("12.0", 3)).isEmpty();
        assertThat(StreamPosition.parse("a.b.c", 3)).isEmpty();
        assertThat(StreamPosition.parse("1.-2.3", 3)).isEmpty();
        assertThat(StreamPosition.parse(null, 3)).isEmpty();
    }
}
