package io.newswire.launcher;

import io.newswire.embedded.EmbeddedKafka;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.TopicSpec;
import io.newswire.model.topics.Topics;
import io.newswire.processing.articles.ArticleVersioner;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.SchemaRegistryClient;
import io.newswire.serde.SchemaRegistryClientConfig;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * `newswire dev --bootstrap-servers ... --schema-registry-url ...` on real parts: a broker of its own started apart
 * (standing in for the newsroom's staging cluster) and the shared registry. dev must start no broker or registry,
 * create the topics there, and a report filed through its gateway must come out as an article update on that broker.
 */
class DevAgainstGivenClusterIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @Covers({"dev --bootstrap-servers", "dev --schema-registry-url", "dev --data-dir", "dev -D"})
    void shouldWriteReportsToTheGivenBrokerWhenDevIsGivenACluster() throws Exception {
        // Given a cluster dev did not start (its own broker, the shared registry) and an empty data dir
        final NewswireStack shared = NewswireStack.shared();
        try (EmbeddedKafka users = NewswireStack.dedicatedKafka().start()) {
            final NewswireStack cluster = shared.withBroker(users.bootstrapServers());
            final Path dataDir = shared.newDir("dev-given-cluster");
            final DevCommand dev = new DevCommand();

            // When dev runs with both flags (-D for what a test must choose: free ports, one replica on a one-node cluster)
            final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(dev).execute(
                    "--bootstrap-servers", users.bootstrapServers(), "--schema-registry-url", shared.schemaRegistryUrl(),
                    "--data-dir", dataDir.toString(), "-D", "gateway.port=0", "-D", "metrics.port=0", "-D", "publisher.port=0", "-D", "alerter.port=0", "-D", "dashboard.port=0",
                    "-D", "topics.replication.factor=1"));
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> dev.endpoints() != null || exit.isDone());
                assertThat(exit).as("dev still running").isNotDone();

                // Then endpoints.json names the given cluster, and nothing embedded was started in the data dir
                final Endpoints written = Endpoints.read(dataDir).orElseThrow();
                assertThat(written.bootstrapServers()).isEqualTo(users.bootstrapServers());
                assertThat(written.schemaRegistryUrl()).isEqualTo(shared.schemaRegistryUrl());
                assertThat(URI.create(written.gateway()).getPort()).as("-D gateway.port=0: a free port, not 8080").isNotEqualTo(8080);
                assertThat(dataDir.resolve("kafka")).doesNotExist();
                assertThat(dataDir.resolve("registry")).doesNotExist();
                try (Admin admin = Admin.create(cluster.adminConfig())) {
                    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                            .containsAll(Topics.everything().stream().map(TopicSpec::name).toList());
                }

                // and a correspondent added through the data dir's endpoints, then a report through dev's gateway,
                final CommandRun added = CommandRun.of("correspondents", "add", "--id", "reem", "--name", "Reem Haddad",
                        "--desk", "syria", "--data-dir", dataDir.toString());
                assertThat(added.exitCode()).as(added.err()).isZero();
                final String token = added.out().trim();
                final UUID reportId = UUID.randomUUID();
                final HttpResponse<String> accepted = awaitAccepted(written.gateway(), token, reportId);
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

                // become an article update on the given broker, decoded with the given registry's schema
                final String articleId = ArticleVersioner.articleIdFor(reportId).toString();
                try (SchemaRegistryClient registry = new SchemaRegistryClient(
                        SchemaRegistryClientConfig.of(shared.schemaRegistryUrl()))) {
                    final List<ConsumerRecord<String, ArticleUpdate>> updates = cluster.consumeMatching(Topics.ARTICLE_UPDATES.name(),
                            new StringDeserializer(), new AvroDeserializer<>(registry, ArticleUpdate.class),
                            r -> articleId.equals(r.key()), 1, Duration.ofSeconds(60));
                    assertThat(updates.get(0).value().getHeadline()).isEqualTo("عودة التيار الكهربائي إلى أحياء في مدينة حماة");
                }
            } finally {
                // When it is stopped (as Ctrl-C would, without System.exit)
                dev.stop();
            }

            // Then it closes everything, exits 0 and removes its endpoints file
            assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
            assertThat(dev.awaitStopped(Duration.ofSeconds(1))).isTrue();
            assertThat(dataDir.resolve(Endpoints.FILE_NAME)).doesNotExist();
        }
    }

    private static HttpResponse<String> awaitAccepted(final String gateway, final String token, final UUID reportId) {
        final String body = "{\"reportId\":\"" + reportId + "\",\"kind\":\"NEW\",\"language\":\"ar\","
                + "\"headline\":\"عودة التيار الكهربائي إلى أحياء في مدينة حماة\",\"dateline\":\"حماة\","
                + "\"body\":[\"عاد التيار الكهربائي مساء اليوم إلى أحياء في مدينة حماة بعد انقطاع دام يومين بحسب مراسلنا.\"]}";
        final HttpResponse<String>[] last = new HttpResponse[1];
        // the gateway's directory may need a moment to see the new token
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/reports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            return last[0].statusCode() != 401;
        });
        return last[0];
    }
}
