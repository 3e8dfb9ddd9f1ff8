package io.newswire.ops.status;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthJudgeTest {

    private static StatusSnapshot snapshot(final long lag, final long deadLetters) {
        return new StatusSnapshot(Instant.EPOCH, "b:9092", null, List.of("1 b:9092 (controller)"), List.of(),
                List.of(new StatusSnapshot.GroupStatus("newswire-processing", "STABLE", lag, 6, "newswire.reports.v1-2")),
                deadLetters == 0 ? Map.of() : Map.of("deserialize / x", deadLetters));
    }

    @Test
    void shouldBeHealthyWhenLagAndDeadLettersAreAtTheThresholds() {
        assertThat(new HealthJudge(100, 5).problems(snapshot(100, 5))).isEmpty();
    }

    @Test
    void shouldNameEachProblemWhenOverAThreshold() {
        final List<String> problems = new HealthJudge(100, 5).problems(snapshot(101, 6));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("newswire-processing is 101 records behind").contains("newswire.reports.v1-2");
        assertThat(problems.get(1)).contains("6 dead letters in the last hour");
    }

    @Test
    void shouldBeUnhealthyWhenTheClusterDidNotAnswerOrHasNoBroker() {
        final StatusSnapshot unreachable = new StatusSnapshot(Instant.EPOCH, "b:9092", "TimeoutException: no answer", List.of(), List.of(),
                List.of(), Map.of());
        final StatusSnapshot empty = new StatusSnapshot(Instant.EPOCH, "b:9092", null, List.of(), List.of(), List.of(), Map.of());

        assertThat(new HealthJudge(100, 5).problems(unreachable)).containsExactly("cluster unreachable at b:9092: TimeoutException: no answer");
        assertThat(new HealthJudge(100, 5).problems(empty)).containsExactly("no broker in the cluster at b:9092");
    }

    @Test
    void shouldPrintHealthAndProblemsFirstWhenFormatting() {
        final StatusSnapshot lagging = snapshot(101, 0);
        final List<String> problems = new HealthJudge(100, 5).problems(lagging);

        assertThat(StatusFormat.text(lagging, problems)).startsWith("UNHEALTHY").contains("! group newswire-processing").contains("STABLE");
        assertThat(StatusFormat.json(lagging, problems)).contains("\"healthy\" : false").contains("\"lag\" : 101");
    }
}
