package io.newswire.publisher.embargo;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.publisher.Articles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EmbargoScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private final EmbargoSchedule schedule = new EmbargoSchedule();

    private static ArticleUpdate embargoed(final Instant until) {
        return ArticleUpdate.newBuilder(Articles.arabic(UUID.randomUUID(), NOW)).setEmbargoUntil(until).build();
    }

    @Test
    void shouldReleaseEachArticleOnceInOrderWhenItsTimeComes() {
        final ArticleUpdate later = embargoed(NOW.plus(Duration.ofHours(2)));
        final ArticleUpdate sooner = embargoed(NOW.plus(Duration.ofHours(1)));
        assertThat(schedule.hold(later, NOW)).isTrue();
        assertThat(schedule.hold(sooner, NOW)).isTrue();

        assertThat(schedule.due(NOW.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(schedule.due(NOW.plus(Duration.ofHours(3)))).containsExactly(sooner, later);
        assertThat(schedule.due(NOW.plus(Duration.ofHours(4)))).as("once each").isEmpty();
    }

    @Test
    void shouldNotHoldWhenThereIsNoEmbargoOrItHasEnded() {
        assertThat(schedule.hold(Articles.arabic(UUID.randomUUID(), NOW), NOW)).isFalse();
        assertThat(schedule.hold(embargoed(NOW), NOW)).as("released at the instant itself").isFalse();
        assertThat(schedule.size()).isZero();
    }

    @Test
    void shouldCountFromTheNewTimeWhenANewVersionMovesTheEmbargo() {
        final ArticleUpdate first = embargoed(NOW.plus(Duration.ofHours(1)));
        schedule.hold(first, NOW);
        final ArticleUpdate moved = ArticleUpdate.newBuilder(Articles.next(first, Signal.UPDATE, NOW.plusSeconds(60)))
                .setEmbargoUntil(NOW.plus(Duration.ofHours(5))).build();
        schedule.hold(moved, NOW);

        assertThat(schedule.due(NOW.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(schedule.due(NOW.plus(Duration.ofHours(5)))).containsExactly(moved);
    }

    @Test
    void shouldTellThePublicationTimeFromTheEmbargoWhenLater() {
        final ArticleUpdate version = embargoed(NOW.plusSeconds(10));
        assertThat(Embargo.publicationTime(version)).isEqualTo(NOW.plusSeconds(10));
        assertThat(Embargo.isReleased(version, NOW.plusSeconds(9))).isFalse();
        assertThat(Embargo.publicationTime(Articles.arabic(UUID.randomUUID(), NOW))).isEqualTo(NOW);
    }
}
