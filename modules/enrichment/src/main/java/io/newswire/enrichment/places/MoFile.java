package io.newswire.enrichment.places;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a compiled gettext catalogue (.mo), the form in which Debian's {@code libgeonames-common} ships GeoNames'
 * names per language: message ids are GeoNames keys (a geonameid such as "172955", an admin1 code such as "SY.04",
 * a country code such as "SY") and the translations are names in that language. Read directly so the derivation needs
 * no gettext tools. The format: a magic number that also gives the byte order, a count, and two tables of
 * (length, offset) pairs for the originals and the translations (GNU gettext manual, "The Format of GNU MO Files").
 */
final class MoFile {

    private static final int MAGIC = 0x950412de;

    private MoFile() {
    }

    /**
     * Every message of the catalogue with a non-empty id, in file order (sorted by id, as msgfmt writes them).
     *
     * @param path the .mo file; never null
     * @return id to translation; the header entry (empty id) is left out
     * @throws IOException if the file cannot be read or is not a .mo catalogue
     */
    static Map<String, String> read(final Path path) throws IOException {
        final ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(path));
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(0) != MAGIC) {
            buffer.order(ByteOrder.BIG_ENDIAN);
            if (buffer.getInt(0) != MAGIC) {
                throw new IOException(path + " is not a gettext .mo file");
            }
        }
        final int count = buffer.getInt(8);
        final int originals = buffer.getInt(12);
        final int translations = buffer.getInt(16);
        final Map<String, String> messages = new LinkedHashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            final String id = string(buffer, originals + i * 8);
            if (!id.isEmpty()) {
                messages.put(id, string(buffer, translations + i * 8));
            }
        }
        return messages;
    }

    private static String string(final ByteBuffer buffer, final int entry) {
        final int length = buffer.getInt(entry);
        final int offset = buffer.getInt(entry + 4);
        // a plural entry holds its forms separated by NUL; GeoNames catalogues have none, the first form is the name
        int end = offset;
        while (end < offset + length && buffer.get(end) != 0) {
            end++;
        }
        final byte[] bytes = new byte[end - offset];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
