package io.newswire.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A client for the Confluent Schema Registry REST API, as served by Confluent's registry or Apicurio's ccompat API.
 *
 * <p>Ids are cached both ways (schema to id per subject, id to schema), so serializing and deserializing make no
 * HTTP call once a schema has been seen. Requests that fail with 5xx, 408, 429 or an I/O error (a timeout
 * included) are retried with exponential backoff, a bounded number of times and within one time budget per request
 * ({@link SchemaRegistryClientConfig#callTimeout()}, every attempt and wait included); other 4xx answers are not
 * retried. The caches are filled after the HTTP call returns, never from inside a map's {@code computeIfAbsent}: a
 * call that blocks and sleeps there would hold up other keys' lookups, and two threads asking for one id at once
 * may both ask the registry (the answer is the same).
 * Every failure is a {@link SchemaRegistryException} saying what was asked, of which subject and version, and what
 * the registry answered; a refused registration (409) also says what is incompatible, asked of the registry's
 * compatibility endpoint.
 *
 * <p>Thread-safe; share one per process (NewswireSerdes does).
 */
public final class SchemaRegistryClient implements AutoCloseable {

    /**
     * The registry's answer to a compatibility check.
     *
     * @param compatible whether the schema may be registered as the subject's next version
     * @param messages   the registry's reasons when it is not (may be empty when it is)
     */
    public record CompatibilityResult(boolean compatible, List<String> messages) {
        public CompatibilityResult {
            messages = List.copyOf(messages);
        }
    }

    /**
     * One registered version of a subject.
     *
     * @param subject the subject
     * @param version the version number within the subject, from 1
     * @param id      the registry-wide schema id, as written in the wire format
     * @param schema  the schema
     */
    public record RegisteredSchema(String subject, int version, int id, Schema schema) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An attempt given less than this is not worth starting. */
    private static final long MIN_ATTEMPT_MS = 50;

    private final SchemaRegistryClientConfig config;
    private final HttpClient http;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** @param config where the registry is and how to talk to it */
    public SchemaRegistryClient(final SchemaRegistryClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        final HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(min(config.requestTimeout(), config.callTimeout()));
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /**
     * Registers the schema under the subject, or finds it registered there already, and returns its id.
     * Cached: a schema already registered (or looked up) under the subject costs no HTTP call.
     *
     * @throws SchemaRegistryException when the registry refuses; for 409 the message names the incompatibility
     */
    public int register(final String subject, final Schema schema) {
        final Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        final JsonNode answer = send(Request.post("/subjects/" + encode(subject) + "/versions", schemaBody(schema),
                "register schema " + schema.getFullName() + " as a new version", subject, null).explainingConflictOf(schema));
        final int id = intField(answer, "id", "registration under " + subject);
        remember(subject, schema, id);
        return id;
    }

    /**
     * The schema with this id. Cached forever: ids are immutable in the registry.
     *
     * @throws SchemaRegistryException with status 404 for an id the registry does not know
     */
    public Schema schemaById(final int id) {
        final Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        final JsonNode answer = send(Request.get("/schemas/ids/" + id, "fetch schema id " + id, null, null));
        final String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new SchemaRegistryException("Schema id " + id + " at " + config.baseUrl() + " is a " + type
                    + " schema, not Avro", 200, -1, null);
        }
        final Schema schema = parse(answer, "schema id " + id);
        final Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    /**
     * The id of this schema under the subject, if it is registered there ({@code POST /subjects/{subject}}).
     *
     * @return empty when the subject does not exist or does not hold this schema (404)
     */
    public OptionalInt idOf(final String subject, final Schema schema) {
        final Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return OptionalInt.of(cached);
        }
        try {
            final JsonNode answer = send(Request.post("/subjects/" + encode(subject), schemaBody(schema),
                    "look up schema " + schema.getFullName(), subject, null));
            final int id = intField(answer, "id", "lookup under " + subject);
            remember(subject, schema, id);
            return OptionalInt.of(id);
        } catch (final SchemaRegistryException e) {
            if (e.isNotFound()) {
                return OptionalInt.empty();
            }
            throw e;
        }
    }

    /** The versions registered under the subject, oldest first. */
    public List<Integer> versions(final String subject) {
        final JsonNode answer = send(Request.get("/subjects/" + encode(subject) + "/versions", "list the versions", subject, null));
        final List<Integer> versions = new ArrayList<>();
        answer.forEach(v -> versions.add(v.asInt()));
        return List.copyOf(versions);
    }

    /** The latest version of the subject. */
    public RegisteredSchema latest(final String subject) {
        return version(subject, "latest");
    }

    /** One version of the subject. */
    public RegisteredSchema version(final String subject, final int version) {
        return version(subject, Integer.toString(version));
    }

    private RegisteredSchema version(final String subject, final String version) {
        final JsonNode answer = send(Request.get("/subjects/" + encode(subject) + "/versions/" + version,
                "fetch the version", subject, version));
        final Schema schema = parse(answer, "version " + version + " of subject " + subject);
        final int id = intField(answer, "id", "version " + version + " of " + subject);
        remember(subject, schema, id);
        return new RegisteredSchema(subject, intField(answer, "version", "version " + version + " of " + subject), id, schema);
    }

    /**
     * Whether the schema could be registered as the subject's next version under the compatibility level in force,
     * and if not, why (the registry is asked verbosely for its reasons). A subject with no version yet accepts any
     * schema, so that is reported compatible.
     */
    public CompatibilityResult checkCompatibility(final String subject, final Schema schema) {
        final JsonNode answer;
        try {
            answer = send(Request.post("/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
                    schemaBody(schema), "check schema " + schema.getFullName() + " for compatibility", subject, "latest"));
        } catch (final SchemaRegistryException e) {
            if (e.isNotFound()) {
                return new CompatibilityResult(true, List.of("subject " + subject + " has no version yet"));
            }
            throw e;
        }
        final List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(m -> messages.add(m.isTextual() ? m.asText() : m.toString()));
        final boolean compatible = answer.path("is_compatible").asBoolean(false);
        if (!compatible && messages.isEmpty()) {
            // some registries (Apicurio's ccompat API) answer verbose checks without reasons: name them with Avro's own check
            messages.addAll(avroDiagnosis(subject, schema));
        }
        return new CompatibilityResult(compatible, messages);
    }

    /**
     * Avro's own reader/writer check of the schema against the subject's latest version under the level in force,
     * as a stand-in reason when the registry gives none. Transitive levels are checked against the latest only.
     */
    private List<String> avroDiagnosis(final String subject, final Schema schema) {
        try {
            final RegisteredSchema latest = latest(subject);
            final String level = compatibilityInForce(subject);
            final List<String> reasons = new ArrayList<>();
            if (level.startsWith("BACKWARD") || level.startsWith("FULL")) {
                reasons.addAll(AvroCompatibility.problems(schema, latest.schema(), "new schema reading version " + latest.version()));
            }
            if (level.startsWith("FORWARD") || level.startsWith("FULL")) {
                reasons.addAll(AvroCompatibility.problems(latest.schema(), schema, "version " + latest.version() + " reading new schema"));
            }
            return reasons.isEmpty() ? List.of("the registry gave no reason, and Avro's own " + level + " check against version "
                    + latest.version() + " found none") : reasons;
        } catch (final RuntimeException e) {
            return List.of("the registry gave no reason (and the latest version could not be read: " + e.getMessage() + ")");
        }
    }

    /**
     * Sets the compatibility level (BACKWARD, FORWARD, FULL, NONE and their _TRANSITIVE forms).
     *
     * @param subject the subject, or null for the registry-wide level
     */
    public void setCompatibility(final String subject, final String level) {
        final ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        send(Request.put(configPath(subject), body.toString(), "set compatibility " + level + " on " + describe(subject), subject));
    }

    /**
     * The compatibility level in force.
     *
     * @param subject the subject, or null for the registry-wide level
     */
    public String compatibility(final String subject) {
        final JsonNode answer = send(Request.get(configPath(subject), "read the compatibility level of " + describe(subject), subject, null));
        return answer.has("compatibilityLevel") ? answer.get("compatibilityLevel").asText() : answer.path("compatibility").asText();
    }

    /** The API base URL requests go to. */
    public URI baseUrl() {
        return config.baseUrl();
    }

    /** The settings this client was made with. */
    public SchemaRegistryClientConfig config() {
        return config;
    }

    @Override
    public void close() {
        // java.net.http.HttpClient is AutoCloseable from Java 21 on; on 17 its threads end when it is collected
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (final Exception e) {
                LOG.debug("Closing the registry HTTP client failed", e);
            }
        }
    }

    private Integer cachedId(final String subject, final Schema schema) {
        final Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private void remember(final String subject, final Schema schema, final int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    private static String configPath(final String subject) {
        return subject == null ? "/config" : "/config/" + encode(subject);
    }

    private static String describe(final String subject) {
        return subject == null ? "the registry (global)" : "subject " + subject;
    }

    private static String schemaBody(final Schema schema) {
        // schemaType is left out for Avro, as Confluent's own client does, so registries that predate it accept the body
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String encode(final String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Schema parse(final JsonNode answer, final String what) {
        final JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException("Schema registry at " + config.baseUrl() + " answered for " + what
                    + " without a schema: " + abbreviate(answer.toString()), 200, -1, null);
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (final SchemaParseException e) {
            throw new SchemaRegistryException("Schema registry at " + config.baseUrl() + " returned an Avro schema for " + what
                    + " that does not parse: " + e.getMessage(), 200, -1, e);
        }
    }

    private int intField(final JsonNode answer, final String field, final String what) {
        final JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException("Schema registry at " + config.baseUrl() + " answered the " + what
                    + " without a numeric '" + field + "': " + abbreviate(answer.toString()), 200, -1, null);
        }
        return value.asInt();
    }

    /**
     * Sends a request, retrying what may pass (5xx, 408, 429, I/O errors) with exponential backoff, until the
     * attempts or the call's time budget run out. Each attempt's timeout is cut to what is left of the budget, and a
     * wait that would end past it is not started: the call fails at once instead.
     */
    private JsonNode send(final Request request) {
        final URI uri = URI.create(config.baseUrl() + request.path);
        final long started = System.nanoTime();
        final long deadline = started + config.callTimeout().toNanos();
        Duration backoff = config.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            Duration wait = backoff;
            try {
                final HttpResponse<String> response = http.send(build(request, uri, left(deadline)),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                final int status = response.statusCode();
                if (status / 100 == 2) {
                    return json(response.body(), request, status);
                }
                if (retriable(status)) {
                    wait = retryAfter(response).orElse(backoff);
                }
                if (!retriable(status) || attempt >= config.maxAttempts()) {
                    throw failure(request, status, response.body(), attempt, "");
                }
                if (!fitsBefore(deadline, wait)) {
                    throw failure(request, status, response.body(), attempt, outOfTime(started));
                }
                LOG.warn("Schema registry answered HTTP {} to {} {}; attempt {} of {}, next in {} ms", status, request.method, uri,
                        attempt, config.maxAttempts(), wait.toMillis());
            } catch (final IOException e) {
                final boolean noTimeLeft = attempt < config.maxAttempts() && !fitsBefore(deadline, wait);
                if (attempt >= config.maxAttempts() || noTimeLeft) {
                    throw new SchemaRegistryException("Schema registry at " + config.baseUrl() + " could not be reached to "
                            + request.what + where(request) + " after " + attempt + " attempt(s)" + (noTimeLeft ? outOfTime(started) : "")
                            + ": " + e, SchemaRegistryException.NO_RESPONSE, -1, request.subject, request.version, e);
                }
                LOG.warn("Schema registry request {} {} failed ({}); attempt {} of {}, next in {} ms", request.method, uri, e,
                        attempt, config.maxAttempts(), wait.toMillis());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while trying to " + request.what + where(request),
                        SchemaRegistryException.NO_RESPONSE, -1, request.subject, request.version, e);
            }
            sleep(wait, request);
            backoff = min(backoff.multipliedBy(2), config.maxBackoff());
        }
    }

    /** What is left of the call's budget, at least 1 ms (HttpRequest refuses a zero timeout). */
    private static Duration left(final long deadline) {
        return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime()));
    }

    /** Whether a wait and at least a short attempt after it still fit in the call's budget. */
    private static boolean fitsBefore(final long deadline, final Duration wait) {
        return System.nanoTime() + wait.toNanos() + TimeUnit.MILLISECONDS.toNanos(MIN_ATTEMPT_MS) < deadline;
    }

    /** Says, for the error, that the time budget (not the attempt count) ended the call. */
    private String outOfTime(final long started) {
        return " in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms, the whole time a call may take ("
                + SchemaRegistryClientConfig.CALL_TIMEOUT_MS_CONFIG + "=" + config.callTimeout().toMillis() + ")";
    }

    private HttpRequest build(final Request request, final URI uri, final Duration left) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(min(config.requestTimeout(), left))
                .header("Accept", ACCEPT)
                .method(request.method, request.body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body, StandardCharsets.UTF_8));
        if (request.body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        config.basicAuth().ifPresent(userInfo -> builder.header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
        return builder.build();
    }

    private static boolean retriable(final int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    private java.util.Optional<Duration> retryAfter(final HttpResponse<String> response) {
        // honour a registry or proxy that says when to come back, but never wait longer than our own cap
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(min(Duration.ofSeconds(Long.parseLong(value.trim())), config.maxBackoff()));
            } catch (final NumberFormatException httpDate) {
                return java.util.Optional.empty();
            }
        });
    }

    private JsonNode json(final String body, final Request request, final int status) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (final JsonProcessingException e) {
            // a 2xx that is not JSON is a wrong base URL (a web page, a proxy), not a passing fault: no retry
            throw new SchemaRegistryException("Schema registry at " + config.baseUrl() + " answered HTTP " + status + " to "
                    + request.what + where(request) + " with something that is not JSON (is " + SchemaRegistryClientConfig.URL_CONFIG
                    + " the API base?): " + abbreviate(body), status, -1, request.subject, request.version, e);
        }
    }

    private SchemaRegistryException failure(final Request request, final int status, final String body, final int attempts,
                                            final String givenUp) {
        int errorCode = -1;
        String message = abbreviate(body);
        try {
            final JsonNode error = JSON.readTree(body);
            errorCode = error.path("error_code").asInt(-1);
            message = error.path("message").asText(message);
        } catch (final IOException | RuntimeException notJson) {
            // keep the raw body as the message
        }
        final StringBuilder text = new StringBuilder("Schema registry at ").append(config.baseUrl()).append(" refused to ")
                .append(request.what).append(where(request)).append(": HTTP ").append(status).append(", error_code ")
                .append(errorCode).append(": ").append(message);
        if (attempts > 1 || !givenUp.isEmpty()) {
            text.append(" (after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts").append(givenUp).append(')');
        }
        if (status == 409 && request.conflictSchema != null && request.subject != null) {
            text.append(". ").append(incompatibility(request.subject, request.conflictSchema));
        }
        return new SchemaRegistryException(text.toString(), status, errorCode, request.subject, request.version, null);
    }

    /** Why a registration was refused, asked of the registry itself so the answer matches its rules. */
    private String incompatibility(final String subject, final Schema schema) {
        try {
            final RegisteredSchema latest = latest(subject);
            final CompatibilityResult result = checkCompatibility(subject, schema);
            return "Incompatible with version " + latest.version() + " (schema id " + latest.id() + ") of subject " + subject
                    + " under compatibility " + compatibilityInForce(subject) + ": " + String.join("; ", result.messages());
        } catch (final RuntimeException e) {
            return "Could not ask the registry why it is incompatible: " + e.getMessage();
        }
    }

    private String compatibilityInForce(final String subject) {
        try {
            return compatibility(subject);
        } catch (final SchemaRegistryException noSubjectLevel) {
            return compatibility(null) + " (registry-wide)";
        }
    }

    private static String where(final Request request) {
        if (request.subject == null) {
            return "";
        }
        return " (subject " + request.subject + (request.version == null ? "" : ", version " + request.version) + ")";
    }

    private static String abbreviate(final String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }

    private static Duration min(final Duration a, final Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(final Duration wait, final Request request) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while waiting to retry: " + request.what + where(request),
                    SchemaRegistryException.NO_RESPONSE, -1, request.subject, request.version, e);
        }
    }

    /**
     * One REST call, with what it is for in words, for error messages.
     *
     * @param conflictSchema on a 409, explain with a verbose compatibility check of this schema. May be null.
     */
    private record Request(String method, String path, String body, String what, String subject, String version,
                           Schema conflictSchema) {

        static Request get(final String path, final String what, final String subject, final String version) {
            return new Request("GET", path, null, what, subject, version, null);
        }

        static Request post(final String path, final String body, final String what, final String subject, final String version) {
            return new Request("POST", path, body, what, subject, version, null);
        }

        static Request put(final String path, final String body, final String what, final String subject) {
            return new Request("PUT", path, body, what, subject, null, null);
        }

        Request explainingConflictOf(final Schema schema) {
            return new Request(method, path, body, what, subject, version, schema);
        }
    }
}
