package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Options of every command that reads Newswire settings: the settings file, single settings, and the data dir.
 * Commands that also talk to Kafka or the registry take {@link ConnectionOptions} (or {@link RegistryOptions}),
 * which include these; a command that talks to neither offers only these, so it never lists a cluster flag it would
 * ignore.
 */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with Newswire settings (see `newswire config`).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data dir of the local dev stack (default: .newswire, or data.dir).")
    Path dataDir;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "Any Newswire setting, e.g. -D gateway.port=9000.")
    Map<String, String> settings = new HashMap<>();

    /** The environment settings come from; tests replace it instead of the process's own. */
    Map<String, String> environment = System.getenv();

    /** The settings of this invocation: defaults, file, environment, then flags. */
    public NewswireConfig load() {
        return load(Map.of());
    }

    /**
     * As {@link #load()}, with flags of the calling mixin (e.g. --bootstrap-servers) on top of -D.
     *
     * @param flags settings from dedicated flags; win over -D, the environment and the file
     */
    public NewswireConfig load(final Map<String, ?> flags) {
        final Map<String, Object> overrides = new HashMap<>(settings);
        if (dataDir != null) {
            overrides.put(NewswireConfig.DATA_DIR_CONFIG, dataDir.toString());
        }
        overrides.putAll(flags);
        return NewswireConfig.load(configFile, environment, overrides);
    }
}
