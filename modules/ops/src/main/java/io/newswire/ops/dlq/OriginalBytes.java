package io.newswire.ops.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * A dead letter's original bytes as a person can read them: decoded where they decode (Avro in the registry's wire
 * format, through the decoder given, as JSON), otherwise hex, with the UTF-8 text beside it when the bytes are
 * valid UTF-8 (most garbage is text: a JSON body sent to the wrong topic, a test string).
 *
 * @param encoding {@code avro}, {@code hex} or {@code none} (no bytes)
 * @param decoded  the Avro value as JSON, or null
 * @param hex      the bytes in hex (always, so nothing is hidden by a decoding). May be null (no bytes).
 * @param text     the bytes as UTF-8 when they are valid UTF-8 and not Avro. May be null.
 */
public record OriginalBytes(String encoding, String decoded, String hex, String text) {

    /**
     * @param bytes   the original bytes. May be null.
     * @param avro    decodes wire-format Avro to JSON, empty when the bytes are not that (or the registry lacks the schema)
     */
    public static OriginalBytes of(final byte[] bytes, final Function<byte[], Optional<String>> avro) {
        if (bytes == null) {
            return new OriginalBytes("none", null, null, null);
        }
        final String hex = HexFormat.of().formatHex(bytes);
        final Optional<String> decoded = bytes.length > 5 && bytes[0] == 0 ? avro.apply(bytes) : Optional.empty();
        if (decoded.isPresent()) {
            return new OriginalBytes("avro", decoded.get(), hex, null);
        }
        return new OriginalBytes("hex", null, hex, utf8(bytes).orElse(null));
    }

    private static Optional<String> utf8(final byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (final CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
