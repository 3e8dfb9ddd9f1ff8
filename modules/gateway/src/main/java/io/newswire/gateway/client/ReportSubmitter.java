package io.newswire.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The correspondent's side of filing (behind {@code newswire submit}): posts report files to the gateway and
 * retries what can be retried (503, 429, network errors) with exponential backoff and jitter, honouring
 * Retry-After, always with the same report id, so a retry can never file a report twice.
 *
 * <p>Report ids: a file without a {@code reportId} gets one derived from its bytes (a name-based UUID), so sending
 * the same file again, from this machine or another, is the same report; an edited file is a new report (to change
 * a filed report, send an UPDATE or CORRECTION that refers to it). {@link #enqueue} writes the id into the queued
 * copy, so it no longer depends on the original file.
 *
 * <p>Queue mode ({@link #flushQueue}, {@link #watchQueue}): report files wait in a folder, oldest first; each one the
 * gateway answers moves to {@code sent/} (accepted) or {@code rejected/} (refused, or not a report), with the
 * answer beside it in {@code NAME.response}; the rest stay on disk for the next flush. A flush stops at the first
 * report the gateway could not take (it is away), leaving that one and the later ones in order.
 */
public final class ReportSubmitter {

    /** Status of an outcome when no HTTP answer came (network error, gateway away). */
    public static final int UNSENT = -1;
    /** Status of an outcome when the file is not a report (not readable, not a JSON object). */
    public static final int UNREADABLE = 0;

    /**
     * What happened to one file.
     *
     * @param reportId the id sent. May be null when the file could not be read.
     * @param status   the gateway's HTTP status, {@link #UNSENT} or {@link #UNREADABLE}
     * @param body     the gateway's answer, or why nothing was sent
     * @param attempts requests made
     */
    public record Outcome(Path file, String reportId, int status, String body, int attempts) {
        public boolean accepted() {
            return status == 202;
        }

        /** The report itself is at fault (4xx other than 429, or not a report): sending it again will not help. */
        public boolean rejected() {
            return status == UNREADABLE || (status >= 400 && status < 500 && status != 429);
        }

        /** Neither accepted nor rejected: the gateway was away or busy; try again later. */
        public boolean unsent() {
            return !accepted() && !rejected();
        }

        /** One line for a person: what happened and, on a refusal, which fields were wrong. */
        public String summary() {
            return Summaries.of(this);
        }
    }

    /** Waits between attempts; tests pass one that only records. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BACKOFF_MS = 30_000;
    private static final DateTimeFormatter QUEUE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final URI gateway;
    private final String token;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Sleeper sleeper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param gateway        base URL, e.g. http://127.0.0.1:8080
     * @param token          the correspondent's bearer token
     * @param maxAttempts    attempts per report before giving up for now (the report stays unsent)
     * @param initialBackoff wait after the first failure; doubles each time up to 30 s, plus up to half again of jitter
     */
    public ReportSubmitter(final URI gateway, final String token, final int maxAttempts, final Duration initialBackoff) {
        this(gateway, token, maxAttempts, initialBackoff, Thread::sleep);
    }

    ReportSubmitter(final URI gateway, final String token, final int maxAttempts, final Duration initialBackoff, final Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.gateway = gateway;
        this.token = token;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.sleeper = sleeper;
    }

    /** Submits one report file, retrying transient failures; never throws for a bad file or an absent gateway. */
    public Outcome submit(final Path file) {
        final ObjectNode report;
        try {
            report = read(file);
        } catch (final IllegalArgumentException | UncheckedIOException e) {
            return new Outcome(file, null, UNREADABLE, e.getMessage(), 0);
        }
        final String reportId = report.path("reportId").asText(null);
        final byte[] body;
        try {
            body = JSON.writeValueAsBytes(report);
        } catch (final JsonProcessingException e) {
            return new Outcome(file, reportId, UNREADABLE, "cannot write the report as JSON: " + e.getOriginalMessage(), 0);
        }
        long backoff = Math.max(1, initialBackoff.toMillis());
        Outcome last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            long wait = backoff;
            try {
                final HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/v1/reports"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                last = new Outcome(file, reportId, response.statusCode(), response.body(), attempt);
                if (response.statusCode() != 503 && response.statusCode() != 429) {
                    return last;
                }
                wait = Math.max(backoff, retryAfterMillis(response).orElse(0L));
            } catch (final IOException e) {
                last = new Outcome(file, reportId, UNSENT, "network error: " + e, attempt);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(file, reportId, UNSENT, "interrupted", attempt);
            }
            if (attempt < maxAttempts) {
                try {
                    sleeper.sleep(wait + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return last;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
        return last;
    }

    /**
     * Puts a copy of the report file in the queue, its reportId written in, named so the queue sends oldest first.
     *
     * @return the queued file
     * @throws IllegalArgumentException when the file is not a JSON object
     */
    public static Path enqueue(final Path queue, final Path file) {
        final ObjectNode report = read(file);
        final String reportId = report.get("reportId").asText();
        try {
            Files.createDirectories(queue);
            final Path queued = queue.resolve(QUEUE_STAMP.format(Clock.systemUTC().instant()) + "-" + safeName(reportId) + ".json");
            final Path partial = queue.resolve(queued.getFileName() + ".partial");
            Files.write(partial, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
            // a flush never sees a half-written file: it reads *.json only, and the rename is atomic
            return Files.move(partial, queued, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot queue " + file + " in " + queue + ": " + e.getMessage(), e);
        }
    }

    /** Submits the *.json files waiting in the folder, oldest name first; stops at the first the gateway could not take. */
    public List<Outcome> flushQueue(final Path queue) {
        final List<Outcome> outcomes = new ArrayList<>();
        for (final Path file : waiting(queue)) {
            final Outcome outcome = submit(file);
            outcomes.add(outcome);
            try {
                if (outcome.accepted()) {
                    move(file, queue.resolve("sent"), outcome);
                } else if (outcome.rejected()) {
                    move(file, queue.resolve("rejected"), outcome);
                } else {
                    break; // the gateway is away or busy: the rest would fare no better, and keep their order
                }
            } catch (final IOException e) {
                throw new UncheckedIOException("Cannot move " + file + " out of the queue: " + e.getMessage(), e);
            }
        }
        return outcomes;
    }

    /**
     * Flushes the queue every {@code every} until {@code stop} says so, so reports filed while the link was down
     * go out as soon as the gateway answers again.
     *
     * @param onOutcome told of each file's outcome, on this thread
     */
    public void watchQueue(final Path queue, final Duration every, final BooleanSupplier stop, final Consumer<Outcome> onOutcome) {
        while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            flushQueue(queue).forEach(onOutcome);
            try {
                sleeper.sleep(every.toMillis());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The reports waiting in the queue, in the order they will be sent. */
    public static List<Path> waiting(final Path queue) {
        if (!Files.isDirectory(queue)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read queue " + queue + ": " + e.getMessage(), e);
        }
    }

    private static void move(final Path file, final Path folder, final Outcome outcome) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(file.getFileName() + ".response"), outcome.status() + "\n" + outcome.body() + "\n");
        Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Reads the file and gives it a reportId derived from its bytes when it has none.
     *
     * @throws IllegalArgumentException when it is not a JSON object
     * @throws UncheckedIOException     when it cannot be read
     */
    static ObjectNode read(final Path file) {
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
        final JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (final IOException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (!(json instanceof ObjectNode report)) {
            throw new IllegalArgumentException(file + " does not hold a JSON object (one report per file)");
        }
        if (!report.hasNonNull("reportId")) {
            report.put("reportId", UUID.nameUUIDFromBytes(bytes).toString());
        }
        return report;
    }

    private static String safeName(final String reportId) {
        return reportId.replaceAll("[^A-Za-z0-9-]", "_");
    }

    private static Optional<Long> retryAfterMillis(final HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Math.min(Long.parseLong(value.trim()), 3_600) * 1000);
            } catch (final NumberFormatException e) {
                return Optional.empty(); // an HTTP date: rare from our gateway; the backoff stands
            }
        });
    }
}
