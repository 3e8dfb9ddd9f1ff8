package io.newswire.launcher;

import io.newswire.model.ApiKey;
import io.newswire.model.ApiKeyRole;
import io.newswire.publisher.apikeys.ApiKeyAdmin;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.NewswireSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** `newswire apikeys add|list|remove`: who may read the publisher, kept on a compacted topic every publisher follows. */
@Command(name = "apikeys", mixinStandardHelpOptions = true, description = "Issue, list and remove publisher API keys (staff, partners).",
        subcommands = {ApiKeysCommand.Add.class, ApiKeysCommand.ListAll.class, ApiKeysCommand.Remove.class})
public final class ApiKeysCommand {

    interface AdminAction {
        int run(ApiKeyAdmin admin) throws Exception;
    }

    static int withAdmin(final ConnectionOptions connection, final AdminAction action) throws Exception {
        final NewswireConfig config = connection.loadPreferringDevStack();
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
             ApiKeyAdmin admin = new ApiKeyAdmin(config, serdes)) {
            return action.run(admin);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Issue a key (printed once; only its hash is stored).")
    static final class Add implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Option(names = "--id", required = true, description = "Key id, e.g. desk-editors or partner-alwatan")
        String id;
        @Option(names = "--name", required = true, description = "Who holds it")
        String name;
        @Option(names = "--role", defaultValue = "STAFF", description = "STAFF (every desk) or PARTNER (only --desk); default ${DEFAULT-VALUE}")
        ApiKeyRole role;
        @Option(names = "--desk", description = "A desk a PARTNER key may read; repeat for several")
        List<String> desks = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> {
                final ApiKeyAdmin.Issued issued;
                try {
                    issued = admin.add(id, name, role, desks);
                } catch (final IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    return 2;
                }
                System.err.println("API key " + id + " (" + role + ") added. The key (shown once, store it now):");
                System.out.println(issued.secret());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List API keys (never the keys themselves).")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> {
                admin.list().stream().sorted(Comparator.comparing(ApiKey::getKeyId)).forEach(k ->
                        System.out.printf("%-24s %-28s %-8s desks=%-20s %s%n", k.getKeyId(), k.getDisplayName(), k.getRole(),
                                k.getDesks().isEmpty() ? "all" : String.join(",", k.getDesks()),
                                k.getRevokedAt() == null ? "active since " + k.getCreatedAt() : "REMOVED " + k.getRevokedAt()));
                return 0;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an API key: it stops working at once.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> admin.remove(id).map(k -> {
                System.out.println("Removed " + id + " at " + k.getRevokedAt());
                return 0;
            }).orElseGet(() -> {
                System.err.println("No API key " + id);
                return 1;
            }));
        }
    }
}
