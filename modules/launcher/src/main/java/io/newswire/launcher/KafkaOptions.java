package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * Options of a command that talks to Kafka only (`topics create`): the {@link ConfigOptions} and the broker, without a
 * registry flag it would ignore. Without a broker configured anywhere it uses the dev stack's of the data dir.
 */
public final class KafkaOptions {

    @Mixin
    ConfigOptions config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka bootstrap servers.")
    String bootstrapServers;

    /** The settings, with the dev stack's broker when none is configured and a dev stack wrote its endpoints. */
    public NewswireConfig loadPreferringDevStack() {
        final NewswireConfig loaded = config.load(bootstrapServers == null ? Map.of()
                : Map.of(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        return ConnectionOptions.preferDevStack(loaded, Endpoints.read(loaded.dataDir()));
    }
}
