package io.newswire.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What a node chose on its first start (cluster id, ports), kept as a properties file in its data dir so a
 * restart, or a new instance on the same dir, is the same node at the same address.
 */
final class NodeFile {

    private NodeFile() {
    }

    /** The stored settings, or empty ones when the file does not exist yet. */
    static Properties read(final Path file) {
        final Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (final IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }

    /** Replaces the file in one step, so a crash mid-write never leaves half a file behind. */
    static void write(final Path file, final Properties properties, final String comment) {
        try {
            Files.createDirectories(file.getParent());
            final Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(writer, comment);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The int stored under the key, or the fallback when absent. */
    static int intOr(final Properties properties, final String key, final int fallback) {
        final String value = properties.getProperty(key);
        return value == null ? fallback : Integer.parseInt(value.trim());
    }
}
