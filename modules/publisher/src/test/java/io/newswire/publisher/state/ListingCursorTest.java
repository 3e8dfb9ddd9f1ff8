package io.newswire.publisher.state;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListingCursorTest {

    @Test
    void shouldDecodeWhatItEncodedWhenRoundTripped() {
        final ListingCursor cursor = new ListingCursor(Instant.parse("2026-12-03T08:00:00.123Z"), UUID.randomUUID());
        assertThat(ListingCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void shouldSayWhatIsWrongWhenTheCursorIsNotOurs() {
        assertThatThrownBy(() -> ListingCursor.decode("%%%")).hasMessageContaining("not URL-safe base64");
        assertThatThrownBy(() -> ListingCursor.decode("aGVsbG8")).hasMessageContaining("unknown layout"); // "hello"
        final String badTime = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("v1:soon:x".getBytes());
        assertThatThrownBy(() -> ListingCursor.decode(badTime)).hasMessageContaining("bad time or article id");
    }
}
