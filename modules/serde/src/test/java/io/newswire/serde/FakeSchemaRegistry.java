package io.newswire.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small in-memory stand-in for the Confluent Schema Registry REST API on a loopback port, for unit tests of the
 * real HTTP client and the serdes. It keeps subjects, versions and global ids, checks BACKWARD / FORWARD / FULL /
 * NONE compatibility against the latest version with Avro's own {@link SchemaCompatibility}, and can be told to fail
 * the next requests (5xx, 429, slow answers, non-JSON) to exercise retries.
 *
 * <p>Claims about a real registry's behaviour come from the integration tests, not from here.
 */
final class FakeSchemaRegistry implements AutoCloseable {

    static final String BASE_PATH = "/apis/ccompat/v7";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Version(int version, int id, Schema schema) {
    }

    /** A canned answer given instead of the real one. */
    private record Fault(int status, String body, Duration delay, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, List<Version>> subjects = new HashMap<>();
    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<String, String> compatibility = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String lastAuthorization;
    private volatile boolean reasonsOmitted;
    private String globalCompatibility = "BACKWARD";
    private int nextId = 1;

    private FakeSchemaRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // several threads, so a deliberately slow answer does not hold up the client's retry
        server.setExecutor(executor);
        server.start();
    }

    static FakeSchemaRegistry start() {
        try {
            return new FakeSchemaRegistry();
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base URL with Apicurio's path prefix, so every test also proves the client keeps a base path. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    /** A client with quick retries (3 attempts, 1 ms first backoff) and a short timeout. */
    SchemaRegistryClient client() {
        return new SchemaRegistryClient(new SchemaRegistryClientConfig(URI.create(url()), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(2), 3, Duration.ofMillis(1)));
    }

    /** Every request so far, as "METHOD /path?query" without the base path. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    void clearRequests() {
        requests.clear();
    }

    String lastAuthorization() {
        return lastAuthorization;
    }

    /** The next {@code times} requests get this status and a Confluent-style error body. */
    synchronized void failNext(final int times, final int status) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(status, errorBody(status * 100 + 1, "injected failure").toString(), Duration.ZERO, Map.of()));
        }
    }

    synchronized void failNextWithHeader(final int status, final String header, final String value) {
        faults.add(new Fault(status, errorBody(status, "injected failure").toString(), Duration.ZERO, Map.of(header, value)));
    }

    /** The next request is answered after {@code delay} (longer than the client's timeout makes it an I/O timeout). */
    synchronized void delayNext(final Duration delay) {
        faults.add(new Fault(-1, null, delay, Map.of()));
    }

    /** The next request gets 200 with a body that is not JSON, as a web page at the wrong URL would. */
    synchronized void answerNextWithHtml() {
        faults.add(new Fault(200, "<html><body>Welcome</body></html>", Duration.ZERO, Map.of()));
    }

    /** Answer compatibility checks without "messages", as Apicurio's ccompat API does. */
    void omitCompatibilityReasons() {
        reasonsOmitted = true;
    }

    /** Registers directly, as another producer would have, and returns the id. */
    synchronized int registerDirectly(final String subject, final Schema schema) {
        return register(subject, schema).path("id").asInt();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String path = exchange.getRequestURI().getRawPath();
            final String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).map(q -> "?" + q).orElse("");
            final String local = path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : "!outside-base:" + path;
            requests.add(exchange.getRequestMethod() + " " + local + query);
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final Fault fault = nextFault();
            if (fault != null) {
                sleep(fault.delay());
                if (fault.status() > 0) {
                    fault.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    send(exchange, fault.status(), fault.body());
                    return;
                }
            }
            final Answer answer = route(exchange.getRequestMethod(), local, body);
            send(exchange, answer.status, answer.body.toString());
        }
    }

    private synchronized Fault nextFault() {
        return faults.poll();
    }

    private record Answer(int status, JsonNode body) {
    }

    private synchronized Answer route(final String method, final String path, final String body) throws IOException {
        final String[] parts = path.substring(1).split("/");
        final List<String> p = new ArrayList<>();
        for (final String part : parts) {
            p.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
        }
        if (method.equals("POST") && p.size() == 3 && p.get(0).equals("subjects") && p.get(2).equals("versions")) {
            final Schema schema = schemaOf(body);
            final String subject = p.get(1);
            final Optional<String> incompatible = latest(subject).flatMap(latest -> incompatibility(subject, schema, latest.schema()));
            if (incompatible.isPresent() && find(subject, schema).isEmpty()) {
                return new Answer(409, errorBody(409, "Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\""));
            }
            return new Answer(200, register(subject, schema));
        }
        if (method.equals("POST") && p.size() == 2 && p.get(0).equals("subjects")) {
            if (!subjects.containsKey(p.get(1))) {
                return new Answer(404, errorBody(40401, "Subject '" + p.get(1) + "' not found."));
            }
            return find(p.get(1), schemaOf(body)).map(v -> new Answer(200, versionJson(p.get(1), v)))
                    .orElse(new Answer(404, errorBody(40403, "Schema not found")));
        }
        if (method.equals("GET") && p.size() == 3 && p.get(0).equals("schemas") && p.get(1).equals("ids")) {
            final Schema schema = byId.get(Integer.parseInt(p.get(2)));
            return schema == null ? new Answer(404, errorBody(40403, "Schema " + p.get(2) + " not found"))
                    : new Answer(200, JSON.createObjectNode().put("schema", schema.toString()));
        }
        if (method.equals("GET") && p.size() == 3 && p.get(0).equals("subjects") && p.get(2).equals("versions")) {
            final List<Version> versions = subjects.get(p.get(1));
            if (versions == null) {
                return new Answer(404, errorBody(40401, "Subject '" + p.get(1) + "' not found."));
            }
            final ArrayNode list = JSON.createArrayNode();
            versions.forEach(v -> list.add(v.version()));
            return new Answer(200, list);
        }
        if (method.equals("GET") && p.size() == 4 && p.get(0).equals("subjects") && p.get(2).equals("versions")) {
            final List<Version> versions = subjects.get(p.get(1));
            if (versions == null) {
                return new Answer(404, errorBody(40401, "Subject '" + p.get(1) + "' not found."));
            }
            final Optional<Version> version = p.get(3).equals("latest") ? latest(p.get(1))
                    : versions.stream().filter(v -> v.version() == Integer.parseInt(p.get(3))).findFirst();
            return version.map(v -> new Answer(200, versionJson(p.get(1), v)))
                    .orElse(new Answer(404, errorBody(40402, "Version " + p.get(3) + " not found.")));
        }
        if (method.equals("POST") && p.size() == 5 && p.get(0).equals("compatibility")) {
            final String subject = p.get(2);
            final Optional<Version> latest = latest(subject);
            if (latest.isEmpty()) {
                return new Answer(404, errorBody(40401, "Subject '" + subject + "' not found."));
            }
            final Optional<String> incompatible = incompatibility(subject, schemaOf(body), latest.get().schema());
            final ObjectNode answer = JSON.createObjectNode().put("is_compatible", incompatible.isEmpty());
            incompatible.filter(reason -> !reasonsOmitted).ifPresent(reason -> answer.putArray("messages").add(reason));
            return new Answer(200, answer);
        }
        if (p.get(0).equals("config")) {
            final String subject = p.size() > 1 ? p.get(1) : null;
            if (method.equals("PUT")) {
                final String level = JSON.readTree(body).path("compatibility").asText();
                if (subject == null) {
                    globalCompatibility = level;
                } else {
                    compatibility.put(subject, level);
                }
                return new Answer(200, JSON.createObjectNode().put("compatibility", level));
            }
            final String level = subject == null ? globalCompatibility : compatibility.get(subject);
            return level == null ? new Answer(404, errorBody(40408, "Subject '" + subject + "' does not have subject-level compatibility configured"))
                    : new Answer(200, JSON.createObjectNode().put("compatibilityLevel", level));
        }
        return new Answer(404, errorBody(404, "HTTP 404 Not Found"));
    }

    private ObjectNode register(final String subject, final Schema schema) {
        final Optional<Version> existing = find(subject, schema);
        if (existing.isPresent()) {
            return JSON.createObjectNode().put("id", existing.get().id());
        }
        // like Confluent, the same schema gets the same id in every subject
        final int id = byId.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> nextId++);
        byId.put(id, schema);
        final List<Version> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        versions.add(new Version(versions.size() + 1, id, schema));
        return JSON.createObjectNode().put("id", id);
    }

    private Optional<Version> find(final String subject, final Schema schema) {
        return subjects.getOrDefault(subject, List.of()).stream().filter(v -> v.schema().equals(schema)).findFirst();
    }

    private Optional<Version> latest(final String subject) {
        final List<Version> versions = subjects.getOrDefault(subject, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    private Optional<String> incompatibility(final String subject, final Schema proposed, final Schema latest) {
        final String level = compatibility.getOrDefault(subject, globalCompatibility);
        final List<String> problems = new ArrayList<>();
        if (level.startsWith("BACKWARD") || level.startsWith("FULL")) {
            problems.addAll(problems(proposed, latest));
        }
        if (level.startsWith("FORWARD") || level.startsWith("FULL")) {
            problems.addAll(problems(latest, proposed));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static List<String> problems(final Schema reader, final Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities().stream()
                .map(i -> "{errorType:'" + i.getType() + "', description:'" + i.getMessage() + "', location:'" + i.getLocation() + "'}")
                .toList();
    }

    private static ObjectNode versionJson(final String subject, final Version v) {
        return JSON.createObjectNode().put("subject", subject).put("version", v.version()).put("id", v.id())
                .put("schema", v.schema().toString());
    }

    private static Schema schemaOf(final String body) throws IOException {
        return new Schema.Parser().parse(JSON.readTree(body).path("schema").asText());
    }

    private static ObjectNode errorBody(final int code, final String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static void send(final HttpExchange exchange, final int status, final String body) throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(final Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
