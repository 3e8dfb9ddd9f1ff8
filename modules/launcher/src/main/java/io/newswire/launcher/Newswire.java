package io.newswire.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newswire} command: one entry point for running the system locally, operating a cluster and filing
 * reports. Each subcommand is a small class; this one only lists them.
 */
@Command(name = "newswire", mixinStandardHelpOptions = true, version = "newswire 0.1.0",
        description = "Event-driven news-wire ingestion on Apache Kafka.",
        subcommands = {
                DevCommand.class,
                SubmitCommand.class,
                TailCommand.class,
                CorrespondentsCommand.class,
                SubscribersCommand.class,
                TopicsCommand.class,
                SchemasCommand.class,
                InitCommand.class,
                GatewayCommand.class,
                ProcessCommand.class,
                ConfigCommand.class,
                GazetteerCommand.class,
                PublishCommand.class, ApiKeysCommand.class,
                AlertCommand.class, AlertsCommand.class, // alerter (issue 15)
                DashboardCommand.class, // dashboard (issue 16)
                DlqCommand.class, StatusCommand.class, // ops (issue 17)
                CommandLine.HelpCommand.class
        })
public final class Newswire {

    private Newswire() {
    }

    public static void main(final String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of main. */
    public static int run(final String... args) {
        return commandLine().execute(args);
    }

    /** The command tree as {@link #run} executes it; tests walk its specs and parse with it. */
    static CommandLine commandLine() {
        final CommandLine root = new CommandLine(new Newswire()).setCaseInsensitiveEnumValuesAllowed(true);
        giveVersion(root, root.getCommandSpec().version());
        return root;
    }

    /** Every subcommand lists --version (mixinStandardHelpOptions); without this it would print an empty line. */
    private static void giveVersion(final CommandLine command, final String[] version) {
        if (command.getCommandSpec().version().length == 0) {
            command.getCommandSpec().version(version);
        }
        command.getSubcommands().values().forEach(sub -> giveVersion(sub, version));
    }
}
