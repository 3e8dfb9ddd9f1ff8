package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Options every command shares: where the configuration is, and where Kafka and the registry are. Without
 * flags, a command talks to the `newswire dev` stack of the data dir (its endpoints.json), else to the
 * configured defaults.
 */
public final class ConnectionOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with Newswire settings (see `newswire config`).")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Confluent-compatible schema registry URL.")
    String schemaRegistryUrl;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data dir of the local dev stack (default: .newswire, or data.dir).")
    Path dataDir;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "Any Newswire setting, e.g. -D gateway.port=9000.")
    Map<String, String> settings = new HashMap<>();

    /** The settings of this invocation: file, environment, then flags. */
    public NewswireConfig load() {
        final Map<String, Object> overrides = new HashMap<>(settings);
        if (dataDir != null) {
            overrides.put(NewswireConfig.DATA_DIR_CONFIG, dataDir.toString());
        }
        if (bootstrapServers != null) {
            overrides.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            overrides.put(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl);
        }
        return NewswireConfig.load(configFile, System.getenv(), overrides);
    }

    /**
     * The settings, pointed at the running dev stack of the data dir when nothing else says where the cluster
     * is: how `./newswire tail` finds the broker that `./newswire dev` started in another terminal.
     */
    public NewswireConfig loadPreferringDevStack() {
        final NewswireConfig config = load();
        final boolean explicit = bootstrapServers != null || config.originals().containsKey(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (explicit) {
            return config;
        }
        final Optional<Endpoints> dev = Endpoints.read(config.dataDir());
        return dev.map(e -> config.with(Map.of(
                NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, e.bootstrapServers(),
                NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl != null ? schemaRegistryUrl : e.schemaRegistryUrl())))
                .orElse(config);
    }

    /** The dev stack's endpoints, if one wrote them. */
    public Optional<Endpoints> devEndpoints() {
        return Endpoints.read(load().dataDir());
    }
}
