package io.newswire.ops.dlq;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterFilterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    static DeadLetterEntry entry(final int offset, final String stage, final String reason, final Instant failedAt, final String replayOf) {
        return new DeadLetterEntry(new DeadLetterId(0, offset), failedAt, stage, "io.Example", reason, "newswire.reports.v1", 1, 7,
                null, null, replayOf);
    }

    @Test
    void shouldKeepOnlyMatchingDeadLettersWhenStageReasonAndSinceAreGiven() {
        // Given a filter on all three
        final DeadLetterFilter filter = new DeadLetterFilter("Deserialize", "magic", NOW.minusSeconds(3600));

        // Then each criterion must hold: stage (any case), reason part (any case), and time
        assertThat(filter.test(entry(1, "deserialize", "Unknown MAGIC byte", NOW, null))).isTrue();
        assertThat(filter.test(entry(2, "validate", "Unknown magic byte", NOW, null))).as("other stage").isFalse();
        assertThat(filter.test(entry(3, "deserialize", "schema 42 not found", NOW, null))).as("other reason").isFalse();
        assertThat(filter.test(entry(4, "deserialize", "magic byte", NOW.minusSeconds(7200), null))).as("too old").isFalse();
        assertThat(DeadLetterFilter.any().test(entry(5, "x", "y", NOW, null))).isTrue();
        assertThat(DeadLetterFilter.any().selective()).isFalse();
    }

    @Test
    void shouldMatchTheErrorClassWhenTheReasonTextDoesNotSayIt() {
        assertThat(new DeadLetterFilter(null, "example", null).test(entry(1, "enrich", "boom", NOW, null))).isTrue();
    }

    @Test
    void shouldReadSpansAndInstantsWhenParsingSince() {
        assertThat(DeadLetterFilter.since("1h", NOW)).isEqualTo(NOW.minusSeconds(3600));
        assertThat(DeadLetterFilter.since("30m", NOW)).isEqualTo(NOW.minusSeconds(1800));
        assertThat(DeadLetterFilter.since("2d", NOW)).isEqualTo(NOW.minusSeconds(2 * 86400));
        assertThat(DeadLetterFilter.since("90s", NOW)).isEqualTo(NOW.minusSeconds(90));
        assertThat(DeadLetterFilter.since("2026-12-01T00:00:00Z", NOW)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        // a unit we do not know is refused, not read as something else
        assertThatThrownBy(() -> DeadLetterFilter.since("1w", NOW)).hasMessageContaining("--since");
    }

    @Test
    void shouldParseAndPrintIdsWhenTheyArePartitionColonOffset() {
        assertThat(DeadLetterId.parse("2:17")).isEqualTo(new DeadLetterId(2, 17));
        assertThat(new DeadLetterId(2, 17)).hasToString("2:17");
        assertThatThrownBy(() -> DeadLetterId.parse("2-17")).hasMessageContaining("partition:offset");
        assertThatThrownBy(() -> DeadLetterId.parse("-1:3")).hasMessageContaining("partition:offset");
    }
}
