package io.newswire.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `newswire config` prints each setting's value as its options make it: file, then -D, and --data-dir. */
class ConfigCommandTest {

    @TempDir
    Path dir;

    @Test
    @Covers({"config --config", "config -D", "config --data-dir"})
    void shouldPrintTheValuesTheFileDAndDataDirGiveWhenAsked() throws IOException {
        final Path file = Files.writeString(dir.resolve("n.properties"), "gateway.port=9100\nprocessing.threads=3\n");

        final CommandRun defaults = CommandRun.of("config");
        final CommandRun given = CommandRun.of("config", "--config", file.toString(), "-D", "processing.threads=5",
                "--data-dir", dir.resolve("elsewhere").toString());

        assertThat(defaults.out()).contains("gateway.port (NEWSWIRE_GATEWAY_PORT)\n  value: 8080")
                .contains("data.dir (NEWSWIRE_DATA_DIR)\n  value: .newswire");
        assertThat(given.out()).contains("gateway.port (NEWSWIRE_GATEWAY_PORT)\n  value: 9100")
                .as("-D wins over the file").contains("processing.threads (NEWSWIRE_PROCESSING_THREADS)\n  value: 5")
                .contains("data.dir (NEWSWIRE_DATA_DIR)\n  value: " + dir.resolve("elsewhere"));
    }
}
