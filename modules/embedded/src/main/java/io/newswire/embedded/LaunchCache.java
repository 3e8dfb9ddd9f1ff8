package io.newswire.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A writable folder kept between runs for what speeds up or guards the registry's child JVM: the
 * {@link ParentWatchdog} jar and the class-data archive. Next to the distribution when that is writable (so
 * {@code mvn clean} removes both), else under the temp dir.
 */
final class LaunchCache {

    private static final String WATCHDOG_CLASS = ParentWatchdog.class.getName().replace('.', '/') + ".class";
    // fixed so the same class always makes the same jar bytes: the class-data archive checks the jar's size and time
    private static final long ENTRY_TIME = 946_684_800_000L;

    private final Path dir;

    private LaunchCache(final Path dir) {
        this.dir = dir;
    }

    static LaunchCache forDistribution(final ApicurioDistribution distribution) {
        final Path beside = distribution.home().resolve(".newswire-cache");
        final Path chosen = Files.isWritable(distribution.home()) ? beside
                : Path.of(System.getProperty("java.io.tmpdir"), "newswire-apicurio-" + distribution.version() + "-" + System.getProperty("user.name"));
        try {
            Files.createDirectories(chosen);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot create " + chosen + ": " + e.getMessage(), e);
        }
        return new LaunchCache(chosen);
    }

    Path dir() {
        return dir;
    }

    /** A jar holding only {@link ParentWatchdog}; rewritten only when the class changed. */
    Path watchdogJar() {
        final Path jar = dir.resolve("newswire-parent-watchdog.jar");
        final byte[] wanted = watchdogJarBytes();
        try {
            if (Files.exists(jar) && Arrays.equals(Files.readAllBytes(jar), wanted)) {
                return jar;
            }
            final Path partial = dir.resolve(jar.getFileName() + "." + UUID.randomUUID() + ".partial");
            Files.write(partial, wanted);
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot write " + jar + ": " + e.getMessage(), e);
        }
    }

    private static byte[] watchdogJarBytes() {
        try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(WATCHDOG_CLASS)) {
            if (in == null) {
                throw new IllegalStateException(WATCHDOG_CLASS + " not found on the classpath");
            }
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                final ZipEntry entry = new ZipEntry(WATCHDOG_CLASS);
                entry.setTime(ENTRY_TIME);
                zip.putNextEntry(entry);
                in.transferTo(zip);
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
