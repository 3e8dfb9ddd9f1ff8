package io.newswire.launcher;

import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.NewswireSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `newswire schemas register`: registers each topic's value schema explicitly, as production does with
 * auto-registration off. An incompatible change fails here, naming the subject and the incompatibility.
 */
@Command(name = "schemas", mixinStandardHelpOptions = true, description = "Register Newswire's Avro schemas.",
        subcommands = {SchemasCommand.Register.class})
public final class SchemasCommand {

    static Map<String, Integer> registerAll(final NewswireConfig config) {
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig())) {
            return serdes.registerAll(Topics.all());
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true, description = "Register every topic's value schema (TopicNameStrategy subjects).")
    static final class Register implements Callable<Integer> {
        @Mixin
        RegistryOptions registry;

        @Override
        public Integer call() {
            registerAll(registry.loadPreferringDevStack())
                    .forEach((subject, id) -> System.out.printf("%-40s id %d%n", subject, id));
            return 0;
        }
    }
}
