package io.newswire.processing;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.runtime.config.NewswireConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances with one application id split the partitions and produce the same articles as one instance. */
class ScaleOutIntegrationTest {

    @Test
    void shouldProduceTheSameArticlesWithTwoInstancesAsWithOne() throws Exception {
        final List<CorrespondentReport> reports = ProcessingRig.stories(40, 2, 7);

        final Set<String> withOne;
        try (ProcessingRig rig = new ProcessingRig();
             ProcessingApp single = ProcessingApp.start(new NewswireConfig(rig.settings("one")))) {
            rig.produce(reports, 0);
            withOne = summary(rig.articleUpdates(80, Duration.ofSeconds(90)));
        }

        final Set<String> withTwo;
        try (ProcessingRig rig = new ProcessingRig();
             ProcessingApp first = ProcessingApp.start(new NewswireConfig(rig.settings("two")));
             ProcessingApp second = ProcessingApp.start(new NewswireConfig(rig.settings("two")))) {
            assertThat(first.awaitRunning(Duration.ofSeconds(60))).isTrue();
            assertThat(second.awaitRunning(Duration.ofSeconds(60))).isTrue();
            rig.produce(reports, 0);
            withTwo = summary(rig.articleUpdates(80, Duration.ofSeconds(90)));
            // both instances hold active tasks: the work is split, not idling on one
            assertThat(activeTasks(first)).isPositive();
            assertThat(activeTasks(second)).isPositive();
        }

        assertThat(withOne).hasSize(80);
        assertThat(withTwo).isEqualTo(withOne);
    }

    private static long activeTasks(final ProcessingApp app) {
        return app.streams().metadataForLocalThreads().stream().map(ThreadMetadata::activeTasks).mapToLong(Set::size).sum();
    }

    /** What an article version is, independent of timing: id, version, signal, headline. */
    private static Set<String> summary(final List<ArticleUpdate> updates) {
        return updates.stream().map(u -> u.getArticleId() + "/" + u.getVersion() + "/" + u.getSignal() + "/" + u.getHeadline())
                .collect(Collectors.toSet());
    }
}
