package io.newswire.processing;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once under a hard crash: the processing application runs in a child JVM, is killed with SIGKILL in the
 * middle of a stream of reports, and restarted. Every report is reflected exactly once: each article's versions
 * are 1..n with no duplicate and no gap.
 */
class ExactlyOnceIntegrationTest {

    private static final int STORIES = 80;
    private static final int VERSIONS = 3;

    @Test
    void shouldReflectEveryReportExactlyOnceWhenTheApplicationIsKilledAndRestarted() throws Exception {
        try (ProcessingRig rig = new ProcessingRig()) {
            // Given a processing instance in a child JVM, and 240 reports (80 stories x 3 versions) arriving over time
            final Map<String, Object> settings = rig.settings("eos-" + System.nanoTime());
            final Path log = Files.createTempFile("processing-child", ".log");
            Process child = startChild(settings, log);
            final List<CorrespondentReport> reports = ProcessingRig.stories(STORIES, VERSIONS, 42);
            // the first 30 reports, to know the child is up and processing
            rig.produce(reports.subList(0, 30), 0);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> rig.articleUpdates(20, Duration.ofMillis(300)).size() >= 20);
            final CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                try {
                    rig.produce(reports.subList(30, reports.size()), 30);
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // When it is killed hard while the rest of the reports stream in, and started again
            Thread.sleep(2_000);
            final boolean stillProducing = !producing.isDone();
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no clean close
            final int beforeKill = rig.articleUpdates(0, Duration.ofMillis(100)).size();
            child = startChild(settings, log);
            producing.get(60, TimeUnit.SECONDS);

            // Then every version of every story is there exactly once, in order, with no gap
            final List<ArticleUpdate> updates = rig.articleUpdates(STORIES * VERSIONS, Duration.ofSeconds(90));
            child.destroyForcibly();
            assertThat(stillProducing).as("killed while reports were still arriving").isTrue();
            assertThat(beforeKill).as("killed mid-stream").isLessThan(STORIES * VERSIONS);
            final Map<String, List<Integer>> versionsByArticle = updates.stream().collect(Collectors.groupingBy(
                    u -> u.getArticleId().toString(), TreeMap::new, Collectors.mapping(ArticleUpdate::getVersion, Collectors.toList())));
            assertThat(versionsByArticle).as("articles; child log: %s", log).hasSize(STORIES);
            assertThat(versionsByArticle.values()).allSatisfy(v -> assertThat(v).containsExactly(1, 2, 3));
            assertThat(updates).hasSize(STORIES * VERSIONS);
            System.out.printf("exactly-once: killed with %d of %d versions published; after restart %d versions, none doubled or missing%n",
                    beforeKill, STORIES * VERSIONS, updates.size());
        }
    }

    private static Process startChild(final Map<String, Object> settings, final Path log) throws Exception {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ProcessingApp.class.getName()));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

}
