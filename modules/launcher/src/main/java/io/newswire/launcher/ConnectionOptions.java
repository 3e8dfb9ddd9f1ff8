package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Options of the commands that talk to Kafka and the registry: the {@link ConfigOptions} plus where the cluster is.
 * Without a cluster from flags, -D, the file or the environment, a command talks to the `newswire dev` stack of
 * the data dir (its endpoints.json), else to the configured defaults.
 */
public final class ConnectionOptions {

    @Mixin
    ConfigOptions config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Confluent-compatible schema registry URL.")
    String schemaRegistryUrl;

    /** The settings of this invocation: file, environment, -D, then the cluster flags. */
    public NewswireConfig load() {
        final Map<String, Object> flags = new HashMap<>();
        if (bootstrapServers != null) {
            flags.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            flags.put(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl);
        }
        return config.load(flags);
    }

    /**
     * The settings, pointed at the running dev stack of the data dir when nothing else says where the cluster
     * is: how `./newswire tail` finds the broker that `./newswire dev` started in another terminal.
     */
    public NewswireConfig loadPreferringDevStack() {
        final NewswireConfig loaded = load();
        return preferDevStack(loaded, Endpoints.read(loaded.dataDir()));
    }

    /**
     * The rule of {@link #loadPreferringDevStack()}: bootstrap servers configured anywhere win; otherwise a dev
     * stack's broker, and its registry unless one is configured.
     *
     * @param config the loaded settings
     * @param dev    the endpoints a dev stack wrote, if any
     */
    static NewswireConfig preferDevStack(final NewswireConfig config, final Optional<Endpoints> dev) {
        if (isSet(config, NewswireConfig.BOOTSTRAP_SERVERS_CONFIG) || dev.isEmpty()) {
            return config;
        }
        return config.with(Map.of(
                NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, dev.get().bootstrapServers(),
                NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, isSet(config, NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG)
                        ? config.getString(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG) : dev.get().schemaRegistryUrl()));
    }

    /** Whether a setting was given by the file, the environment or a flag (not left at its default). */
    static boolean isSet(final NewswireConfig config, final String key) {
        return config.originals().containsKey(key);
    }

    /** The dev stack's endpoints, if one wrote them. */
    public Optional<Endpoints> devEndpoints() {
        return Endpoints.read(load().dataDir());
    }
}
