package io.newswire.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.alerter.admin.RuleAdmin;
import io.newswire.alerter.rules.InvalidRuleException;
import io.newswire.alerter.rules.RuleParser;
import io.newswire.alerter.rules.RuleProblem;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.AlertRule;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.NewswireSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `newswire alerts rules add|list|remove`: the desks' alert rules on the compacted rules topic every alerter follows.
 * A rule comes from flags or from a JSON file ({@code --file}, the HTTP API's format); either way it is checked by
 * the one {@link RuleParser}, and a bad rule is refused with each problem named.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "Manage the desks' alert rules.",
        subcommands = {AlertsCommand.Rules.class})
public final class AlertsCommand {

    @Command(name = "rules", mixinStandardHelpOptions = true, description = "Add, list and remove alert rules.",
            subcommands = {AlertsCommand.Add.class, AlertsCommand.ListAll.class, AlertsCommand.Remove.class})
    static final class Rules {
    }

    interface AdminAction {
        int run(RuleAdmin admin) throws Exception;
    }

    static int withAdmin(final ConnectionOptions connection, final AdminAction action) throws Exception {
        final NewswireConfig config = connection.loadPreferringDevStack();
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
             RuleAdmin admin = RuleAdmin.following(config, serdes, new MatchingTextNormalizer())) {
            return action.run(admin);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a rule (or replace the rule of that id). Every condition given must hold.")
    static final class Add implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Option(names = "--file", paramLabel = "RULE.json", description = "The rule as JSON (the format of POST /v1/alerts/rules); flags are then not allowed.")
        Path file;
        @Option(names = "--id", description = "Rule id: 2-64 of a-z, 0-9, '.', '_', '-'.")
        String id;
        @Option(names = "--desk", description = "The desk alerted.")
        String desk;
        @Option(names = "--description", description = "What the rule is for.")
        String description;
        @Option(names = "--urgency", paramLabel = "LEVEL", description = "Fires on urgency LEVEL or more urgent (1 is flash).")
        Integer urgency;
        @Option(names = "--term", paramLabel = "TEXT", description = "Watch-list term or name (repeatable); spelling variants and clitics match.")
        List<String> terms = new ArrayList<>();
        @Option(names = "--place", paramLabel = "ID", description = "Gazetteer id, e.g. geonames:170063 (repeatable).")
        List<String> places = new ArrayList<>();
        @Option(names = "--area", paramLabel = "LAT,LON,KM", description = "A named place within KM of the point (repeatable), e.g. 36.2,37.16,25.")
        List<String> areas = new ArrayList<>();
        @Option(names = "--party", paramLabel = "ID", description = "Party or organisation id, e.g. newswire:sdf (repeatable).")
        List<String> parties = new ArrayList<>();
        @Option(names = "--subject", paramLabel = "CODE", description = "IPTC Media Topic, e.g. medtop:16000000 (repeatable).")
        List<String> subjects = new ArrayList<>();
        @Option(names = "--language", paramLabel = "TAG", description = "BCP 47 language, e.g. ar (repeatable).")
        List<String> languages = new ArrayList<>();
        @Option(names = "--signal", paramLabel = "SIGNAL", description = "NEW, UPDATE, CORRECTION or WITHDRAWAL (repeatable).")
        List<String> signals = new ArrayList<>();
        @Option(names = "--escalate-on-corroboration", description = "Alert again when another correspondent corroborates the story.")
        boolean corroboration;

        @Override
        public Integer call() throws Exception {
            if (file != null && !fromFlags().isEmpty()) {
                // the file is the whole rule: a flag beside it would be silently dropped
                System.err.println("Rule refused: --file gives the whole rule; give either --file or the rule flags (--id, --desk, --term ...), not both");
                return 2;
            }
            final RuleParser parser = new RuleParser(new MatchingTextNormalizer(), Clock.systemUTC());
            final AlertRule rule;
            try {
                rule = file != null ? parser.parse(Files.readString(file)) : parser.parse(fromFlags());
            } catch (final InvalidRuleException e) {
                System.err.println("Rule refused:");
                for (final RuleProblem problem : e.problems()) {
                    System.err.println("  " + (problem.pointer().isEmpty() ? "(rule)" : problem.pointer()) + ": " + problem.message());
                }
                return 2;
            }
            return withAdmin(connection, admin -> {
                final boolean replaced = admin.put(rule);
                System.out.println((replaced ? "Replaced" : "Added") + " rule " + rule.getRuleId() + " for desk " + rule.getDesk() + ": "
                        + RuleParser.toJson(rule));
                return 0;
            });
        }

        /** The rule the flags describe, in the HTTP API's JSON format (RuleParser checks it). */
        ObjectNode fromFlags() {
            final ObjectNode node = new ObjectMapper().createObjectNode();
            if (id != null) {
                node.put("ruleId", id);
            }
            if (desk != null) {
                node.put("desk", desk);
            }
            if (description != null) {
                node.put("description", description);
            }
            if (urgency != null) {
                node.put("urgencyAtLeast", urgency);
            }
            list(node, "terms", terms);
            list(node, "placeIds", places);
            list(node, "areas", areas);
            list(node, "partyIds", parties);
            list(node, "subjects", subjects);
            list(node, "languages", languages);
            list(node, "signals", signals);
            if (corroboration) {
                node.put("escalateOnCorroboration", true);
            }
            return node;
        }

        private static void list(final ObjectNode node, final String name, final List<String> values) {
            if (!values.isEmpty()) {
                final ArrayNode array = node.putArray(name);
                values.forEach(array::add);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules in force, one JSON object a line.")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Option(names = "--desk", description = "Only this desk's rules.")
        String desk;

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> {
                admin.list(desk).forEach(rule -> System.out.println(RuleParser.toJson(rule)));
                return 0;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a rule.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            return withAdmin(connection, admin -> {
                if (admin.remove(id)) {
                    System.out.println("Removed rule " + id);
                    return 0;
                }
                System.err.println("No rule " + id);
                return 1;
            });
        }
    }
}
