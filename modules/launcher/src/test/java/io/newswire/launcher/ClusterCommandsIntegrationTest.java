package io.newswire.launcher;

import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that talk to the cluster, run as `newswire` runs them against the shared real broker and registry:
 * each option's effect on what the command reads or writes. (Which cluster the connection options pick is
 * ConnectionOptionsTest's; here they are simply given.)
 */
class ClusterCommandsIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();

    @Test
    @Covers({"tail TOPIC", "tail --max"})
    void shouldPrintTheTopicsRecordsUpToMaxWhenTailed() throws Exception {
        final String topic = topicWith("k1", "k2", "k3");

        final CommandRun all = tail(topic, "--idle-ms", "500");
        final CommandRun two = tail(topic, "--max", "2");

        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(lines(all)).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\"topic\":\"" + topic + "\""));
        assertThat(lines(all).get(2)).contains("\"key\":\"k3\"");
        assertThat(lines(two)).hasSize(2);
    }

    @Test
    @Covers({"tail --follow", "tail --idle-ms"})
    void shouldWaitPastTheIdleTimeForTheNextRecordWhenFollowingOrGivenALongerIdle() throws Exception {
        final String followed = topicWith("first");
        final String patient = topicWith("first");

        // When tailing with --follow (and a short idle time it must ignore), then with a long --idle-ms, each for 2 records
        final CompletableFuture<CommandRun> following = CompletableFuture.supplyAsync(() -> tail(followed, "--follow", "--idle-ms", "200", "--max", "2"));
        Thread.sleep(3_000);
        assertThat(following).as("--follow: still waiting after 3 s without records").isNotDone();
        send(followed, "second");
        final CommandRun followRun = following.get(30, TimeUnit.SECONDS);

        final CompletableFuture<CommandRun> waiting = CompletableFuture.supplyAsync(() -> tail(patient, "--idle-ms", "60000", "--max", "2"));
        Thread.sleep(3_000);
        assertThat(waiting).as("--idle-ms 60000: still waiting after 3 s (the default 2 s would have ended it)").isNotDone();
        send(patient, "second");
        final CommandRun patientRun = waiting.get(30, TimeUnit.SECONDS);

        // Then each printed both records, the second one sent while it waited
        assertThat(lines(followRun)).hasSize(2);
        assertThat(lines(followRun).get(1)).contains("\"key\":\"second\"");
        assertThat(lines(patientRun)).hasSize(2);
    }

    @Test
    @Covers({"correspondents add --id", "correspondents add --name", "correspondents add --desk", "correspondents revoke ID"})
    void shouldAddListAndRevokeTheNamedCorrespondent() {
        final String id = STACK.uniqueName("samir");

        final CommandRun added = CommandRun.of(cluster("correspondents", "add", "--id", id, "--name", "Samir Ali", "--desk", "iraq"));
        final CommandRun listed = CommandRun.of(cluster("correspondents", "list"));
        final CommandRun revoked = CommandRun.of(cluster("correspondents", "revoke", id));
        final CommandRun unknown = CommandRun.of(cluster("correspondents", "revoke", id + "-nobody"));
        final CommandRun listedAfter = CommandRun.of(cluster("correspondents", "list"));

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out().trim()).as("the token, printed once").isNotBlank().doesNotContain(" ");
        assertThat(lineOf(listed, id)).contains("Samir Ali").contains("desk=iraq").contains("active since");
        assertThat(revoked.out()).startsWith("Revoked " + id);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("No correspondent " + id + "-nobody");
        assertThat(lineOf(listedAfter, id)).contains("REVOKED");
    }

    @Test
    void shouldCreateTopicsAndRegisterSchemasOnTheGivenClusterWhenInitialised() {
        final CommandRun init = CommandRun.of(cluster("init"));
        final CommandRun topics = CommandRun.of("topics", "create", "--bootstrap-servers", STACK.bootstrapServers());
        final CommandRun register = CommandRun.of("schemas", "register", "--schema-registry-url", STACK.schemaRegistryUrl());
        final CommandRun nowhere = CommandRun.of("schemas", "register", "--schema-registry-url", "http://127.0.0.1:1/apis/ccompat/v7");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("newswire.reports.v1-value").contains("schema id");
        assertThat(topics.exitCode()).as(topics.err()).isZero();
        assertThat(topics.out()).as("init made them all").startsWith("All topics exist.");
        assertThat(register.exitCode()).as(register.err()).isZero();
        assertThat(register.out()).contains("newswire.articles.updates.v1-value");
        assertThat(nowhere.exitCode()).as("a registry that is not there").isNotZero();
    }

    private static String[] cluster(final String... args) {
        final String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--bootstrap-servers";
        all[args.length + 1] = STACK.bootstrapServers();
        all[args.length + 2] = "--schema-registry-url";
        all[args.length + 3] = STACK.schemaRegistryUrl();
        return all;
    }

    private static CommandRun tail(final String topic, final String... options) {
        final String[] args = new String[2 + options.length];
        args[0] = "tail";
        args[1] = topic;
        System.arraycopy(options, 0, args, 2, options.length);
        return CommandRun.of(cluster(args));
    }

    private static String topicWith(final String... keys) throws Exception {
        final String topic = STACK.uniqueName("tail");
        STACK.createTopic(topic, 1, Map.of());
        send(topic, keys);
        return topic;
    }

    private static void send(final String topic, final String... keys) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(STACK.producerConfig(), new StringSerializer(), new StringSerializer())) {
            for (final String key : keys) {
                producer.send(new ProducerRecord<>(topic, key, "not avro: " + key)).get();
            }
        }
    }

    private static List<String> lines(final CommandRun run) {
        return run.out().lines().filter(l -> !l.isBlank()).toList();
    }

    private static String lineOf(final CommandRun run, final String id) {
        return lines(run).stream().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow(
                () -> new AssertionError("no line for " + id + " in:\n" + run.out()));
    }
}
