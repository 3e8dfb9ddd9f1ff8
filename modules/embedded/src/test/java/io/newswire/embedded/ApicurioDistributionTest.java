package io.newswire.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApicurioDistributionTest {

    @AfterEach
    void clearOverride() {
        System.clearProperty(ApicurioDistribution.HOME_PROPERTY);
    }

    @Test
    void shouldSayWhereItLookedAndHowToFixItWhenTheDistributionIsMissing(@TempDir final Path dir) {
        // Given an override pointing at a folder that does not exist
        final Path missing = dir.resolve("no-such-apicurio");
        System.setProperty(ApicurioDistribution.HOME_PROPERTY, missing.toString());

        // When the distribution is located, Then the error names the folder, where it came from, and the fix
        assertThatThrownBy(ApicurioDistribution::locate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining(ApicurioDistribution.HOME_PROPERTY)
                .hasMessageContaining("./mvnw");
    }

    @Test
    void shouldFindTheRunnerJarAndItsMainClassWhenOverridden(@TempDir final Path dir) throws Exception {
        // Given a folder holding a runner jar
        final Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "example.Main");
        final Path runner = dir.resolve("apicurio-registry-app-9.9.9-runner.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(runner), manifest)) {
            jar.flush();
        }
        System.setProperty(ApicurioDistribution.HOME_PROPERTY, dir.toString());

        // When the distribution is located
        final ApicurioDistribution distribution = ApicurioDistribution.locate();

        // Then it is that jar, run by its main class
        assertThat(distribution.runnerJar()).isEqualTo(runner.toAbsolutePath());
        assertThat(distribution.mainClass()).isEqualTo("example.Main");
    }
}
