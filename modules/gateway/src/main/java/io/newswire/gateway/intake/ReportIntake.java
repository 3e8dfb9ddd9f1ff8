package io.newswire.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.model.Attribution;
import io.newswire.model.Byline;
import io.newswire.model.ClientInfo;
import io.newswire.model.MediaItem;
import io.newswire.model.MediaType;
import io.newswire.model.ReportKind;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns the JSON a correspondent's app sends into a {@link ReportDraft}, or into every reason it cannot: each
 * error names its field with a JSON pointer, so an app can mark all of them at once.
 *
 * <p>Rules: unknown fields are errors (a misspelt {@code "headlne"} must not silently lose the headline);
 * {@code correspondentId} may not be set in the body (it comes from the credentials); {@code kind} defaults to NEW;
 * {@code body} is an array of paragraphs or one string split on blank lines; a missing {@code filedAt} is the
 * arrival time; a {@code filedAt} more than {@link #MAX_CLOCK_SKEW} ahead of the gateway's clock is an error (an
 * offline queue files in the past, never in the future).
 */
public final class ReportIntake {

    /** The outcome: a draft when {@code errors} is empty; warnings either way. */
    public record Result(ReportDraft draft, List<FieldError> errors, List<String> warnings) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
    public static final int MAX_HEADLINE_CHARS = 400;
    public static final int MAX_BODY_CHARS = 100_000;
    public static final int MAX_PARAGRAPHS = 500;
    public static final int MAX_LIST_ITEMS = 100;
    /** Errors listed at most; a document with thousands of bad keys gets a bounded answer. */
    public static final int MAX_ERRORS = 50;

    private static final Set<String> FIELDS = Set.of("reportId", "kind", "refersTo", "language", "desk", "headline", "subheadline",
            "dateline", "body", "media", "sources", "byline", "flaggedUrgent", "timeZone", "eventTime", "filedAt", "client", "correspondentId",
            "embargoUntil");

    private final Clock clock;

    public ReportIntake(final Clock clock) {
        this.clock = clock;
    }

