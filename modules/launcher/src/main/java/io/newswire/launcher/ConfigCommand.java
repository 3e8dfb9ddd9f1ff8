package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Locale;
import java.util.concurrent.Callable;

/** `newswire config`: every setting with its default, its current value and what it does. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Print every setting: key, environment variable, value, meaning.")
public final class ConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        final NewswireConfig config = options.load();
        for (final ConfigDef.ConfigKey key : NewswireConfig.definition().configKeys().values()) {
            final String env = NewswireConfig.ENV_PREFIX + key.name.toUpperCase(Locale.ROOT).replace('.', '_');
            System.out.printf("%s (%s)%n  value: %s%n  %s%n%n", key.name, env, config.values().get(key.name), key.documentation);
        }
        System.out.println("kafka.* settings go to every Kafka client without the prefix (e.g. kafka.security.protocol);");
        System.out.println("schema.registry.* and basic.auth.* go to the schema registry client.");
        return 0;
    }
}
