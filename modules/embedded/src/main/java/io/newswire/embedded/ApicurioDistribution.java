package io.newswire.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where Apicurio Registry's distribution ({@code io.apicurio:apicurio-registry-app:<version>:tar.gz:all}) is
 * unpacked: the system property {@value #HOME_PROPERTY}, else the environment variable {@value #HOME_ENV}, else
 * where this module's build unpacked it ({@code apicurio.properties}).
 *
 * @param home       the folder holding the runner jar and its {@code lib/}
 * @param runnerJar  the Quarkus runner jar
 * @param mainClass  the runner jar's main class
 * @param version    the Apicurio version this build expects
 */
record ApicurioDistribution(Path home, Path runnerJar, String mainClass, String version) {

    static final String HOME_ENV = "NEWSWIRE_APICURIO_HOME";
    static final String HOME_PROPERTY = "newswire.apicurio.home";

    static ApicurioDistribution locate() {
        final Properties build = buildInfo();
        final String version = build.getProperty("apicurio.version", "?");
        final String property = System.getProperty(HOME_PROPERTY);
        final String env = System.getenv(HOME_ENV);
        final String chosen = property != null ? property : env != null ? env : build.getProperty("apicurio.home");
        final String source = property != null ? "system property " + HOME_PROPERTY
                : env != null ? "environment variable " + HOME_ENV : "apicurio.properties (set by the build)";
        final Path home = Path.of(chosen).toAbsolutePath();
        final Path runner = findRunnerJar(home, source, version);
        return new ApicurioDistribution(home, runner, mainClassOf(runner), version);
    }

    private static Path findRunnerJar(final Path home, final String source, final String version) {
        final String help = ". Build it with `./mvnw -B install -DskipTests` (the newswire-embedded module unpacks it), or set "
                + HOME_ENV + " / -D" + HOME_PROPERTY + " to an unpacked io.apicurio:apicurio-registry-app:" + version + ":tar.gz:all.";
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException("Apicurio Registry distribution not found at " + home + " (from " + source + ")" + help);
        }
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No *-runner.jar in " + home + " (from " + source + ")" + help));
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot list " + home + ": " + e.getMessage(), e);
        }
    }

    private static String mainClassOf(final Path runner) {
        try (JarFile jar = new JarFile(runner.toFile())) {
            final String main = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (main == null) {
                throw new IllegalStateException(runner + " names no Main-Class");
            }
            return main;
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read " + runner + ": " + e.getMessage(), e);
        }
    }

    private static Properties buildInfo() {
        final Properties properties = new Properties();
        try (InputStream in = ApicurioDistribution.class.getResourceAsStream("apicurio.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/newswire/embedded/apicurio.properties is missing from the classpath: "
                        + "build newswire-embedded with Maven (./mvnw -B install -DskipTests)");
            }
            properties.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
