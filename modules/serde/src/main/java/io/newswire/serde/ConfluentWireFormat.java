package io.newswire.serde;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format, which every Confluent client and tool reads and writes by default: one magic byte
 * {@code 0}, the schema id as a 4-byte big-endian integer, then the Avro binary encoding of the value.
 *
 * <p>Pure byte layout, no registry and no Kafka types: {@link AvroSerializer} and {@link AvroDeserializer} frame and
 * unframe through here only, so the layout has one home.
 */
public final class ConfluentWireFormat {

    /** The first byte of every record in the format: format version 0. */
    public static final byte MAGIC_BYTE = 0x0;
    /** Magic byte plus the 4-byte schema id. */
    public static final int HEADER_SIZE = 5;
    /** Confluent's newer framing with a 16-byte schema GUID instead of an id; recognised only to name it. */
    static final byte MAGIC_BYTE_GUID = 0x1;

    private ConfluentWireFormat() {
    }

    /**
     * The 5 header bytes for a schema id.
     *
     * @param schemaId the registry's id of the writer schema
     * @return a new array: magic byte, then the id big-endian
     */
    public static byte[] header(final int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /**
     * Prefixes an Avro body with the magic byte and schema id.
     *
     * @param schemaId  the registry's id of the writer schema
     * @param avroBody  the Avro binary encoding of the value; not null
     * @return a new array of {@code 5 + avroBody.length} bytes
     */
    public static byte[] frame(final int schemaId, final byte[] avroBody) {
        return ByteBuffer.allocate(HEADER_SIZE + avroBody.length).put(MAGIC_BYTE).putInt(schemaId).put(avroBody).array();
    }

    /**
     * The schema id in the header, after checking the header is there and in this format.
     *
     * @param data a framed record value; not null
     * @return the schema id
     * @throws WireFormatException if the data is shorter than the header or does not start with the magic byte
     */
    public static int schemaId(final byte[] data) {
        return schemaId(data, "record");
    }

    /**
     * Like {@link #schemaId(byte[])}, for a schema id carried elsewhere than the value's prefix (a header).
     *
     * @param what what the bytes are, for the error message (e.g. "header __value_schema_id")
     */
    static int schemaId(final byte[] data, final String what) {
        if (data.length == 0) {
            throw new WireFormatException("Empty " + what + ": expected at least " + HEADER_SIZE
                    + " bytes (magic byte 0x00 + 4-byte schema id)");
        }
        if (data[0] == MAGIC_BYTE_GUID) {
            throw new WireFormatException("Magic byte 0x01 in " + what + ": Confluent's schema-GUID framing, which Newswire"
                    + " does not read; write with the default schema-id prefix (magic byte 0x00)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new WireFormatException(String.format("Unknown magic byte 0x%02x in %s: not Confluent wire format"
                    + " (expected 0x00 then a 4-byte schema id); %d bytes starting %s", data[0], what, data.length, preview(data)));
        }
        if (data.length < HEADER_SIZE) {
            throw new WireFormatException("Truncated " + what + ": expected at least " + HEADER_SIZE
                    + " bytes (magic byte 0x00 + 4-byte schema id), got " + data.length);
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    /**
     * The Avro body after the header, without copying.
     *
     * @param data a framed record value whose header {@link #schemaId(byte[])} accepted
     * @return a read-only view of the bytes after the header
     */
    public static ByteBuffer body(final byte[] data) {
        return ByteBuffer.wrap(data, HEADER_SIZE, data.length - HEADER_SIZE).slice().asReadOnlyBuffer();
    }

    /** The first bytes in hex, so a log line shows what arrived (JSON starts 0x7b, text 0x20-0x7e...). */
    private static String preview(final byte[] data) {
        final StringBuilder hex = new StringBuilder("0x");
        for (int i = 0; i < Math.min(8, data.length); i++) {
            hex.append(String.format("%02x", data[i]));
        }
        return data.length > 8 ? hex.append("...").toString() : hex.toString();
    }

    /** Bytes that are not in Confluent's wire format; the message says what is wrong with them. */
    public static final class WireFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public WireFormatException(final String message) {
            super(message);
        }
    }
}
