package io.newswire.launcher;

import io.newswire.gateway.auth.CorrespondentAdmin;
import io.newswire.model.CorrespondentCredential;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.NewswireSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Comparator;
import java.util.concurrent.Callable;

/** `newswire correspondents add|list|revoke`: who may file, kept on a compacted topic every gateway follows. */
@Command(name = "correspondents", mixinStandardHelpOptions = true, description = "Issue, list and revoke correspondent tokens.",
        subcommands = {CorrespondentsCommand.Add.class, CorrespondentsCommand.ListAll.class, CorrespondentsCommand.Revoke.class})
public final class CorrespondentsCommand {

    interface AdminAction {
        int run(CorrespondentAdmin admin) throws Exception;
    }

    static int withAdmin(final ConnectionOptions connection, final AdminAction action) throws Exception {
        final NewswireConfig config = connection.loadPreferringDevStack();
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
             CorrespondentAdmin admin = new CorrespondentAdmin(config, serdes)) {
            return action.run(admin);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Issue a token (printed once; only its hash is stored).")
    static final class Add implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Option(names = "--id", required = true, description = "Correspondent id, e.g. reem.haddad")
        String id;
        @Option(names = "--name", required = true, description = "Display name")
        String name;
        @Option(names = "--desk", description = "Default desk for their reports")
        String desk;

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> {
                final CorrespondentAdmin.Issued issued = admin.add(id, name, desk);
                System.err.println("Correspondent " + id + " added. Their token (shown once, store it now):");
                System.out.println(issued.token());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List correspondents (never tokens).")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> {
                admin.list().stream().sorted(Comparator.comparing(CorrespondentCredential::getCorrespondentId)).forEach(c ->
                        System.out.printf("%-20s %-28s desk=%-10s %s%n", c.getCorrespondentId(), c.getDisplayName(), c.getDesk(),
                                c.getRevokedAt() == null ? "active since " + c.getCreatedAt() : "REVOKED " + c.getRevokedAt()));
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a correspondent's token.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> admin.revoke(id).map(c -> {
                System.out.println("Revoked " + id + " at " + c.getRevokedAt());
                return 0;
            }).orElseGet(() -> {
                System.err.println("No correspondent " + id);
                return 1;
            }));
        }
    }
}
