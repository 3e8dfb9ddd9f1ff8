package io.newswire.dashboard.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cuts one field's text into segments at the edges of its evidence spans, so a page can highlight why each enrichment
 * was chosen without ever building HTML from report text: each segment is plain text plus the marks (place, party,
 * date, source, subject) that cover it. Spans may overlap (a place inside a sourced claim); a segment then carries every
 * mark over it. A span outside the text (a stale offset) is left out rather than cut at a wrong place.
 */
public final class EvidenceSpans {

    /** One piece of evidence: where it is and what it says. */
    public record Mark(int start, int end, String kind, String label, String rule) {
    }

    private EvidenceSpans() {
    }

    /** The text's segments in order; their texts joined give the text back exactly. */
    public static List<Map<String, Object>> segments(final String text, final List<Mark> marks) {
        final List<Mark> valid = marks.stream()
                .filter(m -> m.start() >= 0 && m.end() > m.start() && m.end() <= text.length()).toList();
        final TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        valid.forEach(m -> {
            cuts.add(m.start());
            cuts.add(m.end());
        });
        final List<Map<String, Object>> segments = new ArrayList<>();
        Integer from = null;
        for (final int cut : cuts) {
            if (from != null && cut > from) {
                final int start = from;
                final List<Map<String, Object>> over = valid.stream().filter(m -> m.start() <= start && m.end() >= cut)
                        .map(EvidenceSpans::describe).toList();
                final Map<String, Object> segment = new LinkedHashMap<>();
                segment.put("text", text.substring(start, cut));
                segment.put("marks", over);
                segments.add(segment);
            }
            from = cut;
        }
        return segments;
    }

    private static Map<String, Object> describe(final Mark mark) {
        final Map<String, Object> described = new LinkedHashMap<>();
        described.put("kind", mark.kind());
        described.put("label", mark.label());
        described.put("rule", mark.rule());
        return described;
    }
}
