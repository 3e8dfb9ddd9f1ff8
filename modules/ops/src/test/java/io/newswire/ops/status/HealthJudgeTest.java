package io.newswire.ops.status;

import org.junit.jupiter.api.Test;

import java.time.Duration;
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

    @Test
    void shouldBeUnhealthyWhenAStreamsGroupHasNoMemberOrTheLatencyIsOverTheThresholdOrUnmeasured() {
        final StatusSnapshot.GroupStatus stopped = new StatusSnapshot.GroupStatus("newswire-processing", "EMPTY", 0, 6, null, true,
                List.of(), List.of());
        final StatusSnapshot.GroupStatus running = new StatusSnapshot.GroupStatus("newswire-alerter", "STABLE", 0, 6, null, true, List.of(),
                List.of(new StatusSnapshot.Member("newswire-alerter-1-StreamThread-1-consumer", "/127.0.0.1", List.of("newswire.alerts.v1-0"))));
        final StatusSnapshot.GroupStatus plainEmpty = new StatusSnapshot.GroupStatus("some-tool", "EMPTY", 0, 3, null);
        final StatusSnapshot snapshot = new StatusSnapshot(Instant.EPOCH, "b:9092", null, List.of("1 b:9092"), List.of(),
                List.of(stopped, running, plainEmpty), Map.of(), new StatusSnapshot.Latency(10, 200, 900, 2_500, 3_000), null);

        assertThat(new HealthJudge(100, 5, Duration.ofSeconds(2)).problems(snapshot)).containsExactly(
                "Streams application newswire-processing has no running instance (group EMPTY)",
                "end-to-end latency p99 2500 ms over the last hour (over 2000 ms)");
        assertThat(new HealthJudge(100, 5, Duration.ofSeconds(3)).problems(snapshot)).hasSize(1);
        final StatusSnapshot unmeasured = new StatusSnapshot(Instant.EPOCH, "b:9092", null, List.of("1 b:9092"), List.of(), List.of(), Map.of(),
                null, "RegistryUnavailableException: no answer");
        assertThat(new HealthJudge(100, 5, Duration.ofSeconds(3)).problems(unmeasured))
                .containsExactly("end-to-end latency not measured: RegistryUnavailableException: no answer");
        assertThat(StatusFormat.text(unmeasured, List.of())).contains("(not measured: RegistryUnavailableException: no answer)");
    }

    @Test
    void shouldTakeNearestRankPercentilesWhenSummarisingLatencies() {
        final long[] millis = new long[100];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = 100 - i; // 100 .. 1, unsorted
        }

        assertThat(StatusSnapshot.Latency.of(millis)).isEqualTo(new StatusSnapshot.Latency(100, 50, 95, 99, 100));
        assertThat(StatusSnapshot.Latency.of(new long[]{7})).isEqualTo(new StatusSnapshot.Latency(1, 7, 7, 7, 7));
        assertThat(StatusSnapshot.Latency.of(new long[0])).isNull();
    }
}
