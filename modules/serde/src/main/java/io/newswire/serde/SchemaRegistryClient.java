package io.newswire.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client for the Confluent Schema Registry REST API (Confluent's registry, or Apicurio's ccompat API).
 *
 * <p>Ids are cached both ways (schema to id per subject, id to schema), so serializing and deserializing make
 * no HTTP call once a schema has been seen. Requests that fail with 5xx, 429 or an I/O error are retried with
 * exponential backoff; 4xx answers are not, and become a {@link SchemaRegistryException} that says what was
 * asked and what the registry answered.
 */
public final class SchemaRegistryClient implements AutoCloseable {

    /** The registry's answer to a compatibility check. */
    public record CompatibilityResult(boolean compatible, List<String> messages) {
    }

    /** One registered version of a subject. */
    public record RegisteredSchema(String subject, int version, int id, Schema schema) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistryClientConfig config;
    private final HttpClient http;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(final SchemaRegistryClientConfig config) {
        this.config = config;
        final HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.requestTimeout());
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** Registers the schema under the subject (or finds it registered already) and returns its id. */
    public int register(final String subject, final Schema schema) {
        final Integer cached = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).get(schema);
        if (cached != null) {
            return cached;
        }
        final JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema),
                "register a schema under subject " + subject, subject, schema);
        final int id = answer.get("id").asInt();
        remember(subject, schema, id);
        return id;
    }

    /** The schema with this id. */
    public Schema schemaById(final int id) {
        final Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        final JsonNode answer = send("GET", "/schemas/ids/" + id, null, "fetch schema id " + id, null, null);
        final Schema schema = new Schema.Parser().parse(answer.get("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    /** The id of this schema under the subject, if registered there. */
    public OptionalInt idOf(final String subject, final Schema schema) {
        final Integer cached = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).get(schema);
        if (cached != null) {
            return OptionalInt.of(cached);
        }
        try {
            final JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema),
                    "look up a schema under subject " + subject, subject, null);
            final int id = answer.get("id").asInt();
            remember(subject, schema, id);
            return OptionalInt.of(id);
        } catch (final SchemaRegistryException e) {
            if (e.status() == 404) {
                return OptionalInt.empty();
            }
            throw e;
        }
    }

    /** The versions registered under the subject, oldest first. */
    public List<Integer> versions(final String subject) {
        final JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions", null, "list versions of subject " + subject, subject, null);
        final List<Integer> versions = new ArrayList<>();
        answer.forEach(v -> versions.add(v.asInt()));
        return versions;
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
        final JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null,
                "fetch version " + version + " of subject " + subject, subject, null);
        final Schema schema = new Schema.Parser().parse(answer.get("schema").asText());
        final int id = answer.get("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, answer.get("version").asInt(), id, schema);
    }

    /** Whether the schema could be registered as the subject's next version under its compatibility level, and why not. */
    public CompatibilityResult checkCompatibility(final String subject, final Schema schema) {
        final JsonNode answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
                schemaBody(schema), "check compatibility with subject " + subject, subject, null);
        final List<String> messages = new ArrayList<>();
        final JsonNode list = answer.get("messages");
        if (list != null) {
            list.forEach(m -> messages.add(m.asText()));
        }
        return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), List.copyOf(messages));
    }

    /**
     * Sets the compatibility level (BACKWARD, FORWARD, FULL, NONE and their _TRANSITIVE forms).
     *
     * @param subject the subject, or null for the global level
     */
    public void setCompatibility(final String subject, final String level) {
        final ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        send("PUT", configPath(subject), body.toString(), "set compatibility " + level + " on " + describe(subject), subject, null);
    }

    /**
     * The compatibility level in force.
     *
     * @param subject the subject, or null for the global level
     */
    public String compatibility(final String subject) {
        final JsonNode answer = send("GET", configPath(subject), null, "read compatibility of " + describe(subject), subject, null);
        return answer.has("compatibilityLevel") ? answer.get("compatibilityLevel").asText() : answer.path("compatibility").asText();
    }

    public URI baseUrl() {
        return config.baseUrl();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient on Java 17 has no close(); its threads end with the JVM
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
        return JSON.createObjectNode().put("schema", schema.toString()).put("schemaType", "AVRO").toString();
    }

    private static String encode(final String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends a request with retries. {@code incompatibleSchema}, when given, is checked verbosely after a 409 so the
     * error says what is incompatible rather than only that something is.
     */
    private JsonNode send(final String method, final String path, final String body, final String what,
                          final String subject, final Schema incompatibleSchema) {
        final URI uri = URI.create(config.baseUrl() + path);
        long backoff = config.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            final HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                    .header("Accept", CONTENT_TYPE + ", application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            config.basicAuth().ifPresent(userInfo -> request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
            final boolean lastAttempt = attempt >= config.maxAttempts();
            try {
                final HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                final int status = response.statusCode();
                if (status / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                if ((status >= 500 || status == 429) && !lastAttempt) {
                    LOG.debug("Registry answered {} to {} {}; attempt {} of {}", status, method, uri, attempt, config.maxAttempts());
                } else {
                    throw failure(status, response.body(), what, subject, incompatibleSchema);
                }
            } catch (final IOException e) {
                if (lastAttempt) {
                    throw new SchemaRegistryException("Schema registry at " + config.baseUrl() + " unreachable while trying to " + what
                            + " (" + attempt + " attempts): " + e, -1, -1, e);
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while trying to " + what, -1, -1, e);
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 5_000);
        }
    }

    private SchemaRegistryException failure(final int status, final String body, final String what, final String subject,
                                            final Schema incompatibleSchema) {
        int errorCode = -1;
        String message = body;
        try {
            final JsonNode error = JSON.readTree(body);
            errorCode = error.path("error_code").asInt(-1);
            message = error.path("message").asText(body);
        } catch (final IOException notJson) {
            // keep the raw body as the message
        }
        final StringBuilder text = new StringBuilder("Schema registry refused to ").append(what)
                .append(": HTTP ").append(status).append(", error_code ").append(errorCode).append(": ").append(message);
        if (status == 409 && incompatibleSchema != null && subject != null) {
            try {
                final CompatibilityResult result = checkCompatibility(subject, incompatibleSchema);
                text.append(". Incompatible with the latest version of ").append(subject).append(" (compatibility ")
                        .append(compatibilitySafely(subject)).append("): ").append(String.join("; ", result.messages()));
            } catch (final RuntimeException e) {
                text.append(". (Could not fetch the reason: ").append(e.getMessage()).append(')');
            }
        }
        return new SchemaRegistryException(text.toString(), status, errorCode, null);
    }

    private String compatibilitySafely(final String subject) {
        try {
            return compatibility(subject);
        } catch (final SchemaRegistryException e) {
            return compatibility(null);
        }
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
