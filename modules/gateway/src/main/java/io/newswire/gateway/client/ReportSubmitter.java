package io.newswire.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The correspondent's side of filing: posts report files to the gateway and retries what can be retried (503,
 * 429, network errors) with backoff and jitter, honouring Retry-After, always with the same report id, so a
 * retry can never file a report twice. A file without a reportId gets one derived from its bytes, so resending
 * the same file is still the same report.
 *
 * <p>Queue mode ({@link #flushQueue}): report files wait in a folder; each one the gateway answers moves to
 * {@code sent/} (accepted) or {@code rejected/} (4xx, with the answer beside it); the rest stay for the next flush.
 */
public final class ReportSubmitter {

    /** What happened to one file. */
    public record Outcome(Path file, String reportId, int status, String body, int attempts) {
        public boolean accepted() {
            return status == 202;
        }

        /** 4xx other than 429: the report itself is at fault and retrying will not help. */
        public boolean rejected() {
            return status >= 400 && status < 500 && status != 429;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI gateway;
    private final String token;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param gateway     base URL, e.g. http://127.0.0.1:8080
     * @param token       the correspondent's bearer token
     * @param maxAttempts attempts per report before giving up (the report stays unsent)
     */
    public ReportSubmitter(final URI gateway, final String token, final int maxAttempts, final Duration initialBackoff) {
        this.gateway = gateway;
        this.token = token;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
    }

    /** Submits one report file, retrying transient failures. */
    public Outcome submit(final Path file) {
        final ObjectNode report = read(file);
        final String reportId = report.path("reportId").asText(null);
        long backoff = initialBackoff.toMillis();
        Outcome last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                final HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/v1/reports"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(report), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                last = new Outcome(file, reportId, response.statusCode(), response.body(), attempt);
                if (response.statusCode() != 503 && response.statusCode() != 429) {
                    return last;
                }
                backoff = Math.max(backoff, retryAfterMillis(response).orElse(backoff));
            } catch (final IOException e) {
                last = new Outcome(file, reportId, -1, "network error: " + e, attempt);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(file, reportId, -1, "interrupted", attempt);
            }
            if (attempt < maxAttempts) {
                sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
        return last;
    }

    /** Submits every *.json file in the folder; moves each answered one to sent/ or rejected/. */
    public List<Outcome> flushQueue(final Path queue) {
        final List<Outcome> outcomes = new ArrayList<>();
        try (var files = Files.list(queue)) {
            for (final Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                final Outcome outcome = submit(file);
                outcomes.add(outcome);
                if (outcome.accepted()) {
                    move(file, queue.resolve("sent"), outcome);
                } else if (outcome.rejected()) {
                    move(file, queue.resolve("rejected"), outcome);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read queue " + queue + ": " + e.getMessage(), e);
        }
        return outcomes;
    }

    private static void move(final Path file, final Path folder, final Outcome outcome) throws IOException {
        Files.createDirectories(folder);
        Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(folder.resolve(file.getFileName() + ".response"), outcome.status() + "\n" + outcome.body() + "\n");
    }

    /** Reads the file and gives it a reportId derived from its bytes when it has none. */
    static ObjectNode read(final Path file) {
        try {
            final byte[] bytes = Files.readAllBytes(file);
            final JsonNode json = JSON.readTree(bytes);
            if (!(json instanceof ObjectNode report)) {
                throw new IllegalArgumentException(file + " does not hold a JSON object");
            }
            if (!report.hasNonNull("reportId")) {
                report.put("reportId", UUID.nameUUIDFromBytes(bytes).toString());
            }
            return report;
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read report " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Long> retryAfterMillis(final HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Long.parseLong(value.trim()) * 1000);
            } catch (final NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
