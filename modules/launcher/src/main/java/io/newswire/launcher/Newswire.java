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
                TopicsCommand.class,
                SchemasCommand.class,
                InitCommand.class,
                GatewayCommand.class,
                ProcessCommand.class,
                ConfigCommand.class,
                GazetteerCommand.class,
                AlertCommand.class, AlertsCommand.class, // alerter (issue 15)
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
        return new CommandLine(new Newswire()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