    /**
     * @param json the request body, parsed
     */
    public Result read(final JsonNode json) {
        final Reader reader = new Reader();
        if (json == null || !json.isObject()) {
            reader.error("", "A report is a JSON object");
            return new Result(null, reader.errors, reader.warnings);
        }
        for (final Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            final String name = names.next();
            if (!FIELDS.contains(name)) {
                reader.error("/" + escape(name), "Unknown field '" + Echo.of(name, 100) + "'; known fields: " + FIELDS.stream().filter(f -> !f.equals("correspondentId")).sorted().collect(Collectors.joining(", ")));
            }
        }
        if (json.has("correspondentId")) {
            reader.error("/correspondentId", "The correspondent comes from the credentials; leave correspondentId out of the report");
        }
        final UUID reportId = reader.uuid(json, "reportId", true);
        final ReportKind kind = reader.kind(json);
        final UUID refersTo = reader.uuid(json, "refersTo", false);
        if (kind != null && kind != ReportKind.NEW && refersTo == null && !reader.has("/refersTo")) {
            reader.error("/refersTo", kind + " must name the report it refers to in refersTo");
        }
        if (kind == ReportKind.NEW && refersTo != null) {
            reader.error("/refersTo", "A NEW report refers to no earlier report; use kind UPDATE, CORRECTION or WITHDRAWAL");
        }
        if (refersTo != null && refersTo.equals(reportId)) {
            reader.error("/refersTo", "A report cannot refer to itself");
        }
        final String language = reader.language(json);
        final String desk = reader.text(json, "desk", false, false, 100);
        final String headline = reader.text(json, "headline", true, false, MAX_HEADLINE_CHARS);
        final String subheadline = reader.text(json, "subheadline", false, false, MAX_HEADLINE_CHARS);
        final String dateline = reader.text(json, "dateline", false, false, 200);
        final List<String> body = reader.body(json);
        final List<MediaItem> media = reader.media(json);
        final List<Attribution> sources = reader.sources(json);
        final Byline byline = reader.byline(json);
        final boolean urgent = reader.bool(json, "flaggedUrgent");
        final String timeZone = reader.timeZone(json);
        final Instant eventTime = reader.instant(json, "eventTime");
        final Instant filedAt = reader.instant(json, "filedAt");
        final Instant now = clock.instant();
        if (filedAt != null && filedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            reader.error("/filedAt", "filedAt " + filedAt + " is more than " + MAX_CLOCK_SKEW.toMinutes() + " minutes ahead of the gateway's clock (" + now.truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        if (eventTime != null && eventTime.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            reader.error("/eventTime", "eventTime " + eventTime + " is in the future");
        }
        // a past embargo is allowed: the article is simply not held back
        final Instant embargoUntil = reader.instant(json, "embargoUntil");
        final ClientInfo client = reader.client(json);
        reader.noteOmittedErrors();
        if (!reader.errors.isEmpty()) {
            return new Result(null, List.copyOf(reader.errors), List.copyOf(reader.warnings));
        }
        final ReportDraft draft = new ReportDraft(reportId, kind, refersTo, language, desk, headline, subheadline, dateline, body,
                media, sources, byline, urgent, timeZone, eventTime, filedAt, client, embargoUntil);
        return new Result(draft, List.of(), List.copyOf(reader.warnings));
    }

    /** A key as an RFC 6901 pointer segment ({@code ~} and {@code /} escaped), made safe to echo. */
    static String escape(final String name) {
        return Echo.of(name, 100).replace("~", "~0").replace("/", "~1");
    }

    /** Collects errors and warnings while reading one document. */
    private static final class Reader {
        private final List<FieldError> errors = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private int omitted;

        void error(final String pointer, final String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new FieldError(pointer, message));
            } else {
                omitted++;
            }
        }

        void noteOmittedErrors() {
            if (omitted > 0) {
                errors.add(new FieldError("", omitted + " more errors not listed; fix these and send again"));
            }
        }

        boolean has(final String pointer) {
            return errors.stream().anyMatch(e -> e.pointer().equals(pointer));
        }

        private static String shown(final JsonNode node) {
            return Echo.of(node.toString(), 60);
        }

        private static boolean absent(final JsonNode node) {
            return node == null || node.isNull() || node.isMissingNode();
        }

        String clean(final String pointer, final String raw, final boolean multiline) {
            final TextHygiene.Cleaned cleaned = TextHygiene.clean(raw, multiline);
            if (cleaned.unpairedSurrogates()) {
                error(pointer, "contains an unpaired UTF-16 surrogate (a lone \\uD800-\\uDFFF escape): not Unicode text, and it cannot be stored as written");
            }
            if (cleaned.strippedBidiControls()) {
                warnings.add(pointer + ": removed bidirectional override/isolate controls (U+202A-U+202E, U+2066-U+2069)");
            }
            if (cleaned.strippedControlCharacters()) {
                warnings.add(pointer + ": removed control characters");
            }
            return cleaned.text();
        }

        String text(final JsonNode json, final String field, final boolean required, final boolean multiline, final int maxChars) {
            return text(json.get(field), "/" + field, field, required, multiline, maxChars);
        }

        String text(final JsonNode node, final String pointer, final String name, final boolean required, final boolean multiline, final int maxChars) {
            if (absent(node)) {
                if (required) {
                    error(pointer, name + " is required");
                }
                return null;
            }
            if (!node.isTextual()) {
                error(pointer, name + " must be a string");
                return null;
            }
            final String text = clean(pointer, node.textValue(), multiline);
            if (text.isBlank()) {
                if (required) {
                    error(pointer, name + " must not be empty");
                }
                return null;
            }
            if (text.length() > maxChars) {
                error(pointer, name + " has " + text.length() + " characters; at most " + maxChars);
                return null;
            }
            return text;
        }

        UUID uuid(final JsonNode json, final String field, final boolean required) {
            final JsonNode node = json.get(field);
            if (absent(node)) {
                if (required) {
                    error("/" + field, field + " is required: a UUID the app chooses once per report, so a resubmission is recognised");
                }
                return null;
            }
            try {
                if (!node.isTextual() || node.textValue().length() != 36) {
                    throw new IllegalArgumentException();
                }
                return UUID.fromString(node.textValue());
            } catch (final IllegalArgumentException e) {
                error("/" + field, field + " must be a UUID such as 3f2b8c1e-9d4a-4e7b-8f61-2c5d9a0b7e34");
                return null;
            }
        }

        ReportKind kind(final JsonNode json) {
            final JsonNode node = json.get("kind");
            if (absent(node)) {
                return ReportKind.NEW;
            }
            if (node.isTextual()) {
                for (final ReportKind kind : ReportKind.values()) {
                    if (kind.name().equals(node.textValue())) {
                        return kind;
                    }
                }
            }
            error("/kind", "kind must be one of " + Arrays.toString(ReportKind.values()) + ", got " + shown(node));
            return null;
        }

        String language(final JsonNode json) {
            final JsonNode node = json.get("language");
            if (absent(node) || !node.isTextual() || node.textValue().isBlank()) {
                error("/language", "language is required: a BCP 47 tag such as ar, en or ar-SY");
                return null;
            }
            try {
                final Locale locale = new Locale.Builder().setLanguageTag(node.textValue()).build();
                if (locale.getLanguage().isEmpty()) {
                    throw new IllformedLocaleException("no language subtag");
                }
                return locale.toLanguageTag();
            } catch (final IllformedLocaleException e) {
                error("/language", "'" + Echo.of(node.textValue(), 60) + "' is not a valid BCP 47 language tag (" + Echo.of(e.getMessage(), 100) + ")");
                return null;
            }
        }

        List<String> body(final JsonNode json) {
            final JsonNode node = json.get("body");
            final List<String> paragraphs = new ArrayList<>();
            if (absent(node)) {
                error("/body", "body is required: an array of paragraphs, or one string with paragraphs separated by blank lines");
                return paragraphs;
            }
            if (node.isTextual()) {
                for (final String paragraph : clean("/body", node.textValue(), true).split("\\n\\s*\\n")) {
                    if (!paragraph.isBlank()) {
                        paragraphs.add(paragraph.strip());
                    }
                }
            } else if (node.isArray()) {
                if (node.size() > MAX_PARAGRAPHS) {
                    error("/body", "body has " + node.size() + " paragraphs; at most " + MAX_PARAGRAPHS);
                    return paragraphs;
                }
                for (int i = 0; i < node.size(); i++) {
                    final String paragraph = text(node.get(i), "/body/" + i, "body paragraph " + i, false, true, MAX_BODY_CHARS);
                    if (node.get(i) != null && !node.get(i).isTextual()) {
                        continue;
                    }
                    if (paragraph != null) {
                        paragraphs.add(paragraph);
                    }
                }
            } else {
                error("/body", "body must be an array of strings or a string");
                return paragraphs;
            }
            if (paragraphs.isEmpty() && !has("/body")) {
                error("/body", "body must not be empty");
            }
            final int total = paragraphs.stream().mapToInt(String::length).sum();
            if (total > MAX_BODY_CHARS) {
                error("/body", "body has " + total + " characters; at most " + MAX_BODY_CHARS);
            }
            return paragraphs;
        }

        List<MediaItem> media(final JsonNode json) {
            final List<MediaItem> items = new ArrayList<>();
            final JsonNode node = json.get("media");
            if (absent(node)) {
                return items;
            }
            if (!node.isArray() || node.size() > MAX_LIST_ITEMS) {
                error("/media", "media must be an array of at most " + MAX_LIST_ITEMS + " items");
                return items;
            }
            for (int i = 0; i < node.size(); i++) {
                final JsonNode item = node.get(i);
                final String pointer = "/media/" + i;
                if (!item.isObject()) {
                    error(pointer, "a media item is an object with type, and optionally uri, caption, credit");
                    continue;
                }
                MediaType type = null;
                final JsonNode typeNode = item.get("type");
                if (typeNode != null && typeNode.isTextual()) {
                    type = Arrays.stream(MediaType.values()).filter(t -> t.name().equals(typeNode.textValue())).findFirst().orElse(null);
                }
                if (type == null) {
                    error(pointer + "/type", "type must be one of " + Arrays.toString(MediaType.values()));
                }
                unknownFields(item, pointer, Set.of("type", "uri", "caption", "credit"));
                final String uri = text(item.get("uri"), pointer + "/uri", "uri", false, false, 2_000);
                final String caption = text(item.get("caption"), pointer + "/caption", "caption", false, false, 2_000);
                final String credit = text(item.get("credit"), pointer + "/credit", "credit", false, false, 300);
                if (type != null) {
                    items.add(MediaItem.newBuilder().setType(type).setUri(uri).setCaption(caption).setCredit(credit).build());
                }
            }
            return items;
        }

        List<Attribution> sources(final JsonNode json) {
            final List<Attribution> sources = new ArrayList<>();
            final JsonNode node = json.get("sources");
            if (absent(node)) {
                return sources;
            }
            if (!node.isArray() || node.size() > MAX_LIST_ITEMS) {
                error("/sources", "sources must be an array of at most " + MAX_LIST_ITEMS + " items");
                return sources;
            }
            for (int i = 0; i < node.size(); i++) {
                final JsonNode item = node.get(i);
                final String pointer = "/sources/" + i;
                if (item.isTextual()) {
                    final String source = text(item, pointer, "source", true, false, 500);
                    if (source != null) {
                        sources.add(new Attribution(source, null));
                    }
                    continue;
                }
                if (!item.isObject()) {
                    error(pointer, "a source is a string, or an object with source and optionally claim");
                    continue;
                }
                unknownFields(item, pointer, Set.of("source", "claim"));
                final String source = text(item.get("source"), pointer + "/source", "source", true, false, 500);
                final String claim = text(item.get("claim"), pointer + "/claim", "claim", false, true, 5_000);
                if (source != null) {
                    sources.add(new Attribution(source, claim));
                }
            }
            return sources;
        }

        Byline byline(final JsonNode json) {
            final JsonNode node = json.get("byline");
            if (absent(node)) {
                return null;
            }
            if (!node.isObject()) {
                error("/byline", "byline is an object with name and optionally bio");
                return null;
            }
            unknownFields(node, "/byline", Set.of("name", "bio"));
            final String name = text(node.get("name"), "/byline/name", "byline name", true, false, 200);
            final String bio = text(node.get("bio"), "/byline/bio", "byline bio", false, false, 1_000);
            return name == null ? null : new Byline(name, bio);
        }

        ClientInfo client(final JsonNode json) {
            final JsonNode node = json.get("client");
            if (absent(node)) {
                return null;
            }
            if (!node.isObject()) {
                error("/client", "client is an object with app, and optionally version and device");
                return null;
            }
            unknownFields(node, "/client", Set.of("app", "version", "device"));
            final String app = text(node.get("app"), "/client/app", "client app", true, false, 100);
            final String version = text(node.get("version"), "/client/version", "client version", false, false, 50);
            final String device = text(node.get("device"), "/client/device", "client device", false, false, 100);
            return app == null ? null : new ClientInfo(app, version, device);
        }

        boolean bool(final JsonNode json, final String field) {
            final JsonNode node = json.get(field);
            if (absent(node)) {
                return false;
            }
            if (!node.isBoolean()) {
                error("/" + field, field + " must be true or false");
                return false;
            }
            return node.booleanValue();
        }

        String timeZone(final JsonNode json) {
            final JsonNode node = json.get("timeZone");
            if (absent(node)) {
                return null;
            }
            try {
                if (!node.isTextual()) {
                    throw new DateTimeException("not a string");
                }
                return ZoneId.of(node.textValue()).getId();
            } catch (final DateTimeException e) {
                error("/timeZone", "timeZone must be an IANA zone such as Asia/Damascus, got " + shown(node));
                return null;
            }
        }

        Instant instant(final JsonNode json, final String field) {
            final JsonNode node = json.get(field);
            if (absent(node)) {
                return null;
            }
            try {
                if (!node.isTextual()) {
                    throw new DateTimeException("not a string");
                }
                return java.time.OffsetDateTime.parse(node.textValue()).toInstant().truncatedTo(ChronoUnit.MILLIS);
            } catch (final DateTimeException e) {
                error("/" + field, field + " must be an ISO 8601 time with offset, such as 2026-11-24T06:30:00+03:00, got " + shown(node));
                return null;
            }
        }

        void unknownFields(final JsonNode object, final String pointer, final Set<String> known) {
            for (final Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                final String name = names.next();
                if (!known.contains(name)) {
                    error(pointer + "/" + escape(name), "Unknown field '" + Echo.of(name, 100) + "'; known: " + known.stream().sorted().collect(Collectors.joining(", ")));
                }
            }
        }
    }
}
