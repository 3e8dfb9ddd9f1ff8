package io.newswire.dashboard.view;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceSpansTest {

    @Test
    void shouldCutAtEverySpanEdgeAndGiveTheTextBackWhenSpansOverlap() {
        // Given a body where a place (حلب) sits inside a sourced claim, and a span past the end of the text
        final String text = "قال مراسلنا إن القصف طال ريف حلب الجنوبي";
        final int place = text.indexOf("حلب");
        final List<EvidenceSpans.Mark> marks = List.of(
                new EvidenceSpans.Mark(0, text.length(), "source", "مراسلنا", "source.verb"),
                new EvidenceSpans.Mark(place, place + 3, "place", "حلب", "place.gazetteer"),
                new EvidenceSpans.Mark(10, 500, "date", "stale", "date.rule"));

        // When it is cut
        final List<Map<String, Object>> segments = EvidenceSpans.segments(text, marks);

        // Then the segments give the text back exactly, the place segment carries both marks, the stale span none
        assertThat(segments.stream().map(s -> (String) s.get("text")).reduce("", String::concat)).isEqualTo(text);
        final Map<String, Object> aleppo = segments.stream().filter(s -> s.get("text").equals("حلب")).findFirst().orElseThrow();
        assertThat((List<?>) aleppo.get("marks")).hasSize(2);
        assertThat(segments).allSatisfy(s -> assertThat(s.get("marks").toString()).doesNotContain("stale"));
        assertThat(segments).hasSize(3);
    }

    @Test
    void shouldGiveOneUnmarkedSegmentWhenThereIsNoEvidence() {
        assertThat(EvidenceSpans.segments("نص", List.of())).containsExactly(Map.of("text", "نص", "marks", List.of()));
    }
}
