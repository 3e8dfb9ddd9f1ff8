package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.Optional;

/**
 * Options of a command that talks to the schema registry only (`schemas register`): the {@link ConfigOptions} and
 * the registry, without a Kafka flag it would ignore. Without a registry configured anywhere it uses the dev
 * stack's of the data dir.
 */
public final class RegistryOptions {

    @Mixin
    ConfigOptions config;

    @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Confluent-compatible schema registry URL.")
    String schemaRegistryUrl;

    /** The settings, with the dev stack's registry when none is configured and a dev stack wrote its endpoints. */
    public NewswireConfig loadPreferringDevStack() {
        final NewswireConfig loaded = config.load(schemaRegistryUrl == null ? Map.of()
                : Map.of(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl));
        if (ConnectionOptions.isSet(loaded, NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG)) {
            return loaded;
        }
        final Optional<Endpoints> dev = Endpoints.read(loaded.dataDir());
        return dev.map(e -> loaded.with(Map.of(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, e.schemaRegistryUrl()))).orElse(loaded);
    }
}
