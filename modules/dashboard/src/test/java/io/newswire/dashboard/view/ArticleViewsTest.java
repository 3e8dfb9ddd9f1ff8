package io.newswire.dashboard.view;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleViewsTest {

    private final ArticleUpdate first = Versions.aleppo(1, Signal.NEW, "نزوح 60 عائلة من ريف حلب", "نزحت 60 عائلة", "reem");
    private final ArticleUpdate corrected = Versions.aleppo(2, Signal.CORRECTION, "نزوح 80 عائلة من ريف حلب", "نزحت 80 عائلة", "reem", "omar", "reem");

    @Test
    void shouldSummariseARowWithItsPlacesAndDistinctCorrespondents() {
        final Map<String, Object> row = ArticleViews.summary(corrected);

        assertThat(row).containsEntry("signal", "CORRECTION").containsEntry("desk", "syria").containsEntry("direction", "RTL")
                .containsEntry("version", 2).containsEntry("correspondents", 2);
        assertThat(row.get("places").toString()).contains("geonames:170063").contains("Aleppo");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowEveryVersionOldestFirstWithTheChangesFromTheOneBefore() {
        // Given the versions in any order
        final Map<String, Object> page = ArticleViews.detail(List.of(corrected, first));

        // Then v1 has no changes, v2 has the figure replaced, and provenance is the latest version's sources
        final List<Map<String, Object>> versions = (List<Map<String, Object>>) page.get("versions");
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(1, 2);
        assertThat(versions.get(0)).doesNotContainKey("changes");
        final Map<String, Object> changes = (Map<String, Object>) versions.get(1).get("changes");
        assertThat(changes.get("headline").toString()).contains("op=removed, text=60").contains("op=added, text=80");
        assertThat((List<?>) page.get("provenance")).hasSize(3);
        assertThat((List<Object>) page.get("correspondents")).containsExactly("reem", "omar");

        // and the place's evidence is a marked segment of the headline
        final Map<String, Object> enrichment = (Map<String, Object>) page.get("enrichment");
        final List<Map<String, Object>> evidence = (List<Map<String, Object>>) enrichment.get("evidence");
        assertThat(evidence.get(0)).containsEntry("field", "headline");
        assertThat(evidence.get(0).get("segments").toString()).contains("text=حلب, marks=[{kind=place, label=حلب, rule=place.gazetteer}]");
    }

    @Test
    void shouldCountFacetsOncePerArticle() {
        final Map<String, Object> facets = ArticleViews.facets(List.of(first));
        assertThat(facets.get("places").toString()).contains("count=1");
        assertThat(facets.get("desks").toString()).contains("id=syria");
    }
}
