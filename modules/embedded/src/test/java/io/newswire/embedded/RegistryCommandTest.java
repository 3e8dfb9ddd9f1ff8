package io.newswire.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryCommandTest {

    @Test
    void shouldStoreInAnH2FileInTheDataDirWhenPersistent() {
        // When the environment of a persistent registry is made
        final Map<String, String> env = RegistryCommand.environment(Map.of("PATH", "/bin"), 8081, Path.of("/data/registry/registry"));

        // Then it listens on loopback at the port and keeps its data in H2 under the data dir
        assertThat(env).containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1").containsEntry("QUARKUS_HTTP_PORT", "8081")
                .containsEntry("APICURIO_STORAGE_KIND", "sql").containsEntry("APICURIO_STORAGE_SQL_KIND", "h2")
                .containsEntry("PATH", "/bin");
        assertThat(env.get("APICURIO_DATASOURCE_URL")).startsWith("jdbc:h2:file:" + Path.of("/data/registry/registry").toAbsolutePath());
    }

    @Test
    void shouldDropInheritedRegistrySettingsWhenInMemory() {
        // Given a caller whose environment configures some other Apicurio or Quarkus app
        final Map<String, String> inherited = Map.of("APICURIO_STORAGE_KIND", "kafkasql", "QUARKUS_HTTP_PORT", "1", "HOME", "/root");

        // When the environment of an in-memory registry is made
        final Map<String, String> env = RegistryCommand.environment(inherited, 18081, null);

        // Then none of those settings leak in, and no database is configured
        assertThat(env).containsEntry("QUARKUS_HTTP_PORT", "18081").containsEntry("HOME", "/root")
                .doesNotContainKey("APICURIO_STORAGE_KIND").doesNotContainKey("APICURIO_DATASOURCE_URL");
    }

    @Test
    void shouldRunTheMainClassUnderTheParentWatchdogWithASmallHeap() {
        // When the command line is made
        final List<String> command = RegistryCommand.command("/jdk/bin/java", List.of("/c/watchdog.jar", "/a/runner.jar"),
                List.of("-XX:SharedArchiveFile=/c/a.jsa"), "io.quarkus.runner.GeneratedMain");

        // Then the watchdog wraps the runner's main class, with the extra options before the classpath
        assertThat(command).startsWith("/jdk/bin/java").contains("-Xmx256m", "-XX:SharedArchiveFile=/c/a.jsa")
                .endsWith("-cp", "/c/watchdog.jar" + java.io.File.pathSeparator + "/a/runner.jar",
                        ParentWatchdog.class.getName(), "io.quarkus.runner.GeneratedMain");
    }
}
