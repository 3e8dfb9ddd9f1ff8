package io.newswire.launcher;

import io.newswire.embedded.EmbeddedKafka;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.processing.articles.ArticleVersioner;
import io.newswire.serde.AvroDeserializer;
import io.newswire.serde.SchemaRegistryClient;
import io.newswire.serde.SchemaRegistryClientConfig;
import io.newswire.testkit.NewswireStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.Summary;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every component's {@code /metrics} of a running `newswire dev` with traffic (a report through the gateway to an
 * article the publisher and alerter read, and a garbage record that becomes a dead letter) must parse with a
 * Prometheus text-format parser (Hawkular's, from Maven Central; every sample line must come out as a sample, so a
 * line the lenient parser skipped fails here), and, where Debian's {@code promtool} is installed, pass
 * {@code promtool check metrics} with no complaint. endpoints.json must name each component's scrape URL. Our own
 * meters must move with the traffic (the report counted in every step and as a new article, the garbage record as a
 * dead letter of its stage and reason), and every metric the alerting rules use must be among those exported.
 */
class MetricsEndpointsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The alerting rules of the docker-compose Prometheus (the test runs in modules/launcher). */
    private static final Path RULES = Path.of("..", "..", "deploy", "prometheus", "alerts.yml");
    private static final List<String> COMPONENTS = List.of("gateway", "processing", "publisher", "alerter", "dashboard");

    @Test
    void shouldServeMetricsEveryParserAndPromtoolAcceptWhenEveryComponentRunsWithTraffic() throws Exception {
        // Given dev running on a broker of its own (its Streams apps then read only this test's records)
        final NewswireStack shared = NewswireStack.shared();
        try (EmbeddedKafka kafka = NewswireStack.dedicatedKafka().start()) {
            final NewswireStack cluster = shared.withBroker(kafka.bootstrapServers());
            final Path dataDir = shared.newDir("dev-metrics");
            final DevCommand dev = new DevCommand();
            final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(dev).execute(
                    "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", shared.schemaRegistryUrl(),
                    "--data-dir", dataDir.toString(), "-D", "gateway.port=0", "-D", "metrics.port=0", "-D", "publisher.port=0",
                    "-D", "alerter.port=0", "-D", "dashboard.port=0", "-D", "topics.replication.factor=1"));
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> dev.endpoints() != null || exit.isDone());
                assertThat(exit).as("dev still running").isNotDone();

                // Then endpoints.json names a scrape URL for every component
                final Endpoints written = Endpoints.read(dataDir).orElseThrow();
                assertThat(written.metricsEndpoints()).containsOnlyKeys(COMPONENTS);

                // When there is traffic: a report through the gateway that becomes an article, one it refuses, and a garbage record
                sendTraffic(cluster, written, dataDir, shared.schemaRegistryUrl());

                // Then every component's scrape parses, completely, and shows its own meters
                final Map<String, String> scrapes = new java.util.LinkedHashMap<>();
                for (final String component : COMPONENTS) {
                    scrapes.put(component, scrape(written.metricsEndpoints().get(component)));
                    // kept for a reader of a failure
                    Files.writeString(Path.of("target", "metrics-" + component + ".txt"), scrapes.get(component));
                }
                for (final String component : COMPONENTS) {
                    final String text = scrapes.get(component);
                    final List<MetricFamily> families = parse(text);
                    assertThat(sampleCount(families)).as(component + ": every sample line parsed").isEqualTo(sampleLines(text));
                    assertThat(families).as(component + ": every TYPE line a family").hasSize(typeLines(text));
                    assertThat(families.stream().map(MetricFamily::getName).collect(Collectors.toSet())).as(component)
                            .containsAll(expectedFamilies(component));
                    if ("processing".equals(component)) {
                        // our own meters moved with the traffic: the report through every step to a new article, the
                        // garbage record a dead letter of the deserialize stage with its exception class as reason
                        for (final String step : List.of("validate", "normalize", "enrich", "articles")) {
                            assertThat(sum(text, "newswire_processing_records_total", "step=\"" + step + "\"")).as(step).isEqualTo(1);
                        }
                        assertThat(sum(text, "newswire_processing_dedup_outcomes_total", "outcome=\"new-article\"")).isEqualTo(1);
                        assertThat(sum(text, "newswire_processing_dedup_outcomes_total", "outcome=\"duplicate\"")).isZero();
                        assertThat(sum(text, "newswire_processing_article_versions_total", "signal=\"new\"")).isEqualTo(1);
                        assertThat(sum(text, "newswire_processing_dead_letters_total",
                                "reason=\"org.apache.kafka.common.errors.SerializationException\"", "stage=\"deserialize\"")).isEqualTo(1);
                    }
                    if ("publisher".equals(component)) {
                        // the end-to-end latency measured the report that went through: gateway -> article -> publisher
                        assertThat(text.lines().filter(l -> l.startsWith("newswire_publisher_report_to_published_seconds_count "))
                                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).sum())
                                .as("publisher: end-to-end latency samples").isGreaterThanOrEqualTo(1);
                    }
                    // and promtool, where installed, finds nothing to say
                    promtool(text, "check", "metrics").ifPresent(complaints -> assertThat(complaints).as(component + ": promtool check metrics").isEmpty());
                }
                // every metric the alerting rules use is one a component exports, and the rules pass their own tests
                final String exported = String.join("\n", scrapes.values());
                final List<String> used = ruleMetricNames();
                assertThat(used).contains("newswire_processing_dead_letters_total", "newswire_consumer_group_lag_records",
                        "newswire_publisher_report_to_published_seconds");
                assertThat(used).allSatisfy(name -> assertThat(exported).as("alerts.yml uses " + name).containsPattern("(?m)^" + name + "[{ ]"));
                promtool("", "test", "rules", RULES.resolveSibling("alerts.test.yml").toString())
                        .ifPresent(output -> assertThat(output).as("promtool test rules").contains("SUCCESS").doesNotContain("(exit"));
            } finally {
                dev.stop();
            }
            assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        }
    }

    /** Names a component's traffic must have made visible (one of its own and one of its Kafka clients at least). */
    private static Set<String> expectedFamilies(final String component) {
        return switch (component) {
            case "gateway" -> Set.of("newswire_gateway_reports_accepted_total", "newswire_gateway_reports_rejected_total", "kafka_producer_record_send_total",
                    "process_cpu_seconds_total", "system_available_processors");
            case "processing" -> Set.of("kafka_stream_thread_process_total", "kafka_consumer_fetch_manager_records_consumed_total",
                    "newswire_processing_records_total", "newswire_processing_dead_letters_total", "newswire_processing_dedup_outcomes_total",
                    "newswire_processing_article_versions_total");
            case "alerter" -> Set.of("kafka_stream_thread_process_total", "kafka_consumer_fetch_manager_records_consumed_total");
            case "publisher" -> Set.of("newswire_publisher_articles_held");
            case "dashboard" -> Set.of("newswire_consumer_group_lag_records", "jvm_memory_used_bytes");
            default -> throw new IllegalArgumentException(component);
        };
    }

    private static void sendTraffic(final NewswireStack cluster, final Endpoints written, final Path dataDir, final String registryUrl)
            throws Exception {
        final CommandRun added = CommandRun.of("correspondents", "add", "--id", "reem", "--name", "Reem Haddad",
                "--desk", "syria", "--data-dir", dataDir.toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        final String token = added.out().trim();
        final UUID reportId = UUID.randomUUID();
        final String body = "{\"reportId\":\"" + reportId + "\",\"kind\":\"NEW\",\"language\":\"ar\","
                + "\"headline\":\"عودة التيار الكهربائي إلى أحياء في مدينة حماة\",\"dateline\":\"حماة\","
                + "\"body\":[\"عاد التيار الكهربائي مساء اليوم إلى أحياء في مدينة حماة بعد انقطاع دام يومين بحسب مراسلنا.\"]}";
        final int[] status = new int[1];
        // the gateway's directory may need a moment to see the new token
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            status[0] = HTTP.send(HttpRequest.newBuilder(URI.create(written.gateway() + "/v1/reports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            return status[0] != 401;
        });
        assertThat(status[0]).isEqualTo(202);
        // and one refused: a token nobody was given
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(written.gateway() + "/v1/reports"))
                .header("Authorization", "Bearer not-a-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.producerConfig(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REPORTS.name(), "garbage".getBytes(StandardCharsets.UTF_8),
                    "{not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        final String articleId = ArticleVersioner.articleIdFor(reportId).toString();
        try (SchemaRegistryClient registry = new SchemaRegistryClient(SchemaRegistryClientConfig.of(registryUrl))) {
            cluster.consumeMatching(Topics.ARTICLE_UPDATES.name(), new StringDeserializer(), new AvroDeserializer<>(registry, ArticleUpdate.class),
                    r -> articleId.equals(r.key()), 1, Duration.ofSeconds(60));
        }
        // the publisher has read it once it holds an article; Streams metrics appear once their threads ran
        await().atMost(Duration.ofSeconds(60)).until(() -> scrape(written.metricsEndpoints().get("publisher"))
                .contains("newswire_publisher_articles_held 1.0"));
        // the dashboard's ops sampler (every 10 s) has seen processing's group commit the report's offsets
        await().atMost(Duration.ofSeconds(30)).until(() -> scrape(written.metricsEndpoints().get("dashboard"))
                .contains("newswire_consumer_group_lag_records{group=\"newswire-processing\",partition="));
    }

    /** The sum of a family's samples whose labels include all of {@code labels} ({@code name="value"} each). */
    private static double sum(final String text, final String family, final String... labels) {
        return text.lines().filter(l -> l.startsWith(family + "{") || l.startsWith(family + " "))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l.substring(0, l.lastIndexOf(' '))::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String scrape(final String url) throws IOException, InterruptedException {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static List<MetricFamily> parse(final String text) {
        final CollectorPrometheusMetricsWalker walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), walker).walk();
        return walker.getAllMetricFamilies();
    }

    /** Samples as the parser built them: a histogram's buckets, sum and count, a summary's quantiles, sum and count. */
    private static long sampleCount(final List<MetricFamily> families) {
        long count = 0;
        for (final MetricFamily family : families) {
            for (final Metric metric : family.getMetrics()) {
                if (metric instanceof Histogram histogram) {
                    count += histogram.getBuckets().size() + 2;
                } else if (metric instanceof Summary summary) {
                    count += summary.getQuantiles().size() + 2;
                } else {
                    count++;
                }
            }
        }
        return count;
    }

    private static long sampleLines(final String text) {
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    }

    private static int typeLines(final String text) {
        return (int) text.lines().filter(l -> l.startsWith("# TYPE ")).count();
    }

    /** The metric names the expressions of alerts.yml use (ours and Kafka's; {@code up} is Prometheus' own). */
    private static List<String> ruleMetricNames() throws IOException {
        final java.util.regex.Pattern name = java.util.regex.Pattern.compile("\\b(?:newswire|kafka)_[a-z0-9_]+\\b");
        return Files.readAllLines(RULES).stream().filter(l -> l.trim().startsWith("expr:"))
                .flatMap(l -> name.matcher(l).results().map(java.util.regex.MatchResult::group)).distinct().toList();
    }

    /** What {@code promtool <args>} printed for {@code text} on its standard input, or empty when promtool is not installed. */
    private static java.util.Optional<String> promtool(final String text, final String... args) throws IOException, InterruptedException {
        final java.util.Optional<Path> found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        final Path promtool = found.get();
        final List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        try (var in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return java.util.Optional.of(output.trim() + (process.exitValue() == 0 ? "" : "\n(exit " + process.exitValue() + ")"));
    }
}
