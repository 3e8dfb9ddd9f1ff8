package io.newswire.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a request body safely: the size limit is enforced on Content-Length before reading and again while
 * reading (a chunked body declares no length, and a client may lie), the media type is checked, and the bytes
 * must be valid UTF-8. One leading byte order mark is dropped (RFC 8259 lets a parser ignore it, and editors on
 * Windows write one); every other byte is kept.
 */
public final class RequestBody {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private RequestBody() {
    }

    /**
     * @param contentType the Content-Type header. May be null.
     * @param accepted    media types this endpoint takes, e.g. application/json
     * @throws HttpFailure 415 when the type or the charset is not accepted
     */
    public static void checkMediaType(final String contentType, final String... accepted) {
        final String wanted = String.join(" or ", accepted) + " (UTF-8)";
        if (contentType == null || contentType.isBlank()) {
            throw new HttpFailure(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type is missing; send " + wanted);
        }
        final String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        final String type = parts[0].trim();
        boolean known = false;
        for (final String candidate : accepted) {
            known |= candidate.equals(type);
        }
        if (!known) {
            throw new HttpFailure(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + shorten(type) + " is not accepted here; send " + wanted);
        }
        for (int i = 1; i < parts.length; i++) {
            final String parameter = parts[i].trim();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").trim().equals("utf-8")) {
                throw new HttpFailure(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Only UTF-8 is accepted, not " + shorten(parameter.substring(8)));
            }
        }
    }

    /**
     * @param declaredLength Content-Length, or -1 when the body is chunked
     * @param maxBytes       the limit; a body of more bytes is refused without reading past it
     * @throws HttpFailure 413 (too large), 400 (invalid UTF-8, or the connection ended early)
     */
    public static String readUtf8(final InputStream in, final long declaredLength, final int maxBytes) {
        if (declaredLength > maxBytes) {
            throw tooLarge(declaredLength + " bytes declared", maxBytes);
        }
        final byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (final IOException e) {
            throw new HttpFailure(ProblemType.INCOMPLETE_BODY, "The connection ended or stalled before the whole body arrived ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge("more than " + maxBytes + " bytes sent", maxBytes);
        }
        return decodeUtf8(bytes);
    }

    static String decodeUtf8(final byte[] bytes) {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final CharBuffer out = CharBuffer.allocate(bytes.length);
        // decode step by step so the error can name the first bad byte
        if (decoder.decode(in, out, true).isError() || decoder.flush(out).isError()) {
            throw new HttpFailure(ProblemType.INVALID_UTF8, "Invalid UTF-8 at byte " + in.position() + "; reports must be sent as UTF-8");
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == BYTE_ORDER_MARK) {
            out.get();
        }
        return out.toString();
    }

    private static String shorten(final String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private static HttpFailure tooLarge(final String what, final int maxBytes) {
        return new HttpFailure(ProblemType.TOO_LARGE, "The body is too large (" + what + "); at most " + maxBytes + " bytes per request");
    }
}
