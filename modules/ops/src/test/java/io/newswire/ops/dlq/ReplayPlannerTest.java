package io.newswire.ops.dlq;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.newswire.ops.dlq.DeadLetterFilterTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

class ReplayPlannerTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void shouldSkipReplayedAndFromReplayDeadLettersWhenChoosingByFilter() {
        // Given a fresh dead letter, one already replayed, and one that failed again after a replay
        final DeadLetterEntry fresh = entry(1, "deserialize", "magic byte", NOW, null);
        final DeadLetterEntry replayedBefore = entry(2, "deserialize", "magic byte", NOW, null);
        final DeadLetterEntry failedAgain = entry(3, "deserialize", "magic byte (after replay)", NOW, "0:2");

        // When planned by filter
        final ReplayPlanner.Plan plan = ReplayPlanner.plan(List.of(fresh, replayedBefore, failedAgain), List.of(), Set.of(new DeadLetterId(0, 2)));

        // Then only the fresh one goes back: nothing loops
        assertThat(plan.replay()).containsExactly(fresh);
        assertThat(plan.skipped()).containsOnlyKeys(new DeadLetterId(0, 2), new DeadLetterId(0, 3));
        assertThat(plan.skipped().get(new DeadLetterId(0, 3))).contains("failed again after replaying 0:2");
    }

    @Test
    void shouldReplayNamedDeadLettersWhateverTheirHistoryAndReportMissingOnes() {
        final DeadLetterEntry failedAgain = entry(3, "deserialize", "x", NOW, "0:2");

        final ReplayPlanner.Plan plan = ReplayPlanner.plan(List.of(failedAgain), List.of(new DeadLetterId(0, 3), new DeadLetterId(1, 9),
                new DeadLetterId(0, 3)), Set.of(new DeadLetterId(0, 3)));

        assertThat(plan.replay()).as("the operator named it; once though named twice").containsExactly(failedAgain);
        assertThat(plan.missing()).containsExactly(new DeadLetterId(1, 9));
    }
}
