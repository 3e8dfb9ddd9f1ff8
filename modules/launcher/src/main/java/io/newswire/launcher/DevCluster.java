package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cluster `newswire dev` runs on, decided from the settings alone before anything starts (no Kafka here).
 *
 * <p>Rule: with neither {@code bootstrap.servers} nor {@code schema.registry.url} configured (by flag, -D, the
 * settings file or the environment), dev starts its own embedded broker and registry. With both, it starts neither
 * and runs Newswire's components against the given cluster, with the settings as given (replication factor,
 * auto-registration): a staging cluster is not a single-node toy. With only one of them it refuses: half a cluster
 * would mean mixing the user's broker with a registry they never named, or the reverse.
 *
 * @param external whether dev runs against the configured cluster rather than an embedded one
 */
public record DevCluster(boolean external) {

    /**
     * @param config                  the loaded settings
     * @param embeddedOnlyOptionsGiven flags that only mean something for the embedded stack (--kafka-port ...)
     *                                that the user gave; refused against an external cluster. Empty when none.
     * @throws IllegalArgumentException with the message to show, when the combination cannot be run
     */
    public static DevCluster decide(final NewswireConfig config, final List<String> embeddedOnlyOptionsGiven) {
        final boolean kafka = ConnectionOptions.isSet(config, NewswireConfig.BOOTSTRAP_SERVERS_CONFIG);
        final boolean registry = ConnectionOptions.isSet(config, NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG);
        if (kafka != registry) {
            final String given = kafka ? "bootstrap.servers (--bootstrap-servers)" : "schema.registry.url (--schema-registry-url)";
            final String missing = kafka ? "schema.registry.url (--schema-registry-url)" : "bootstrap.servers (--bootstrap-servers)";
            throw new IllegalArgumentException("dev was given " + given + " but no " + missing + ". To run against an existing "
                    + "cluster give both (by flag, -D, --config file or NEWSWIRE_* environment); to run on the embedded broker "
                    + "and registry give neither. Component by component: `newswire init`, `newswire gateway`, `newswire process`.");
        }
        if (kafka && !embeddedOnlyOptionsGiven.isEmpty()) {
            throw new IllegalArgumentException(String.join(" and ", embeddedOnlyOptionsGiven) + " set ports of the embedded broker "
                    + "and registry, which dev does not start when given --bootstrap-servers and --schema-registry-url; drop "
                    + (embeddedOnlyOptionsGiven.size() == 1 ? "it" : "them") + ".");
        }
        return new DevCluster(kafka);
    }

    /**
     * The settings every component of this dev run gets.
     *
     * @param base              the loaded settings
     * @param bootstrapServers  the embedded broker's; ignored (may be null) when external
     * @param schemaRegistryUrl the embedded registry's; ignored (may be null) when external
     * @param dataDir           the absolute data dir
     */
    public NewswireConfig settings(final NewswireConfig base, final String bootstrapServers, final String schemaRegistryUrl,
                                   final String dataDir) {
        final Map<String, Object> replaced = new HashMap<>();
        replaced.put(NewswireConfig.DATA_DIR_CONFIG, dataDir);
        if (!external) {
            replaced.put(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            replaced.put(NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl);
            // one node: one replica, unless the user asked for more (then the broker's refusal says why)
            replaced.put(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG,
                    stated(base, NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG, "1"));
            // on the throwaway local stack a schema may register itself on first use, unless the user says otherwise
            replaced.put(NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, stated(base, NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "true"));
        }
        return base.with(replaced);
    }

    private static Object stated(final NewswireConfig config, final String key, final String otherwise) {
        return ConnectionOptions.isSet(config, key) ? config.originals().get(key) : otherwise;
    }
}
