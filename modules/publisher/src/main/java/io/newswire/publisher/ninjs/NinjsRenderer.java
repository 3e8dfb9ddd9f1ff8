package io.newswire.publisher.ninjs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Byline;
import io.newswire.model.Entity;
import io.newswire.model.Enrichment;
import io.newswire.model.Place;
import io.newswire.model.Signal;
import io.newswire.model.Subject;
import io.newswire.model.TextDirection;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An article version as an IPTC ninjs document, 3.1 or 2.2: the pure core behind the API's article answers and the
 * webhook deliveries ({@link #render}). Every document validates against IPTC's JSON Schema of its version (the tests
 * check it with a JSON-Schema validator).
 *
 * <p>Mapping, and why where it is not obvious:
 * <ul>
 *   <li>{@code uri}: {@code urn:newswire:article:<id>}, the same for every version; {@code version}: the number as a
 *       string; {@code firstCreated}/{@code versionCreated}: ISO-8601 UTC.</li>
 *   <li>{@code pubStatus}: usable / withheld / canceled (a withdrawal is canceled); {@code urgency} 1..9;
 *       {@code language}; {@code embargoedUntil} when the article carries an embargo.</li>
 *   <li>{@code headlines}: the headline (role {@code main}) and the subheadline (role {@code sub});
 *       {@code bodies}: the paragraphs as text/plain (joined with blank lines, with character and word counts) and as
 *       text/html, one {@code <p>} each with {@code dir} and {@code lang}, so Arabic shows right-to-left.</li>
 *   <li>{@code by}: the bylines' names; {@code located}: the dateline.</li>
 *   <li>{@code places}: each place enrichment found, with a GeoJSON point ([longitude, latitude], GeoJSON's order), the
 *       GeoNames URI ({@code https://sws.geonames.org/<id>/}) for a {@code geonames:} id, and rel {@code dateline} or
 *       {@code mentioned}; {@code subjects}: IPTC Media Topics with their CV URI and {@code medtop:} literal;
 *       {@code organisations}: parties and organisations, Wikidata URIs for Q-ids, literals otherwise, rel their type.</li>
 *   <li>The signal of the version: ninjs has no signal property (and forbids unknown ones), so it travels in
 *       {@code descriptions} with role {@code signal} (value {@code new}, {@code update}, {@code correction} or
 *       {@code withdrawal}), and a correction or withdrawal also says so for people in {@code edNote}.</li>
 * </ul>
 * 2.2 carries the same content under its lower-case names ({@code pubstatus}, {@code firstcreated},
 * {@code contenttype}, {@code geojson}, {@code embargoed}, {@code ednote}...).
 */
public final class NinjsRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WIKIDATA = Pattern.compile("Q[0-9]+");
    private static final Pattern MEDTOP = Pattern.compile("medtop:([0-9]{8})");
    private static final Pattern WORD = Pattern.compile("\\S+");

    private NinjsRenderer() {
    }

    /** The document as UTF-8 JSON bytes. */
    public static byte[] render(final ArticleUpdate version, final NinjsVersion ninjs) {
        try {
            return JSON.writeValueAsBytes(toTree(version, ninjs));
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article's ninjs URI, the same for all its versions. */
    public static String uri(final ArticleUpdate version) {
        return "urn:newswire:article:" + version.getArticleId();
    }

    /** The document as a JSON tree. */
    public static ObjectNode toTree(final ArticleUpdate version, final NinjsVersion ninjs) {
        final Names n = ninjs == NinjsVersion.V3_1 ? Names.V3 : Names.V2;
        final ObjectNode doc = JSON.createObjectNode();
        doc.put("uri", uri(version));
        doc.put("type", "text");
        doc.put(n.representationType, "full");
        doc.put("version", Integer.toString(version.getVersion()));
        doc.put(n.firstCreated, iso(version.getFirstCreated()));
        doc.put(n.versionCreated, iso(version.getVersionCreated()));
        if (version.getEmbargoUntil() != null) {
            doc.put(n.embargo, iso(version.getEmbargoUntil()));
        }
        doc.put(n.pubStatus, version.getPubStatus().name().toLowerCase(Locale.ROOT));
        if (version.getUrgency() != null) {
            doc.put("urgency", version.getUrgency());
        }
        doc.put("language", version.getLanguage());
        final String note = editorialNote(version);
        if (note != null) {
            doc.put(n.edNote, note);
        }
        doc.putArray("descriptions").addObject().put("role", "signal").put("value", version.getSignal().name().toLowerCase(Locale.ROOT));
        headlines(doc.putArray("headlines"), version, n);
        bodies(doc.putArray("bodies"), version, n);
        if (!version.getBylines().isEmpty()) {
            doc.put("by", version.getBylines().stream().map(Byline::getName).collect(Collectors.joining(", ")));
        }
        if (version.getDateline() != null) {
            doc.put("located", version.getDateline());
        }
        final Enrichment enrichment = version.getEnrichment();
        if (enrichment != null) {
            if (!enrichment.getPlaces().isEmpty()) {
                places(doc.putArray("places"), enrichment.getPlaces(), n);
            }
            if (!enrichment.getSubjects().isEmpty()) {
                subjects(doc.putArray("subjects"), enrichment.getSubjects());
            }
            if (!enrichment.getEntities().isEmpty()) {
                organisations(doc.putArray("organisations"), enrichment.getEntities());
            }
        }
        final ObjectNode altId = doc.putArray(n.altIds).addObject();
        altId.put("role", "newswire:triggering-report");
        altId.put("value", version.getTriggeringReportId().toString());
        return doc;
    }

    /** The property names that differ between the versions. */
    private enum Names {
        V3("representationType", "firstCreated", "versionCreated", "embargoedUntil", "pubStatus", "edNote", "contentType",
                "charCount", "wordCount", "geoJSON", "altIds"),
        V2("representationtype", "firstcreated", "versioncreated", "embargoed", "pubstatus", "ednote", "contenttype",
                "charcount", "wordcount", "geojson", "altids");

        final String representationType;
        final String firstCreated;
        final String versionCreated;
        final String embargo;
        final String pubStatus;
        final String edNote;
        final String contentType;
        final String charCount;
        final String wordCount;
        final String geoJson;
        final String altIds;

        Names(final String representationType, final String firstCreated, final String versionCreated, final String embargo,
              final String pubStatus, final String edNote, final String contentType, final String charCount, final String wordCount,
              final String geoJson, final String altIds) {
            this.representationType = representationType;
            this.firstCreated = firstCreated;
            this.versionCreated = versionCreated;
            this.embargo = embargo;
            this.pubStatus = pubStatus;
            this.edNote = edNote;
            this.contentType = contentType;
            this.charCount = charCount;
            this.wordCount = wordCount;
            this.geoJson = geoJson;
            this.altIds = altIds;
        }
    }

    private static String editorialNote(final ArticleUpdate version) {
        if (version.getSignal() == Signal.CORRECTION) {
            return "Correction: version " + version.getVersion() + " corrects the earlier text of this article.";
        }
        if (version.getSignal() == Signal.WITHDRAWAL) {
            return "Withdrawn: this article is canceled; do not publish it, and remove it where it was published.";
        }
        return null;
    }

    private static void headlines(final ArrayNode headlines, final ArticleUpdate version, final Names n) {
        headlines.addObject().put("role", "main").put(n.contentType, "text/plain").put("value", version.getHeadline());
        if (version.getSubheadline() != null && !version.getSubheadline().isBlank()) {
            headlines.addObject().put("role", "sub").put(n.contentType, "text/plain").put("value", version.getSubheadline());
        }
    }

    private static void bodies(final ArrayNode bodies, final ArticleUpdate version, final Names n) {
        final List<String> paragraphs = version.getBody();
        final String text = String.join("\n\n", paragraphs);
        final long words = paragraphs.stream().mapToLong(p -> WORD.matcher(p).results().count()).sum();
        bodies.addObject().put("role", "main").put(n.contentType, "text/plain").put(n.charCount, text.length())
                .put(n.wordCount, words).put("value", text);
        final String dir = direction(version) == TextDirection.RTL ? "rtl" : "ltr";
        final String lang = escape(version.getLanguage());
        final String html = paragraphs.stream().map(p -> "<p dir=\"" + dir + "\" lang=\"" + lang + "\">" + escape(p) + "</p>")
                .collect(Collectors.joining("\n"));
        bodies.addObject().put("role", "main").put(n.contentType, "text/html").put(n.charCount, text.length())
                .put(n.wordCount, words).put("value", html);
    }

    /** The body's direction from enrichment; without enrichment, right-to-left for the languages written so. */
    static TextDirection direction(final ArticleUpdate version) {
        final Enrichment enrichment = version.getEnrichment();
        if (enrichment != null && enrichment.getDirection() != null) {
            return enrichment.getDirection();
        }
        return isRtlLanguage(version.getLanguage()) ? TextDirection.RTL : TextDirection.LTR;
    }

    /** Arabic, Persian, Urdu, Hebrew, Sorani Kurdish, Pashto, Sindhi, Uyghur, Dhivehi and Yiddish are written right to left. */
    public static boolean isRtlLanguage(final String language) {
        final String primary = language == null ? "" : language.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return List.of("ar", "fa", "ur", "he", "ckb", "ps", "sd", "ug", "dv", "yi").contains(primary);
    }

    private static void places(final ArrayNode places, final List<Place> found, final Names n) {
        for (final Place place : found) {
            final ObjectNode item = places.addObject();
            item.put("name", place.getNameEn() != null && !place.getName().equals(place.getNameEn()) ? place.getName() + " (" + place.getNameEn() + ")" : place.getName());
            item.put("rel", place.getDateline() ? "dateline" : "mentioned");
            if (place.getId().startsWith("geonames:")) {
                item.put("uri", "https://sws.geonames.org/" + place.getId().substring("geonames:".length()) + "/");
            }
            item.put("literal", place.getId());
            final ObjectNode geo = item.putObject(n.geoJson);
            geo.put("type", "Point");
            geo.putArray("coordinates").add(place.getLongitude()).add(place.getLatitude());
        }
    }

    private static void subjects(final ArrayNode subjects, final List<Subject> found) {
        for (final Subject subject : found) {
            final ObjectNode item = subjects.addObject();
            item.put("name", subject.getName());
            final var medtop = MEDTOP.matcher(subject.getCode());
            if (medtop.matches()) {
                item.put("uri", "http://cv.iptc.org/newscodes/mediatopic/" + medtop.group(1));
            }
            item.put("literal", subject.getCode());
            item.put("creator", "newswire:enrichment");
        }
    }

    private static void organisations(final ArrayNode organisations, final List<Entity> found) {
        for (final Entity entity : found) {
            final ObjectNode item = organisations.addObject();
            item.put("name", entity.getName());
            item.put("rel", entity.getType());
            if (WIKIDATA.matcher(entity.getId()).matches()) {
                item.put("uri", "http://www.wikidata.org/entity/" + entity.getId());
            }
            item.put("literal", entity.getId());
        }
    }

    private static String iso(final Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String escape(final String text) {
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
