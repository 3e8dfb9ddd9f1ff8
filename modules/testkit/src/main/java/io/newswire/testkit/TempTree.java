package io.newswire.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders of a test JVM: made under the system temp dir, deleted (best effort) when the JVM ends. */
final class TempTree {

    private TempTree() {
    }

    static Path create(final String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot create a temp dir: " + e.getMessage(), e);
        }
    }

    static Path createUnder(final Path root, final String prefix) {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix + "-");
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot create a temp dir under " + root + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the tree; what cannot be deleted (a file still held open) stays. */
    static void deleteQuietly(final Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (final IOException ignored) {
                    // best effort: the OS cleans the temp dir eventually
                }
            });
        } catch (final IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
