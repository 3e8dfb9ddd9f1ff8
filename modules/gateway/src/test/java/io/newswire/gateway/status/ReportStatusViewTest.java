package io.newswire.gateway.status;

import io.newswire.gateway.SettableClock;
import io.newswire.model.ReportState;
import io.newswire.model.ReportStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReportStatusViewTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);

    private final SettableClock clock = new SettableClock(NOW);
    private final ReportStatusView view = new ReportStatusView(clock, WINDOW);

    private static ReportStatus status(final UUID id, final ReportState state, final Instant updatedAt) {
        return ReportStatus.newBuilder().setReportId(id).setState(state).setUpdatedAt(updatedAt).build();
    }

    @Test
    void shouldForgetAStateOnceItsLastUpdateIsOlderThanTheWindowAndEvictIt() {
        // Given a state updated a day ago and one updated now
        final UUID older = UUID.randomUUID();
        final UUID newer = UUID.randomUUID();
        view.remember(status(older, ReportState.PROCESSED, NOW.minus(Duration.ofDays(1))));
        view.remember(status(newer, ReportState.DUPLICATE, NOW));

        // When six days and one second pass
        clock.advance(Duration.ofDays(6).plusSeconds(1));

        // Then the older is gone from lookups at once and from memory at the sweep; the newer stays
        assertThat(view.find(older)).isEmpty();
        assertThat(view.find(newer)).map(ReportStatus::getState).contains(ReportState.DUPLICATE);
        assertThat(view.evictExpired()).isEqualTo(1);
        assertThat(view.size()).isEqualTo(1);
    }

    @Test
    void shouldLetALaterStateReplaceTheEarlierAndRestartItsWindow() {
        final UUID id = UUID.randomUUID();
        view.remember(status(id, ReportState.ACCEPTED, NOW));
        clock.advance(Duration.ofDays(5));
        view.remember(status(id, ReportState.PROCESSED, clock.instant()));

        clock.advance(Duration.ofDays(5));

        assertThat(view.find(id)).map(ReportStatus::getState).contains(ReportState.PROCESSED);
        assertThat(view.evictExpired()).isZero();
    }

    @Test
    void shouldNotRecordAStateAlreadyOlderThanTheWindow() {
        view.remember(status(UUID.randomUUID(), ReportState.PROCESSED, NOW.minus(WINDOW).minusMillis(1)));

        assertThat(view.size()).isZero();
        assertThat(view.oldestKept()).isEqualTo(NOW.minus(WINDOW));
    }
}
