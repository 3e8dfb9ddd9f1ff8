package io.newswire.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A dynamic class-data-sharing archive of the registry's classes (JDK AppCDS): the first run records the classes it
 * loaded when it exits, later runs map them instead of parsing some 350 jars, which cuts the registry's start
 * roughly in half. The archive is keyed on the JVM and the classpath jars (path, size, time), so any change makes
 * a new one; a stale or broken archive is only ever a slower start (the JVM runs on without it).
 */
final class ClassDataArchive {

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final String PREFIX = "apicurio-";
    private static final String SUFFIX = ".jsa";

    private final Path dir;
    private final Path archive;
    private final Path recording;
    private final boolean enabled;

    private ClassDataArchive(final Path dir, final String key, final boolean enabled) {
        this.dir = dir;
        this.archive = dir.resolve(PREFIX + key + SUFFIX);
        this.recording = dir.resolve(PREFIX + key + "." + UUID.randomUUID() + SUFFIX + ".partial");
        this.enabled = enabled;
    }

    /** An archive for a JVM started with exactly this classpath; {@code enabled=false} gives no options at all. */
    static ClassDataArchive of(final Path dir, final List<Path> classpath, final boolean enabled) {
        return new ClassDataArchive(dir, key(classpath), enabled && Runtime.version().feature() >= 13);
    }

    /** JVM options: map the archive when there is one, else record one at exit. */
    List<String> jvmOptions() {
        if (!enabled) {
            return List.of();
        }
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto")
                // the recording run warns about every class it cannot keep (some 90 lines): expected, so not logged
                : List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds*=off");
    }

    /**
     * After the child JVM exited: puts a freshly recorded archive in place (and drops archives of older keys),
     * unless the JVM was killed, which may have cut the recording short.
     */
    synchronized void publish(final boolean exitedOnItsOwn) {
        if (!enabled || !Files.exists(recording)) {
            return;
        }
        try {
            if (exitedOnItsOwn && Files.size(recording) > 0) {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.debug("Recorded the registry's class-data archive {}", archive);
                deleteOthers();
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (final IOException e) {
            LOG.warn("Could not keep the registry's class-data archive {}: {}", archive, e.getMessage());
        }
    }

    private void deleteOthers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (final Path other : files.filter(f -> f.getFileName().toString().startsWith(PREFIX))
                    .filter(f -> f.getFileName().toString().endsWith(SUFFIX)).filter(f -> !f.equals(archive)).toList()) {
                Files.deleteIfExists(other);
            }
        }
    }

    private static String key(final List<Path> classpath) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.home") + "|" + System.getProperty("java.vm.version")).getBytes(StandardCharsets.UTF_8));
            for (final Path jar : classpath) {
                digest.update(("|" + jar.toAbsolutePath() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
