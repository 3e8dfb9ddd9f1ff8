package io.newswire.publisher.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a newest-first listing ended: the publication time and article id of its last item. The next page
 * starts strictly after it in the listing's order (publication time descending, then article id descending), so
 * articles arriving between two requests never shift or repeat an older page: they are above it.
 *
 * <p>On the wire it is opaque to clients: URL-safe base64 of {@code v1:<epoch millis>:<article id>}.
 */
public record ListingCursor(Instant publishedAt, UUID articleId) {

    private static final String VERSION = "v1";

    /** The opaque form for a {@code cursor} query parameter. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (VERSION + ":" + publishedAt.toEpochMilli() + ":" + articleId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor from its opaque form.
     *
     * @throws IllegalArgumentException saying what is wrong with it, for a 400
     */
    public static ListingCursor decode(final String encoded) {
        final String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("the cursor is not one this API issued (not URL-safe base64)");
        }
        final String[] parts = text.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("the cursor is not one this API issued (unknown layout)");
        }
        try {
            return new ListingCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), UUID.fromString(parts[2]));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("the cursor is not one this API issued (bad time or article id)");
        }
    }
}
