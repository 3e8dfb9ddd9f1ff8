package io.newswire.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a request body safely: the size limit is enforced on Content-Length before reading and again while
 * reading (a chunked body declares no length), the media type is checked, and the bytes must be valid UTF-8.
 */
public final class RequestBody {

    private RequestBody() {
    }

    /**
     * @param contentType the Content-Type header. May be null.
     * @param accepted    media types this endpoint takes, e.g. application/json
     */
    public static void checkMediaType(final String contentType, final String... accepted) {
        if (contentType == null) {
            throw new HttpFailure(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "Content-Type is missing; send " + String.join(" or ", accepted) + " (UTF-8)"));
        }
        final String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        final String type = parts[0].trim();
        boolean known = false;
        for (final String candidate : accepted) {
            known |= candidate.equals(type);
        }
        if (!known) {
            throw new HttpFailure(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "Content-Type " + type + " is not accepted here; send " + String.join(" or ", accepted) + " (UTF-8)"));
        }
        for (int i = 1; i < parts.length; i++) {
            final String parameter = parts[i].trim();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
                throw new HttpFailure(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                        "Only UTF-8 is accepted, not " + parameter.substring(8)));
            }
        }
    }

    /**
     * @param declaredLength Content-Length, or -1 when the body is chunked
     */
    public static String readUtf8(final InputStream in, final long declaredLength, final int maxBytes) {
        if (declaredLength > maxBytes) {
            throw tooLarge(declaredLength + " bytes declared", maxBytes);
        }
        final byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (final IOException e) {
            throw new HttpFailure(Problem.of("incomplete-body", "The request body could not be read", 400,
                    "The connection ended before the whole body arrived: " + e.getMessage()));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge("more than " + maxBytes + " bytes sent", maxBytes);
        }
        return decodeUtf8(bytes);
    }

    static String decodeUtf8(final byte[] bytes) {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (final MalformedInputException e) {
            final int at = firstInvalidByte(bytes);
            throw new HttpFailure(Problem.of("invalid-utf8", "The body is not valid UTF-8", 400,
                    "Invalid UTF-8 at byte " + at + "; reports must be sent as UTF-8"));
        } catch (final CharacterCodingException e) {
            throw new HttpFailure(Problem.of("invalid-utf8", "The body is not valid UTF-8", 400, e.toString()));
        }
    }

    private static int firstInvalidByte(final byte[] bytes) {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static HttpFailure tooLarge(final String what, final int maxBytes) {
        return new HttpFailure(Problem.of("too-large", "The request is too large", 413,
                "The body is too large (" + what + "); at most " + maxBytes + " bytes per request"));
    }
}
