package io.newswire.ops.dlq;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.newswire.ops.dlq.DeadLetterFilterTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterFormatTest {

    @Test
    void shouldPrintOneLinePerDeadLetterWithItsReasonWhenListing() {
        final Instant at = Instant.parse("2026-12-03T12:00:00Z");
        final String table = DeadLetterFormat.table(List.of(entry(4, "deserialize", "Unknown magic\nbyte", at, null),
                entry(5, "deserialize", "again", at, "0:4")));

        assertThat(table.lines()).hasSize(4);
        assertThat(table).contains("0:4").contains("Unknown magic byte").contains("newswire.reports.v1/1@7")
                .contains("[replay of 0:4]").endsWith("2 dead letters\n");
        assertThat(DeadLetterFormat.table(List.of())).isEqualTo("No dead letters match.\n");
    }

    @Test
    void shouldKeepTheWholeReasonWhenWritingJson() {
        final String reason = "x".repeat(300);
        final String json = DeadLetterFormat.jsonList(List.of(entry(1, "enrich", reason, Instant.EPOCH, null)));

        assertThat(json).contains(reason).contains("\"id\" : \"0:1\"");
    }
}
