package io.newswire.publisher.filter;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.publisher.Articles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleFilterTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private final ArticleUpdate arabic = Articles.arabic(UUID.randomUUID(), T0);
    private final ArticleUpdate english = Articles.english(UUID.randomUUID(), T0.plusSeconds(3600));

    private static ArticleFilter parse(final Object... pairs) {
        final Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.computeIfAbsent((String) pairs[i], k -> new java.util.ArrayList<>()).add((String) pairs[i + 1]);
        }
        return ArticleFilter.parse(query);
    }

    @Test
    void shouldMatchEverythingWhenNoParameterIsGiven() {
        assertThat(ArticleFilter.parse(Map.of())).isEqualTo(ArticleFilter.ALL);
        assertThat(ArticleFilter.ALL.matches(arabic)).isTrue();
        assertThat(ArticleFilter.ALL).isInstanceOf(Predicate.class);
    }

    @Test
    void shouldMatchOnEnrichmentWhenPlacePartyOrSubjectIsGiven() {
        assertThat(parse("place", "geonames:170063").matches(arabic)).isTrue();
        assertThat(parse("place", "geonames:99999").matches(arabic)).isFalse();
        assertThat(parse("party", "Q1065").matches(arabic)).isTrue();
        assertThat(parse("party", "newswire:white-helmets").matches(arabic)).isTrue();
        assertThat(parse("subject", "16000000").matches(arabic)).as("the medtop: prefix may be left out").isTrue();
        assertThat(parse("subject", "medtop:04000000").matches(arabic)).isFalse();
        // no enrichment: no enrichment-based filter can match
        assertThat(parse("place", "geonames:170063").matches(english)).isFalse();
    }

    @Test
    void shouldAndAcrossParametersAndOrWithinOneWhenSeveralAreGiven() {
        assertThat(parse("desk", "syria", "language", "en").matches(arabic)).isFalse();
        assertThat(parse("desk", "iraq", "desk", "SYRIA").test(arabic)).isTrue();
        assertThat(parse("language", "en").matches(english)).as("en matches en-GB").isTrue();
        assertThat(parse("language", "en-us").matches(english)).isFalse();
    }

    @Test
    void shouldCompareUrgencyAsAtMostWhenUrgencyIsGiven() {
        assertThat(parse("urgency", "3").matches(arabic)).isTrue();
        assertThat(parse("urgency", "2").matches(arabic)).isFalse();
        assertThat(parse("urgency", "9").matches(english)).as("no urgency set").isFalse();
    }

    @Test
    void shouldSelectByPubstatusAndSinceWhenGiven() {
        final ArticleUpdate withdrawn = Articles.next(arabic, Signal.WITHDRAWAL, T0.plusSeconds(60));
        assertThat(parse("pubstatus", "canceled").matches(withdrawn)).isTrue();
        assertThat(parse("pubstatus", "usable").matches(withdrawn)).isFalse();
        assertThat(parse("since", "2026-12-03T08:30:00Z").matches(arabic)).isFalse();
        assertThat(parse("since", "2026-12-03T11:30:00+03:00").matches(english)).as("an offset is honoured").isTrue();
    }

    @Test
    void shouldNameEveryBadValueWhenSeveralAreWrong() {
        assertThatThrownBy(() -> parse("urgency", "0", "since", "yesterday", "pubstatus", "deleted", "subject", "war",
                "language", "arabic!", "desk", " ", "place", "aleppo"))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.errors())
                        .extracting(FilterError::parameter)
                        .containsExactlyInAnyOrder("urgency", "since", "pubstatus", "subject", "language", "desk", "place"));
        assertThatThrownBy(() -> parse("urgency", "x"))
                .hasMessage("urgency: urgency is an integer from 1 (flash) to 9");
        assertThatThrownBy(() -> parse("since", "2026-12-03T08:00:00Z", "since", "2026-12-04T08:00:00Z"))
                .hasMessage("since: since may be given once");
    }

    @Test
    void shouldIgnoreParametersItDoesNotOwnWhenParsing() {
        assertThat(parse("cursor", "abc", "limit", "5")).isEqualTo(ArticleFilter.ALL);
    }

    @Test
    void shouldNarrowToTheKeysDesksWhenRestricted() {
        assertThat(ArticleFilter.ALL.withinDesks(List.of("iraq")).matches(arabic)).isFalse();
        assertThat(parse("desk", "syria", "desk", "iraq").withinDesks(List.of("syria")).desks()).containsExactly("syria");
        assertThatThrownBy(() -> parse("desk", "iraq").withinDesks(List.of("syria"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRoundTripThroughItsQueryWhenWritten() {
        final ArticleFilter filter = parse("desk", "syria", "urgency", "4", "subject", "16000000", "pubstatus", "usable", "since", "2026-12-03T08:00:00Z");
        assertThat(ArticleFilter.parse(filter.toQuery())).isEqualTo(filter);
    }

    @Test
    void shouldLeaveCanceledOutWhenMadeForAFeed() {
        final ArticleUpdate withdrawn = Articles.next(arabic, Signal.WITHDRAWAL, T0.plusSeconds(60));
        assertThat(ArticleFilter.ALL.withoutCanceled().matches(withdrawn)).isFalse();
        assertThatThrownBy(() -> parse("pubstatus", "canceled").withoutCanceled()).isInstanceOf(IllegalArgumentException.class);
        assertThat(parse("pubstatus", "canceled", "pubstatus", "usable").withoutCanceled().matches(withdrawn)).isFalse();
        assertThat(ArticleFilter.ALL.withoutCanceled().matches(arabic)).isTrue();
    }
}
