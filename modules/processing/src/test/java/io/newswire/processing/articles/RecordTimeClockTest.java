package io.newswire.processing.articles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTimeClockTest {

    private static final long HOUR = 3_600_000L;

    @Test
    void shouldHaveNoTimeBeforeTheFirstRecord() {
        assertThat(new RecordTimeClock().now(5 * HOUR)).isEqualTo(-1);
    }

    @Test
    void shouldMeasureAReplayedBacklogInTheRecordsTimeNotTheHoursSinceItWasFiled() {
        // Given records filed two hours ago, replayed now within a few seconds
        final RecordTimeClock clock = new RecordTimeClock();
        final long wallNow = 10 * HOUR;
        clock.observe(wallNow - 2 * HOUR, wallNow);
        clock.observe(wallNow - 2 * HOUR + 60_000, wallNow + 2_000);

        // Then the time is the newest record's, plus the 1 s since it was read
        assertThat(clock.now(wallNow + 3_000)).isEqualTo(wallNow - 2 * HOUR + 61_000);
    }

    @Test
    void shouldMoveOnWithTheWallClockWhileNoNewerRecordArrives() {
        final RecordTimeClock clock = new RecordTimeClock();
        clock.observe(1_000, 50_000);
        assertThat(clock.now(50_000 + HOUR)).isEqualTo(1_000 + HOUR);
    }

    @Test
    void shouldNotGoBackForAnOlderRecord() {
        final RecordTimeClock clock = new RecordTimeClock();
        clock.observe(10_000, 10_000);
        clock.observe(5_000, 20_000);
        assertThat(clock.now(20_000)).isEqualTo(20_000);
    }
}
