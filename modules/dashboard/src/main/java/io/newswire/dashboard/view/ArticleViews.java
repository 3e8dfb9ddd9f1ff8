package io.newswire.dashboard.view;

import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Byline;
import io.newswire.model.DateMention;
import io.newswire.model.Enrichment;
import io.newswire.model.Entity;
import io.newswire.model.Evidence;
import io.newswire.model.MediaItem;
import io.newswire.model.Place;
import io.newswire.model.SourceClaim;
import io.newswire.model.Subject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The dashboard's views of article versions as JSON-ready maps: a wire row ({@link #summary}), an article's page
 * ({@link #detail}) and the filter choices over a listing ({@link #facets}). Pure; the pages render these with
 * {@code textContent} only, so nothing here is ever HTML.
 */
public final class ArticleViews {

    /** Names of the fields evidence spans point into, in the order the article page shows them. */
    private static final List<String> FIELDS = List.of("headline", "subheadline", "dateline", "body", "caption", "bio");

    private ArticleViews() {
    }

    /** One row of the wire: what an editor scans. */
    public static Map<String, Object> summary(final ArticleUpdate version) {
        final Map<String, Object> row = new LinkedHashMap<>();
        final Enrichment enrichment = version.getEnrichment();
        row.put("articleId", version.getArticleId().toString());
        row.put("version", version.getVersion());
        row.put("signal", version.getSignal().name());
        row.put("pubStatus", version.getPubStatus().name());
        row.put("headline", version.getHeadline());
        row.put("dateline", version.getDateline());
        row.put("desk", version.getDesk());
        row.put("language", version.getLanguage());
        row.put("direction", enrichment == null || enrichment.getDirection() == null ? null : enrichment.getDirection().name());
        row.put("urgency", version.getUrgency());
        row.put("versionCreated", instant(version.getVersionCreated()));
        row.put("firstCreated", instant(version.getFirstCreated()));
        row.put("places", enrichment == null ? List.of() : enrichment.getPlaces().stream().map(p -> named(p.getId(), p.getName(), p.getNameEn())).toList());
        row.put("parties", enrichment == null ? List.of() : enrichment.getEntities().stream().map(e -> named(e.getId(), e.getName(), e.getType())).toList());
        row.put("subjects", enrichment == null ? List.of() : enrichment.getSubjects().stream().map(s -> named(s.getCode(), s.getName(), null)).toList());
        row.put("correspondents", correspondents(version).size());
        return row;
    }

    /**
     * An article's page: every held version (oldest first) with what changed from the one before, where it came from,
     * and the latest version's enrichment with its evidence cut into highlighted segments.
     *
     * @param versions the held versions of one article, any order, at least one
     */
    public static Map<String, Object> detail(final List<ArticleUpdate> versions) {
        final List<ArticleUpdate> ordered = versions.stream().sorted(Comparator.comparingInt(ArticleUpdate::getVersion)).toList();
        final ArticleUpdate latest = ordered.get(ordered.size() - 1);
        final Map<String, Object> page = new LinkedHashMap<>();
        page.put("summary", summary(latest));
        final List<Map<String, Object>> shown = new ArrayList<>();
        ArticleUpdate previous = null;
        for (final ArticleUpdate version : ordered) {
            shown.add(version(version, previous));
            previous = version;
        }
        page.put("versions", shown);
        page.put("provenance", latest.getSources().stream().map(ArticleViews::source).toList());
        page.put("correspondents", List.copyOf(correspondents(latest)));
        page.put("enrichment", enrichment(latest));
        return page;
    }

    /** The places, parties, subjects, desks and languages of a listing with how many articles carry each: filter choices. */
    public static Map<String, Object> facets(final List<ArticleUpdate> articles) {
        final Map<String, Object> facets = new LinkedHashMap<>();
        facets.put("desks", count(articles, v -> v.getDesk() == null ? List.of() : List.of(named(v.getDesk(), v.getDesk(), null))));
        facets.put("languages", count(articles, v -> List.of(named(v.getLanguage(), v.getLanguage(), null))));
        facets.put("places", count(articles, v -> v.getEnrichment() == null ? List.of()
                : v.getEnrichment().getPlaces().stream().map(p -> named(p.getId(), p.getName(), p.getNameEn())).toList()));
        facets.put("parties", count(articles, v -> v.getEnrichment() == null ? List.of()
                : v.getEnrichment().getEntities().stream().map(e -> named(e.getId(), e.getName(), e.getType())).toList()));
        facets.put("subjects", count(articles, v -> v.getEnrichment() == null ? List.of()
                : v.getEnrichment().getSubjects().stream().map(s -> named(s.getCode(), s.getName(), null)).toList()));
        return facets;
    }

    private static Map<String, Object> version(final ArticleUpdate version, final ArticleUpdate previous) {
        final Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("version", version.getVersion());
        shown.put("signal", version.getSignal().name());
        shown.put("pubStatus", version.getPubStatus().name());
        shown.put("versionCreated", instant(version.getVersionCreated()));
        shown.put("headline", version.getHeadline());
        shown.put("subheadline", version.getSubheadline());
        shown.put("dateline", version.getDateline());
        shown.put("body", version.getBody());
        shown.put("bylines", version.getBylines().stream().map(ArticleViews::byline).toList());
        shown.put("triggeringReportId", version.getTriggeringReportId().toString());
        shown.put("urgency", version.getUrgency());
        if (previous != null) {
            final Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("fromVersion", previous.getVersion());
            changes.put("headline", VersionDiff.runs(previous.getHeadline(), version.getHeadline()));
            changes.put("body", VersionDiff.runs(String.join("\n", previous.getBody()), String.join("\n", version.getBody())));
            shown.put("changes", changes);
        }
        return shown;
    }

    private static Map<String, Object> source(final ArticleSource source) {
        final Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("reportId", source.getReportId().toString());
        shown.put("correspondentId", source.getCorrespondentId());
        shown.put("role", source.getRole().name());
        shown.put("matchedReportId", source.getMatchedReportId() == null ? null : source.getMatchedReportId().toString());
        shown.put("similarity", source.getSimilarity());
        shown.put("method", source.getMethod());
        return shown;
    }

    private static Map<String, Object> byline(final Byline byline) {
        final Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("name", byline.getName());
        shown.put("bio", byline.getBio());
        return shown;
    }

    private static Map<String, Object> enrichment(final ArticleUpdate version) {
        final Enrichment enrichment = version.getEnrichment();
        final Map<String, Object> shown = new LinkedHashMap<>();
        if (enrichment == null) {
            shown.put("present", false);
            return shown;
        }
        shown.put("present", true);
        shown.put("detectedLanguage", enrichment.getDetectedLanguage());
        shown.put("languageConfidence", enrichment.getLanguageConfidence());
        shown.put("direction", enrichment.getDirection() == null ? null : enrichment.getDirection().name());
        shown.put("urgency", enrichment.getUrgency());
        shown.put("urgencyReasons", enrichment.getUrgencyReasons());
        shown.put("places", enrichment.getPlaces().stream().map(ArticleViews::place).toList());
        shown.put("parties", enrichment.getEntities().stream().map(e -> {
            final Map<String, Object> party = named(e.getId(), e.getName(), e.getType());
            party.put("ambiguous", e.getAmbiguous());
            return party;
        }).toList());
        shown.put("dates", enrichment.getDates().stream().map(d -> {
            final Map<String, Object> date = new LinkedHashMap<>();
            date.put("date", d.getDate().toString());
            date.put("relative", d.getRelative());
            date.put("eventDate", d.getEventDate());
            return date;
        }).toList());
        shown.put("claims", enrichment.getClaims().stream().map(c -> {
            final Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("source", c.getSource());
            claim.put("claim", c.getClaim());
            return claim;
        }).toList());
        shown.put("subjects", enrichment.getSubjects().stream().map(s -> named(s.getCode(), s.getName(), null)).toList());
        shown.put("warnings", enrichment.getWarnings().stream().map(w -> Map.of("code", w.getCode(), "message", w.getMessage())).toList());
        shown.put("evidence", evidence(version, enrichment));
        return shown;
    }

    private static Map<String, Object> place(final Place place) {
        final Map<String, Object> shown = named(place.getId(), place.getName(), place.getNameEn());
        shown.put("latitude", place.getLatitude());
        shown.put("longitude", place.getLongitude());
        shown.put("featureType", place.getFeatureType());
        shown.put("countryCode", place.getCountryCode());
        shown.put("dateline", place.getDateline());
        return shown;
    }

    /** Each field's text cut at its evidence, in {@link #FIELDS} order; fields without text are left out. */
    private static List<Map<String, Object>> evidence(final ArticleUpdate version, final Enrichment enrichment) {
        final Map<String, List<EvidenceSpans.Mark>> marks = new HashMap<>();
        for (final Place place : enrichment.getPlaces()) {
            collect(marks, place.getEvidence(), "place", place.getName());
        }
        for (final Entity entity : enrichment.getEntities()) {
            collect(marks, entity.getEvidence(), "party", entity.getName());
        }
        for (final DateMention date : enrichment.getDates()) {
            collect(marks, date.getEvidence(), "date", date.getDate().toString());
        }
        for (final SourceClaim claim : enrichment.getClaims()) {
            collect(marks, claim.getEvidence(), "source", claim.getSource());
        }
        for (final Subject subject : enrichment.getSubjects()) {
            collect(marks, subject.getEvidence(), "subject", subject.getName());
        }
        final List<Map<String, Object>> fields = new ArrayList<>();
        for (final String field : FIELDS) {
            final String text = text(version, field);
            if (text == null || text.isEmpty()) {
                continue;
            }
            final Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("field", field);
            shown.put("segments", EvidenceSpans.segments(text, marks.getOrDefault(field, List.of())));
            fields.add(shown);
        }
        return fields;
    }

    private static void collect(final Map<String, List<EvidenceSpans.Mark>> marks, final List<Evidence> evidence, final String kind,
                                final String label) {
        for (final Evidence e : evidence) {
            marks.computeIfAbsent(e.getField(), f -> new ArrayList<>()).add(new EvidenceSpans.Mark(e.getStart(), e.getEnd(), kind, label, e.getRule()));
        }
    }

    /** A field's text as the enrichment's offsets count it: body paragraphs joined by a newline. */
    private static String text(final ArticleUpdate version, final String field) {
        return switch (field) {
            case "headline" -> version.getHeadline();
            case "subheadline" -> version.getSubheadline();
            case "dateline" -> version.getDateline();
            case "body" -> String.join("\n", version.getBody());
            case "caption" -> version.getMedia().stream().map(MediaItem::getCaption).filter(c -> c != null && !c.isBlank()).findFirst().orElse(null);
            case "bio" -> version.getBylines().stream().map(Byline::getBio).filter(b -> b != null && !b.isBlank()).findFirst().orElse(null);
            default -> null;
        };
    }

    private static Set<String> correspondents(final ArticleUpdate version) {
        final Set<String> ids = new LinkedHashSet<>();
        version.getSources().forEach(s -> ids.add(s.getCorrespondentId()));
        return ids;
    }

    private static Map<String, Object> named(final String id, final String name, final String other) {
        final Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", id);
        shown.put("name", name);
        if (other != null && !other.equals(name)) {
            shown.put("detail", other);
        }
        return shown;
    }

    private static List<Map<String, Object>> count(final List<ArticleUpdate> articles, final Function<ArticleUpdate, List<Map<String, Object>>> values) {
        final Map<String, Map<String, Object>> counted = new LinkedHashMap<>();
        for (final ArticleUpdate article : articles) {
            final Set<String> seen = new LinkedHashSet<>();
            for (final Map<String, Object> value : values.apply(article)) {
                final String id = String.valueOf(value.get("id"));
                if (seen.add(id)) {
                    counted.computeIfAbsent(id, k -> {
                        final Map<String, Object> facet = new LinkedHashMap<>(value);
                        facet.put("count", 0);
                        return facet;
                    }).merge("count", 1, (a, b) -> (Integer) a + (Integer) b);
                }
            }
        }
        return counted.values().stream().sorted(Comparator.comparing((Map<String, Object> f) -> -(Integer) f.get("count"))
                .thenComparing(f -> String.valueOf(f.get("id")))).toList();
    }

    private static String instant(final Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
