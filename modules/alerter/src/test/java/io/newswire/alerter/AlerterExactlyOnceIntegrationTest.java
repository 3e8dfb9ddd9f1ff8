package io.newswire.alerter;

import io.newswire.alerter.admin.RuleAdmin;
import io.newswire.alerter.rules.RuleParser;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.Alert;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;
import io.newswire.model.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly one alert per (rule, story, escalation) across a crash: the alerter runs in a child JVM that halts right
 * after computing an alert, before its transaction commits, while article versions stream in; it is started again
 * and the alerts on the topic (read_committed) are each there once.
 */
class AlerterExactlyOnceIntegrationTest {

    private static final int STORIES = 24;
    private static final int CRASH_AFTER = 30;

    @Test
    void shouldRaiseEachAlertExactlyOnceWhenTheAlerterDiesBetweenComputingAndCommitting() throws Exception {
        try (AlerterRig rig = new AlerterRig()) {
            // Given two rules, and 40 stories of three versions each: NEW, an UPDATE that does not escalate, a CORRECTION
            final NewswireConfigHolder config = new NewswireConfigHolder(rig);
            try (RuleAdmin admin = RuleAdmin.following(rig.config(), rig.serdes, new MatchingTextNormalizer())) {
                final RuleParser parser = new RuleParser(new MatchingTextNormalizer(), Clock.systemUTC());
                admin.put(parser.parse("{\"ruleId\":\"aleppo-term\",\"desk\":\"syria\",\"terms\":[\"حلب\"]}"));
                admin.put(parser.parse("{\"ruleId\":\"aleppo-place\",\"desk\":\"syria\",\"placeIds\":[\"geonames:170063\"]}"));
            }
            final List<List<ArticleUpdate>> stories = stories();
            final Path log = Files.createTempFile("alerter-child", ".log");
            final long started = System.nanoTime();
            Process child = start(config.settings, log, CRASH_AFTER);
            rig.publish(versions(stories.subList(0, 5)).toArray(ArticleUpdate[]::new));
            rig.alerts(a -> true, 10, Duration.ofSeconds(120)); // the child is up and committing
            final CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
                try {
                    for (final List<ArticleUpdate> story : stories.subList(5, STORIES)) {
                        rig.publish(story.toArray(ArticleUpdate[]::new));
                        Thread.sleep(20);
                    }
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // When it halts on its 30th computed alert, and is started again
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child halted; log %s", log).isTrue();
            assertThat(child.exitValue()).as("halted between computing and committing; log %s", log).isEqualTo(CrashingAlerterMain.HALTED);
            final int committedAtCrash = rig.alerts(a -> true, 0, Duration.ofMillis(500)).size();
            child = start(config.settings, log, 0);
            rest.get(60, TimeUnit.SECONDS);

            // Then every (rule, story) has exactly its FIRST and its CORRECTION, once each
            final int expected = STORIES * 2 * 2;
            final List<Alert> alerts = rig.alerts(a -> true, expected, Duration.ofSeconds(120));
            Thread.sleep(1_000);
            final List<Alert> settled = rig.alerts(a -> true, expected, Duration.ofSeconds(10));
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(committedAtCrash).as("crashed mid-stream").isLessThan(expected);
            assertThat(settled).hasSize(expected);
            assertThat(settled.stream().map(Alert::getAlertId).distinct().count()).isEqualTo(expected);
            final Map<String, List<String>> byRuleAndStory = settled.stream().collect(Collectors.groupingBy(
                    a -> a.getRuleId() + " " + a.getArticleId(), TreeMap::new, Collectors.mapping(Alert::getEscalation, Collectors.toList())));
            assertThat(byRuleAndStory).hasSize(STORIES * 2);
            assertThat(byRuleAndStory.values()).allSatisfy(e -> assertThat(e).containsExactlyInAnyOrder("FIRST", "CORRECTION"));
            System.out.printf("alerter exactly-once: halted after computing its %dth alert with %d of %d committed; after restart %d, "
                    + "none doubled or missing; %d records on the topic counting aborted ones; %.1f s%n", CRASH_AFTER, committedAtCrash, expected, alerts.size(),
                    uncommittedCount(rig), (System.nanoTime() - started) / 1e9);
        }
    }

    /** Settings of the child, kept for its restart (same state dir and application id). */
    private record NewswireConfigHolder(Map<String, Object> settings) {
        NewswireConfigHolder(final AlerterRig rig) {
            this(rig.settings());
        }
    }

    private static List<List<ArticleUpdate>> stories() {
        // one real enrichment, then each story a copy under its own id: the same places, terms and parties as processing gives them
        final RealArticles template = RealArticles.story();
        final ArticleUpdate v1 = template.arabic("قصف مدفعي على قرى ريف حلب الجنوبي", "ريف حلب الجنوبي",
                "تعرضت قرى في ريف حلب الجنوبي لقصف مدفعي ليلي، ونزحت عائلات إلى مدينة حلب.");
        final ArticleUpdate v2 = template.next(Signal.UPDATE, "reem", SourceRole.UPDATE, "syria", "ar", "قصف مدفعي على قرى ريف حلب الجنوبي",
                "ريف حلب الجنوبي", "تعرضت قرى في ريف حلب الجنوبي لقصف مدفعي ليلي، ونزحت عائلات إلى مدينة حلب وريفها.");
        final ArticleUpdate v3 = template.next(Signal.CORRECTION, "reem", SourceRole.CORRECTION, "syria", "ar", "قصف مدفعي على قرى ريف حلب الجنوبي",
                "ريف حلب الجنوبي", "تعرضت ثلاث قرى في ريف حلب الجنوبي لقصف مدفعي ليلي، ونزحت عائلات إلى مدينة حلب.");
        return IntStream.range(0, STORIES).mapToObj(i -> {
            final java.util.UUID id = java.util.UUID.randomUUID();
            return List.of(v1, v2, v3).stream().map(v -> ArticleUpdate.newBuilder(v).setArticleId(id).setUrgency(5).build()).toList();
        }).toList();
    }

    private static List<ArticleUpdate> versions(final List<List<ArticleUpdate>> stories) {
        return stories.stream().flatMap(List::stream).toList();
    }

    private static Process start(final Map<String, Object> settings, final Path log, final int crashAfter) throws Exception {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashingAlerterMain.class.getName()));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        if (crashAfter > 0) {
            command.add("crash.after.alerts=" + crashAfter);
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Records on the alerts topic including aborted ones (read_uncommitted): what the crash left behind uncommitted. */
    private static long uncommittedCount(final AlerterRig rig) {
        final Map<String, Object> props = new java.util.HashMap<>(rig.stack.consumerConfig(null));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = IntStream.range(0, Topics.ALERTS.partitions())
                    .mapToObj(p -> new TopicPartition(Topics.ALERTS.name(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }
}
