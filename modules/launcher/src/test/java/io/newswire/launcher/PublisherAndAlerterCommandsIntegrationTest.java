package io.newswire.launcher;

import io.newswire.testkit.NewswireStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher's, webhooks' and alerter's admin commands run as `newswire` runs them against the shared real broker
 * and registry: each command-specific option's effect on what is written and listed back. (The connection options
 * are ConnectionOptionsTest's; flag validation without a broker is in AlertsCommandTest and SubscribersCommandTest.)
 */
class PublisherAndAlerterCommandsIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();

    @BeforeAll
    static void initialise() {
        // the admin topics and their schemas, as `init` makes them on a cluster
        final CommandRun init = CommandRun.of(cluster("init"));
        assertThat(init.exitCode()).as(init.err()).isZero();
    }

    @Test
    @Covers({"apikeys add --id", "apikeys add --name", "apikeys add --role", "apikeys add --desk", "apikeys remove ID"})
    void shouldIssueListAndRemoveTheNamedKeyWithItsRoleAndDesks() {
        final String partner = STACK.uniqueName("partner");
        final String staff = STACK.uniqueName("staff");

        final CommandRun added = CommandRun.of(cluster("apikeys", "add", "--id", partner, "--name", "Al Watan", "--role", "PARTNER",
                "--desk", "syria", "--desk", "iraq"));
        final CommandRun addedStaff = CommandRun.of(cluster("apikeys", "add", "--id", staff, "--name", "Desk editors"));
        // a partner key without desks: --role decides that this is refused
        final CommandRun noDesk = CommandRun.of(cluster("apikeys", "add", "--id", partner + "-b", "--name", "B", "--role", "PARTNER"));
        final CommandRun removed = CommandRun.of(cluster("apikeys", "remove", partner));
        final CommandRun unknown = CommandRun.of(cluster("apikeys", "remove", partner + "-nobody"));
        final CommandRun listed = CommandRun.of(cluster("apikeys", "list"));

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out().trim()).as("the key, printed once").startsWith("nwk_");
        assertThat(addedStaff.exitCode()).as(addedStaff.err()).isZero();
        assertThat(noDesk.exitCode()).isEqualTo(2);
        assertThat(noDesk.err()).contains("A partner key names the desks it may read");
        assertThat(removed.out()).startsWith("Removed " + partner);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("No API key " + partner + "-nobody");
        assertThat(lineOf(listed, partner)).contains("Al Watan").contains("PARTNER").contains("desks=syria,iraq").contains("REMOVED");
        assertThat(lineOf(listed, staff)).contains("Desk editors").contains("STAFF").contains("desks=all").contains("active since");
    }

    @Test
    @Covers({"subscribers remove ID"})
    void shouldListTheSubscriberWithItsFilterAndDropItWhenRemoved() {
        final String id = STACK.uniqueName("partner-hook");

        final CommandRun generated = CommandRun.of(cluster("subscribers", "add", "--id", id, "--url", "https://partner.example/hooks",
                "--filter", "desk=syria"));
        final CommandRun listed = CommandRun.of(cluster("subscribers", "list"));
        final CommandRun removed = CommandRun.of(cluster("subscribers", "remove", id));
        final CommandRun unknown = CommandRun.of(cluster("subscribers", "remove", id));
        final CommandRun listedAfter = CommandRun.of(cluster("subscribers", "list"));

        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out().trim()).as("no --secret: one generated and printed once").startsWith("whsec_");
        assertThat(lineOf(listed, id)).contains("https://partner.example/hooks").contains("syria");
        assertThat(removed.out()).startsWith("Removed " + id);
        assertThat(unknown.exitCode()).as("already removed").isEqualTo(1);
        assertThat(listedAfter.out()).doesNotContain(id + " ");
    }

    @Test
    @Covers({"alerts rules list --desk", "alerts rules remove ID"})
    void shouldListOnlyTheDesksRulesAndRemoveTheNamedRule() {
        final String desk = STACK.uniqueName("desk").toLowerCase().replaceAll("[^a-z0-9]", "");
        final String rule = STACK.uniqueName("rule").toLowerCase().replaceAll("[^a-z0-9-]", "-");
        final String other = rule + "-other";

        final CommandRun added = CommandRun.of(cluster("alerts", "rules", "add", "--id", rule, "--desk", desk, "--term", "Aleppo"));
        final CommandRun addedOther = CommandRun.of(cluster("alerts", "rules", "add", "--id", other, "--desk", desk + "x", "--term", "Mosul"));
        final CommandRun ofDesk = CommandRun.of(cluster("alerts", "rules", "list", "--desk", desk));
        final CommandRun all = CommandRun.of(cluster("alerts", "rules", "list"));
        final CommandRun removed = CommandRun.of(cluster("alerts", "rules", "remove", rule));
        final CommandRun unknown = CommandRun.of(cluster("alerts", "rules", "remove", rule));
        final CommandRun ofDeskAfter = CommandRun.of(cluster("alerts", "rules", "list", "--desk", desk));

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(addedOther.exitCode()).as(addedOther.err()).isZero();
        assertThat(lines(ofDesk)).singleElement().asString().contains("\"" + rule + "\"");
        assertThat(all.out()).contains("\"" + rule + "\"").contains("\"" + other + "\"");
        assertThat(removed.out()).startsWith("Removed rule " + rule);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(ofDeskAfter.out()).doesNotContain("\"" + rule + "\"");
    }

    private static String[] cluster(final String... args) {
        final String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--bootstrap-servers";
        all[args.length + 1] = STACK.bootstrapServers();
        all[args.length + 2] = "--schema-registry-url";
        all[args.length + 3] = STACK.schemaRegistryUrl();
        return all;
    }

    private static List<String> lines(final CommandRun run) {
        return run.out().lines().filter(l -> !l.isBlank()).toList();
    }

    private static String lineOf(final CommandRun run, final String id) {
        return lines(run).stream().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow(
                () -> new AssertionError("no line for " + id + " in:\n" + run.out()));
    }
}
