package io.newswire.launcher;

import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.PubStatus;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import io.newswire.model.WebhookDelivery;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.serde.NewswireSerdes;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    @Covers({"subscribers replay ID", "subscribers replay --key"})
    void shouldSendAgainOnlyTheNamedSubscribersParkedDeliveriesAndOnlyTheKeyWhenGivenOne() throws Exception {
        // Given two parked deliveries of one subscriber and one of another, as the publisher parks them
        final String id = STACK.uniqueName("parked-hook");
        final String first = id + "-k1";
        final String second = id + "-k2";
        park(id, first);
        park(id, second);
        park(id + "-other", id + "-k3");

        // When replayed with --key, then without
        final CommandRun one = CommandRun.of(cluster("subscribers", "replay", id, "--key", first));
        final CommandRun every = CommandRun.of(cluster("subscribers", "replay", id));

        // Then --key sent that one only, and ID sent its own two (never the other subscriber's)
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(lines(one)).containsExactly(first);
        assertThat(one.err()).contains("1 parked deliveries of " + id + " sent again");
        assertThat(lines(every)).containsExactlyInAnyOrder(first, second);
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

    /** A delivery the publisher gave up on, written to the parking topic with the registered schema. */
    private static void park(final String subscriberId, final String idempotencyKey) throws Exception {
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final UUID report = UUID.randomUUID();
        final ArticleUpdate update = ArticleUpdate.newBuilder().setArticleId(UUID.randomUUID()).setVersion(1).setSignal(Signal.NEW)
                .setPubStatus(PubStatus.USABLE).setLanguage("ar").setHeadline("نزوح عائلات من ريف حلب الجنوبي").setBody(List.of("فقرة أولى."))
                .setTriggeringReportId(report)
                .setSources(List.of(ArticleSource.newBuilder().setReportId(report).setCorrespondentId("reem").setRole(SourceRole.ORIGIN).build()))
                .setFirstCreated(now).setVersionCreated(now).build();
        final WebhookDelivery parked = WebhookDelivery.newBuilder().setIdempotencyKey(idempotencyKey).setSubscriberId(subscriberId)
                .setRound(0).setAttempts(8).setLastError("HTTP 500").setLastHttpStatus(500).setUpdate(update).build();
        final NewswireConfig config = new NewswireConfig(Map.of(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers(),
                NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, STACK.schemaRegistryUrl()));
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
             KafkaProducer<String, WebhookDelivery> producer = new KafkaProducer<>(STACK.producerConfig(),
                     NewswireSerdes.keySerde().serializer(), serdes.<WebhookDelivery>valueSerde(Topics.WEBHOOK_PARKED).serializer())) {
            producer.send(new ProducerRecord<>(Topics.WEBHOOK_PARKED.name(), subscriberId, parked)).get();
        }
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
