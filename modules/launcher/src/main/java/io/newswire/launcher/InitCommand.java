package io.newswire.launcher;

import io.newswire.runtime.config.NewswireConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `newswire init`: what a deployment runs once before the components: create topics, register schemas. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create topics and register schemas (idempotent).")
public final class InitCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        final NewswireConfig config = connection.loadPreferringDevStack();
        final List<String> created = TopicsCommand.createAll(config);
        System.out.println(created.isEmpty() ? "All topics exist." : "Created topics: " + String.join(", ", created));
        final Map<String, Integer> ids = SchemasCommand.registerAll(config);
        ids.forEach((subject, id) -> System.out.printf("%-40s schema id %d%n", subject, id));
        return 0;
    }
}
