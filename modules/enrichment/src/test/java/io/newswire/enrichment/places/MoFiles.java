package io.newswire.enrichment.places;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes small gettext .mo catalogues for tests, in the layout msgfmt writes (sorted ids, no hash table). */
final class MoFiles {

    private MoFiles() {
    }

    static Path write(final Path path, final Map<String, String> messages, final ByteOrder order) throws IOException {
        final Map<String, String> sorted = new TreeMap<>(messages);
        sorted.put("", "Content-Type: text/plain; charset=UTF-8\n");
        final List<byte[]> ids = new ArrayList<>();
        final List<byte[]> strs = new ArrayList<>();
        for (final Map.Entry<String, String> e : sorted.entrySet()) {
            ids.add(e.getKey().getBytes(StandardCharsets.UTF_8));
            strs.add(e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        final int n = ids.size();
        final int originals = 28;
        final int translations = originals + n * 8;
        int data = translations + n * 8;
        int size = data;
        for (int i = 0; i < n; i++) {
            size += ids.get(i).length + 1 + strs.get(i).length + 1;
        }
        final ByteBuffer buffer = ByteBuffer.allocate(size).order(order);
        buffer.putInt(0x950412de).putInt(0).putInt(n).putInt(originals).putInt(translations).putInt(0).putInt(0);
        for (final List<byte[]> table : List.of(ids, strs)) {
            for (final byte[] bytes : table) {
                buffer.putInt(bytes.length).putInt(data);
                data += bytes.length + 1;
            }
        }
        for (final List<byte[]> table : List.of(ids, strs)) {
            for (final byte[] bytes : table) {
                buffer.put(bytes).put((byte) 0);
            }
        }
        Files.write(path, buffer.array());
        return path;
    }
}
