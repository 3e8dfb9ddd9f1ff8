package io.newswire.launcher;

import io.newswire.embedded.EmbeddedStack;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.SchemaRegistryClient;
import io.newswire.serde.SchemaRegistryClientConfig;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deployment's sequence, as docker-compose runs it, with production settings (auto-registration off, the
 * default application id): {@code newswire init}, then a gateway and two processing instances, each its own JVM,
 * against a real broker and registry that start empty. Reports go in over HTTP and come out as article updates;
 * then one processing instance is killed (SIGKILL) and the other takes over its partitions.
 */
class ProductionSequenceIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Several desks, so the by-desk partitions (and so the work) spread over both processing instances. */
    private static final List<String> DESKS = List.of("syria", "iraq", "lebanon", "yemen", "sudan", "libya", "gaza", "jordan");
    /** Words for headlines no two of which tell the same story (dedup must not merge the test's reports). */
    private static final List<String> PLACES = List.of("حلب", "حمص", "إدلب", "الرقة", "دير الزور", "درعا", "اللاذقية", "طرطوس",
            "الحسكة", "القامشلي", "منبج", "تدمر", "السويداء", "القنيطرة", "جبلة", "بانياس", "سلمية", "الميادين", "البوكمال", "عفرين");
    private static final List<String> EVENTS = List.of("افتتاح مدرسة جديدة في", "انقطاع المياه عن أحياء", "وصول قافلة إغاثة إلى",
            "حريق في سوق", "إصلاح جسر رئيسي في", "حملة تلقيح للأطفال في", "ارتفاع أسعار الخبز في", "عودة عائلات نازحة إلى");

    private final List<Process> children = new ArrayList<>();
    private EmbeddedStack stack;
    private Path root;

    @AfterEach
    void stopEverything() {
        children.forEach(Process::destroyForcibly);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldRunInitGatewayAndTwoProcessingInstancesWithProductionSettingsAndSurviveLosingOne() throws Exception {
        // Given an empty broker and registry, and the deployment's commands run as separate processes with defaults
        root = NewswireStack.shared().newDir("production");
        stack = EmbeddedStack.temporary(root.resolve("stack"));
        stack.start();
        // the children's logs outlive the run (the temp tree does not), to read when this fails
        final Path logs = Files.createDirectories(Path.of("target", "production-sequence-logs").toAbsolutePath());

        final Process init = start("init", logs, List.of());
        assertThat(init.waitFor(120, TimeUnit.SECONDS)).as("init finished; log %s", logs.resolve("init.log")).isTrue();
        assertThat(init.exitValue()).as("init exit; log %s", logs.resolve("init.log")).isZero();
        final Set<String> registeredByInit = subjects();

        final Process add = start("correspondents-add", logs, List.of("correspondents", "add", "--id", "reem", "--name", "Reem Haddad"));
        assertThat(add.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(add.exitValue()).as("correspondents add; log %s", logs).isZero();
        final List<String> printed = Files.readAllLines(logs.resolve("correspondents-add.out"));
        final String token = printed.get(printed.size() - 1).trim();

        final int gatewayPort = freePort();
        start("gateway", logs, List.of("gateway", "-D", "gateway.port=" + gatewayPort, "-D", "metrics.port=" + freePort()));
        // a killed member's partitions move once its session times out: 10 s here instead of the 45 s default
        final Process first = start("process-1", logs, processArgs(root.resolve("state-1")));
        start("process-2", logs, processArgs(root.resolve("state-2")));
        final String gateway = "http://127.0.0.1:" + gatewayPort;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        // (the group exists only once an instance has loaded enrichment's data and joined: until then, not found)
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> membersWithPartitions().size() == 2);

        // When reports are posted over HTTP
        final Set<String> firstBatch = postReports(gateway, token, 0, 24);

        // Then each became an article version, with both instances at work
        assertThat(triggeringReports(firstBatch, Duration.ofSeconds(120))).containsExactlyInAnyOrderElementsOf(firstBatch);

        // When one processing instance is killed hard and more reports arrive
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        final Set<String> secondBatch = postReports(gateway, token, 24, 24);

        // Then the survivor takes over every desk and all of them come out too, with nothing dead-lettered
        assertThat(triggeringReports(secondBatch, Duration.ofSeconds(150))).as("logs in %s", logs)
                .containsExactlyInAnyOrderElementsOf(secondBatch);
        assertThat(membersWithPartitions()).hasSize(1);
        assertThat(reader().consume(Topics.DEAD_LETTERS.name(), new StringDeserializer(), new StringDeserializer(), 0,
                Duration.ofSeconds(2))).as("dead letters").isEmpty();
        // and no process registered a schema: every subject in use is one init registered
        assertThat(subjects()).isEqualTo(registeredByInit);
        assertThat(registeredByInit).contains(Topics.REPORTS.valueSubject(), Topics.ARTICLE_UPDATES.valueSubject())
                .allSatisfy(subject -> assertThat(subject).startsWith("newswire."));
    }

    private List<String> processArgs(final Path stateDir) {
        return List.of("process", "-D", "processing.state.dir=" + stateDir, "-D", "metrics.port=0", "-D", "kafka.session.timeout.ms=10000",
                "-D", "kafka.heartbeat.interval.ms=1000");
    }

    /** One launcher command in its own JVM, as a deployment runs it: explicit cluster addresses, every other setting default. */
    private Process start(final String name, final Path logs, final List<String> args) throws IOException {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), Newswire.class.getName()));
        command.addAll(args.isEmpty() ? List.of(name) : args);
        command.addAll(List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                "--data-dir", root.resolve("data-" + name).toString()));
        final Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(logs.resolve(name + ".out").toFile()).redirectError(logs.resolve(name + ".log").toFile()).start();
        children.add(process);
        return process;
    }

    private static Set<String> postReports(final String gateway, final String token, final int from, final int count) throws Exception {
        final Set<String> ids = new HashSet<>();
        for (int i = from; i < from + count; i++) {
            final String id = UUID.randomUUID().toString();
            final String headline = EVENTS.get(i % EVENTS.size()) + " " + PLACES.get(i % PLACES.size()) + " " + (i + 1);
            final String body = "{\"reportId\":\"" + id + "\",\"kind\":\"NEW\",\"language\":\"ar\",\"desk\":\"" + DESKS.get(i % DESKS.size())
                    + "\",\"headline\":\"" + headline + "\",\"dateline\":\"" + PLACES.get(i % PLACES.size()) + "\","
                    + "\"body\":[\"" + headline + "، في الخبر رقم " + (i + 1) + " من هذا اليوم.\"],\"byline\":{\"name\":\"ريم حداد\"}}";
            final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/reports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            ids.add(id);
        }
        return ids;
    }

    /** The reports (of those given) that triggered an article version, once all of them have or the time is up. */
    private Set<String> triggeringReports(final Set<String> reportIds, final Duration timeout) {
        try (SchemaRegistryClient registry = registry()) {
            final List<ConsumerRecord<String, ArticleUpdate>> updates = reader().consumeMatching(Topics.ARTICLE_UPDATES.name(), new StringDeserializer(), new AvroDeserializer<>(registry, ArticleUpdate.class),
                    r -> reportIds.contains(r.value().getTriggeringReportId().toString()), reportIds.size(), timeout);
            final Set<String> triggering = new HashSet<>();
            updates.forEach(r -> triggering.add(r.value().getTriggeringReportId().toString()));
            return triggering;
        }
    }

    /** Members of the processing group (its default application id) that hold partitions. */
    private List<MemberDescription> membersWithPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            final ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("newswire-processing"))
                    .describedGroups().get("newswire-processing").get(10, TimeUnit.SECONDS);
            return group.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).toList();
        }
    }

    private Set<String> subjects() throws Exception {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        final Set<String> subjects = new HashSet<>();
        for (final String quoted : response.body().replaceAll("[\\[\\]\\s]", "").split(",")) {
            if (!quoted.isEmpty()) {
                subjects.add(quoted.replace("\"", ""));
            }
        }
        return subjects;
    }

    /** Topic reading helpers aimed at this test's own broker. */
    private NewswireStack reader() {
        return NewswireStack.shared().withBroker(stack.bootstrapServers());
    }

    private SchemaRegistryClient registry() {
        return new SchemaRegistryClient(SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", stack.schemaRegistryUrl())));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
