package io.newswire.launcher;

import io.newswire.ops.dlq.DeadLetterEntry;
import io.newswire.ops.dlq.DeadLetterFilter;
import io.newswire.ops.dlq.DeadLetterFormat;
import io.newswire.ops.dlq.DeadLetterId;
import io.newswire.ops.dlq.DeadLetterStore;
import io.newswire.ops.dlq.ReplayPlanner;
import io.newswire.ops.dlq.ReplayRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * `newswire dlq list|show|replay`: the dead letters of a running system (newswire.dlq.v1), read and replayed
 * through {@link DeadLetterStore}; wiring only, the rules are in modules/ops.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Dead letters: list, show, replay to their origin topic.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Replay.class})
public final class DlqCommand {

    /** The filter options list and replay share. */
    static final class FilterOptions {
        @Option(names = "--stage", paramLabel = "STAGE", description = "Only dead letters of this stage (deserialize, validate, ...).")
        String stage;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Only dead letters whose reason or error class contains this (any case).")
        String reason;

        @Option(names = "--since", paramLabel = "SPAN|INSTANT", description = "Only those failed since: 90s, 30m, 1h, 2d back, or an ISO-8601 instant.")
        String since;

        DeadLetterFilter filter(final CommandSpec spec) {
            try {
                return new DeadLetterFilter(stage, reason, since == null ? null : DeadLetterFilter.since(since, Instant.now()));
            } catch (final IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List dead letters: a table, or --json.")
    static final class ListLetters implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @CommandLine.ArgGroup(exclusive = false)
        FilterOptions filters = new FilterOptions();

        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            final DeadLetterFilter filter = filters.filter(spec);
            try (DeadLetterStore store = new DeadLetterStore(connection.loadPreferringDevStack())) {
                final List<DeadLetterEntry> entries = store.read(filter.since()).stream().filter(filter).toList();
                out().print(json ? DeadLetterFormat.jsonList(entries) + "\n" : DeadLetterFormat.table(entries));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one dead letter with its original bytes, decoded where they decode (Avro via the registry), else hex.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", paramLabel = "ID", description = "The dead letter's partition:offset, as `dlq list` prints it.")
        String id;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            final DeadLetterId wanted = parse(spec, id);
            try (DeadLetterStore store = new DeadLetterStore(connection.loadPreferringDevStack())) {
                final Optional<DeadLetterEntry> entry = store.read(null).stream().filter(e -> e.id().equals(wanted)).findFirst();
                if (entry.isEmpty()) {
                    System.err.println("No dead letter " + wanted + " on the dead-letter topic.");
                    return 1;
                }
                out().print(json ? DeadLetterFormat.write(DeadLetterFormat.json(entry.get(), store.decode(entry.get()))) + "\n"
                        : DeadLetterFormat.show(entry.get(), store.decode(entry.get())));
            }
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Write dead letters' original bytes back to their origin topic, each replay recorded on newswire.dlq.replays.v1.",
                    "By ID: those, whatever their history. By filter: those never replayed that did not come from a replay."})
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Parameters(arity = "0..*", paramLabel = "ID", description = "Dead letters to replay (partition:offset); or use filters.")
        List<String> ids = List.of();

        @CommandLine.ArgGroup(exclusive = false)
        FilterOptions filters = new FilterOptions();

        @Option(names = "--by", paramLabel = "NAME", description = "Who replays (recorded with each replay; default: $USER).")
        String by;

        @Override
        public Integer call() {
            final DeadLetterFilter filter = filters.filter(spec);
            final List<DeadLetterId> named = ids.stream().map(i -> parse(spec, i)).toList();
            if (named.isEmpty() && !filter.selective()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Name dead letters (ID...) or choose them (--stage, --reason, --since): replay will not send back every dead letter.");
            }
            final String who = by != null ? by : System.getenv().getOrDefault("USER", System.getProperty("user.name", "unknown"));
            final PrintStream out = out();
            try (DeadLetterStore store = new DeadLetterStore(connection.loadPreferringDevStack())) {
                final List<DeadLetterEntry> candidates = store.read(named.isEmpty() ? filter.since() : null).stream()
                        .filter(named.isEmpty() ? filter : e -> true).toList();
                final ReplayPlanner.Plan plan = ReplayPlanner.plan(candidates, named, named.isEmpty() ? store.replayed() : java.util.Set.of());
                for (final DeadLetterEntry entry : plan.replay()) {
                    final ReplayRecord done = store.replay(entry, who, Instant.now());
                    out.println("replayed " + done.deadLetter() + " -> " + done.replayedTo() + "   (" + done.reason() + ")");
                }
                plan.skipped().forEach((id, why) -> out.println("skipped  " + id + ": " + why));
                plan.missing().forEach(id -> System.err.println("No dead letter " + id + " on the dead-letter topic."));
                out.println(plan.replay().size() + " replayed by " + who + ", " + plan.skipped().size() + " skipped");
                return plan.missing().isEmpty() ? 0 : 1;
            }
        }
    }

    private static DeadLetterId parse(final CommandSpec spec, final String id) {
        try {
            return DeadLetterId.parse(id);
        } catch (final IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static PrintStream out() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }
}
