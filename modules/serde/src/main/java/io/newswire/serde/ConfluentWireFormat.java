package io.newswire.serde;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format, which every Confluent client and tool reads: one magic byte {@code 0}, the schema id
 * as a 4-byte big-endian integer, then the Avro binary encoding of the value.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {
    }

    /** Prefixes an Avro body with the magic byte and schema id. */
    public static byte[] frame(final int schemaId, final byte[] avroBody) {
        return ByteBuffer.allocate(HEADER_SIZE + avroBody.length).put(MAGIC_BYTE).putInt(schemaId).put(avroBody).array();
    }

    /**
     * The schema id in the header.
     *
     * @throws WireFormatException if the data is shorter than the header or does not start with the magic byte
     */
    public static int schemaId(final byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new WireFormatException("Expected at least " + HEADER_SIZE + " bytes (magic byte + schema id), got " + data.length);
        }
        if (data[0] != MAGIC_BYTE) {
            throw new WireFormatException(String.format("Unknown magic byte 0x%02x: not Confluent wire format (expected 0x00)", data[0]));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    /** The Avro body after the header, without copying. */
    public static ByteBuffer body(final byte[] data) {
        return ByteBuffer.wrap(data, HEADER_SIZE, data.length - HEADER_SIZE);
    }

    /** Thrown for bytes that are not in Confluent's wire format. */
    public static final class WireFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public WireFormatException(final String message) {
            super(message);
        }
    }
}
