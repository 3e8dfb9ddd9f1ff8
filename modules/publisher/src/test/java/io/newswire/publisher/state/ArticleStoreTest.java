package io.newswire.publisher.state;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.publisher.Articles;
import io.newswire.publisher.filter.ArticleFilter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private final MutableClock clock = new MutableClock(T0.plusSeconds(3600));
    private final ArticleStore store = new ArticleStore(clock, Duration.ofDays(30));

    @Test
    void shouldListNewestFirstAcrossPagesWithoutRepeatsWhenPaged() {
        // Given 25 articles a minute apart
        final List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            final UUID id = UUID.randomUUID();
            ids.add(0, id);
            store.apply(Articles.arabic(id, T0.plusSeconds(60L * i)));
        }

        // When read 10 at a time
        final List<UUID> seen = new ArrayList<>();
        ListingCursor cursor = null;
        int pages = 0;
        do {
            final ArticlePage page = store.list(ArticleFilter.ALL, cursor, 10);
            page.articles().forEach(a -> seen.add(a.getArticleId()));
            cursor = page.next();
            pages++;
        } while (cursor != null);

        // Then every article once, newest first, in 3 pages
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void shouldEndTheLastPageWithoutACursorWhenExactlyFull() {
        store.apply(Articles.arabic(UUID.randomUUID(), T0));
        store.apply(Articles.arabic(UUID.randomUUID(), T0.plusSeconds(1)));
        assertThat(store.list(ArticleFilter.ALL, null, 2).next()).isNull();
    }

    @Test
    void shouldMoveAnArticleToTheTopAndKeepEveryVersionWhenANewVersionArrives() {
        final ArticleUpdate older = Articles.arabic(UUID.randomUUID(), T0);
        final ArticleUpdate newer = Articles.english(UUID.randomUUID(), T0.plusSeconds(60));
        store.apply(older);
        store.apply(newer);
        final ArticleUpdate corrected = Articles.next(older, Signal.CORRECTION, T0.plusSeconds(120));
        store.apply(corrected);
        store.apply(older); // a replay of version 1 changes nothing

        assertThat(store.list(ArticleFilter.ALL, null, 10).articles()).extracting(ArticleUpdate::getArticleId)
                .containsExactly(older.getArticleId(), newer.getArticleId());
        assertThat(store.latest(older.getArticleId())).contains(corrected);
        assertThat(store.version(older.getArticleId(), 1)).contains(older);
        assertThat(store.version(older.getArticleId(), 3)).isEmpty();
        assertThat(store.versionCount()).isEqualTo(3);
    }

    @Test
    void shouldFilterOnTheLatestVersionWhenListing() {
        final ArticleUpdate first = Articles.arabic(UUID.randomUUID(), T0);
        store.apply(first);
        store.apply(Articles.next(first, Signal.WITHDRAWAL, T0.plusSeconds(60)));

        assertThat(store.list(ArticleFilter.parse(Map.of("pubstatus", List.of("usable"))), null, 10).articles()).isEmpty();
        assertThat(store.list(ArticleFilter.parse(Map.of("pubstatus", List.of("canceled"))), null, 10).articles()).hasSize(1);
    }

    @Test
    void shouldHideAnEmbargoedArticleUntilItsTimeThenListItOnTopWhenReleased() {
        // Given an article embargoed until two hours from now, and a newer one without an embargo
        final Instant until = clock.instant().plus(Duration.ofHours(2));
        final ArticleUpdate embargoed = ArticleUpdate.newBuilder(Articles.arabic(UUID.randomUUID(), T0)).setEmbargoUntil(until).build();
        final ArticleUpdate open = Articles.english(UUID.randomUUID(), T0.plusSeconds(600));
        store.apply(embargoed);
        store.apply(open);

        // Then before the time it is nowhere
        assertThat(store.latest(embargoed.getArticleId())).isEmpty();
        assertThat(store.version(embargoed.getArticleId(), 1)).isEmpty();
        assertThat(store.list(ArticleFilter.ALL, null, 10).articles()).extracting(ArticleUpdate::getArticleId).containsExactly(open.getArticleId());
        assertThat(store.holds(embargoed.getArticleId())).isTrue();

        // When the clock reaches the embargo's end
        clock.set(until);

        // Then it is there, first (published at the end of its embargo)
        assertThat(store.latest(embargoed.getArticleId())).contains(embargoed);
        assertThat(store.list(ArticleFilter.ALL, null, 10).articles()).extracting(ArticleUpdate::getArticleId)
                .containsExactly(embargoed.getArticleId(), open.getArticleId());
    }

    @Test
    void shouldForgetArticlesOlderThanTheRetentionWhenSwept() {
        final ArticleStore small = new ArticleStore(clock, Duration.ofDays(1));
        final ArticleUpdate old = Articles.arabic(UUID.randomUUID(), clock.instant().minus(Duration.ofDays(2)));
        final ArticleUpdate fresh = Articles.arabic(UUID.randomUUID(), clock.instant().minus(Duration.ofHours(1)));
        small.apply(old);
        small.apply(fresh);

        // invisible at once, before any sweep
        assertThat(small.latest(old.getArticleId())).isEmpty();
        assertThat(small.list(ArticleFilter.ALL, null, 10).articles()).containsExactly(fresh);

        assertThat(small.evictExpired()).isEqualTo(1);
        assertThat(small.articleCount()).isEqualTo(1);
        assertThat(small.versionCount()).isEqualTo(1);
        assertThat(small.holds(old.getArticleId())).isFalse();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(final Instant now) {
            this.now = now;
        }

        void set(final Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
