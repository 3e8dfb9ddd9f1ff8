package io.newswire.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.model.Byline;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.MediaItem;
import io.newswire.model.MediaType;
import io.newswire.model.ReportKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The enrichment evaluation sets (src/test/resources/evaluation/reports.jsonl and fresh-reports.jsonl, each written by
 * a hand that did not see the implementation; its README says how): each line a report and what a careful editor expects enrichment to find.
 */
final class EvaluationSet {

    /** One expected place: a GeoNames id, with its coordinates for the 10 km rule. */
    record ExpectedPlace(long geonamesId, String name, double lat, double lon, String kind, boolean dateline) {
    }

    /** One expected party: a Wikidata QID when the annotator was sure of one, and the wire's English name. */
    record ExpectedParty(String qid, String name, String written) {
    }

    /** One annotated report. */
    record Case(String id, String split, String language, CorrespondentReport report, List<ExpectedPlace> places,
                List<ExpectedParty> parties, LocalDate eventDate, List<String> subjects, Integer urgency, List<String> sources) {
        boolean held() {
            return "held".equals(split);
        }

        /** 0: the tuning half, 1: the held half, 2: the fresh set (see {@link #load()}). */
        int set() {
            return id.startsWith("fresh-") ? 2 : held() ? 1 : 0;
        }
    }

    private EvaluationSet() {
    }

    /**
     * Both files: reports.jsonl (its tuning and held halves) and fresh-reports.jsonl (all held, written later by
     * another hand that saw neither the code nor its data, after the steps had been tuned: see the README).
     */
    static List<Case> load() {
        final List<Case> cases = new ArrayList<>(load("/evaluation/reports.jsonl"));
        cases.addAll(load("/evaluation/fresh-reports.jsonl"));
        return cases;
    }

    private static List<Case> load(final String resource) {
        final ObjectMapper json = new ObjectMapper();
        final List<Case> cases = new ArrayList<>();
        try (InputStream in = EvaluationSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            final BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(parse(json.readTree(line)));
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Case parse(final JsonNode line) {
        final String id = line.get("id").asText();
        final Instant filedAt = Instant.parse(line.get("filedAt").asText());
        final List<String> body = new ArrayList<>();
        line.get("body").forEach(p -> body.add(p.asText()));
        final List<MediaItem> media = new ArrayList<>();
        if (text(line, "caption") != null) {
            media.add(MediaItem.newBuilder().setType(MediaType.PHOTO).setCaption(text(line, "caption")).build());
        }
        final JsonNode byline = line.get("byline");
        final CorrespondentReport report = CorrespondentReport.newBuilder()
                .setReportId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)))
                .setCorrespondentId("evaluation").setDesk(text(line, "desk")).setLanguage(line.get("language").asText())
                .setKind(ReportKind.NEW).setHeadline(line.get("headline").asText()).setDateline(text(line, "dateline"))
                .setBody(body).setMedia(media)
                .setByline(byline == null || byline.isNull() ? null
                        : Byline.newBuilder().setName(byline.get("name").asText()).setBio(text(byline, "bio")).build())
                .setFlaggedUrgent(line.path("flaggedUrgent").asBoolean(false)).setTimeZone(text(line, "timeZone"))
                .setFiledAt(filedAt).setReceivedAt(filedAt).setContentDigest("evaluation").build();
        final JsonNode expected = line.get("expected");
        final List<ExpectedPlace> places = new ArrayList<>();
        expected.path("places").forEach(p -> places.add(new ExpectedPlace(p.get("geonames").asLong(), text(p, "name"),
                p.path("lat").asDouble(), p.path("lon").asDouble(), text(p, "kind"), p.path("dateline").asBoolean(false))));
        final List<ExpectedParty> parties = new ArrayList<>();
        expected.path("parties").forEach(p -> parties.add(new ExpectedParty(text(p, "qid"), text(p, "name"), text(p, "written"))));
        final List<String> subjects = new ArrayList<>();
        expected.path("subjects").forEach(s -> subjects.add(s.asText()));
        final List<String> sources = new ArrayList<>();
        expected.path("sources").forEach(s -> sources.add(s.asText()));
        final String eventDate = text(expected, "eventDate");
        return new Case(id, line.get("split").asText(), line.get("language").asText(), report, places, parties,
                eventDate == null ? null : LocalDate.parse(eventDate), subjects,
                expected.hasNonNull("urgency") ? expected.get("urgency").asInt() : null, sources);
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
