package io.newswire.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.gateway.idempotency.AcceptedReport;
import io.newswire.gateway.idempotency.IntakeIndex;
import io.newswire.gateway.intake.ContentDigest;
import io.newswire.gateway.intake.Echo;
import io.newswire.gateway.intake.FieldError;
import io.newswire.gateway.intake.ReportDraft;
import io.newswire.gateway.intake.ReportIntake;
import io.newswire.gateway.metrics.GatewayMetrics;
import io.newswire.gateway.publish.ReportPublisher;
import io.newswire.gateway.status.ReportStatusView;
import io.newswire.model.CorrespondentCredential;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.ReportStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the report endpoints do, apart from HTTP plumbing: read and validate a report, write it once, answer with
 * where it is. Each method returns a {@link Reply} or throws {@link HttpFailure}.
 *
 * <p>Writes {@code newswire.reports.v1} (through {@link ReportPublisher}); reads the accepted ids
 * ({@link IntakeIndex}) and what processing made of them ({@link ReportStatusView}).
 */
public final class ReportsApi {

    /** A status code, a JSON body and extra headers. */
    public record Reply(int status, Object body, Map<String, String> headers) {
        public Reply(final int status, final Object body) {
            this(status, body, Map.of());
        }
    }

    /** Most reports in one batch request. */
    public static final int MAX_BATCH_ITEMS = 100;
    /** Seconds a client should wait after a 503 before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final ReportIntake intake;
    private final IntakeIndex index;
    private final ReportPublisher publisher;
    private final ReportStatusView statuses;
    private final CorrespondentRateLimiter rateLimiter;
    private final GatewayMetrics metrics;
    private final Clock clock;

    public ReportsApi(final ReportIntake intake, final IntakeIndex index, final ReportPublisher publisher, final ReportStatusView statuses,
                      final CorrespondentRateLimiter rateLimiter, final GatewayMetrics metrics, final Clock clock) {
        this.intake = intake;
        this.index = index;
        this.publisher = publisher;
        this.statuses = statuses;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** POST /v1/reports (the rate limit was charged before the body was read). */
    public Reply submit(final CorrespondentCredential correspondent, final String body) {
        final JsonNode json = JsonBody.parse(body, "");
        try {
            return submitAsync(correspondent, json, "").join();
        } catch (final CompletionException e) {
            throw asFailure(e);
        }
    }

    /**
     * POST /v1/reports/batch: a JSON array, or NDJSON (one report per line). Each item is accepted or rejected on
     * its own, and each costs one token of the correspondent's rate limit.
     *
     * @param requestId goes into each item's problem document as its instance
     */
    public Reply submitBatch(final CorrespondentCredential correspondent, final String body, final boolean ndjson, final String requestId) {
        final List<Object> items = ndjson ? ndjsonItems(body) : arrayItems(body);
        if (items.isEmpty()) {
            throw new HttpFailure(ProblemType.INVALID_BATCH, "The batch holds no reports");
        }
        if (items.size() > MAX_BATCH_ITEMS) {
            throw new HttpFailure(ProblemType.BATCH_TOO_LARGE, "The batch has " + items.size() + " reports; at most " + MAX_BATCH_ITEMS + " per request");
        }
        final List<CompletableFuture<Reply>> replies = new ArrayList<>();
        Duration longestWait = Duration.ZERO;
        for (int i = 0; i < items.size(); i++) {
            final Optional<Duration> wait = rateLimiter.tryTake(correspondent.getCorrespondentId(), 1);
            if (wait.isPresent()) {
                longestWait = wait.get().compareTo(longestWait) > 0 ? wait.get() : longestWait;
                replies.add(CompletableFuture.completedFuture(itemProblem(requestId, i, Problem.of(ProblemType.RATE_LIMITED,
                        "Rate limit of " + rateLimiter.perMinute() + " reports a minute reached; send this one again in "
                                + CorrespondentRateLimiter.retryAfterSeconds(wait.get()) + " s"))));
            } else if (items.get(i) instanceof Problem unreadable) {
                replies.add(CompletableFuture.completedFuture(itemProblem(requestId, i, unreadable)));
            } else {
                final int item = i;
                replies.add(submitAsync(correspondent, (JsonNode) items.get(i), "/" + i)
                        .exceptionally(error -> itemProblem(requestId, item, asFailure(error).problem())));
            }
        }
        final List<Map<String, Object>> results = new ArrayList<>();
        long accepted = 0;
        for (int i = 0; i < replies.size(); i++) {
            final Reply reply = replies.get(i).join();
            accepted += reply.status() == 202 ? 1 : 0;
            final Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", i);
            result.put("status", reply.status());
            result.put("result", reply.body());
            results.add(result);
        }
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accepted", accepted);
        summary.put("rejected", results.size() - accepted);
        summary.put("results", results);
        // the batch itself was handled (200); each item carries the status a single POST would have had
        return new Reply(200, summary, longestWait.isZero() ? Map.of()
                : Map.of("Retry-After", Long.toString(CorrespondentRateLimiter.retryAfterSeconds(longestWait))));
    }

    /** GET /v1/reports/{id}: accepted, and what processing made of it once it has. */
    public Reply status(final CorrespondentCredential correspondent, final String id) {
        final UUID reportId;
        try {
            if (id.length() != 36) {
                throw new IllegalArgumentException();
            }
            reportId = UUID.fromString(id);
        } catch (final IllegalArgumentException e) {
            throw new HttpFailure(ProblemType.INVALID_REPORT_ID, "'" + Echo.of(id, 60) + "' is not a UUID");
        }
        // the gateway cannot tell "never accepted" from "accepted before the window": it keeps nothing older
        final AcceptedReport accepted = index.find(reportId).orElseThrow(() -> new HttpFailure(ProblemType.NOT_FOUND,
                "No report " + reportId + " was accepted in the last " + describe(index.window())
                        + "; the gateway keeps report ids and their states for that long (gateway.idempotency.window.ms), so an older report is not known here"));
        if (!accepted.correspondentId().equals(correspondent.getCorrespondentId())) {
            throw new HttpFailure(ProblemType.FORBIDDEN, "Report " + reportId + " was filed by another correspondent");
        }
        final Map<String, Object> body = acceptedBody(accepted, List.of(), false);
        final Optional<ReportStatus> processed = statuses.find(reportId);
        body.put("state", processed.map(s -> s.getState().name()).orElse("ACCEPTED"));
        processed.ifPresent(s -> {
            body.put("articleId", s.getArticleId() == null ? null : s.getArticleId().toString());
            body.put("articleVersion", s.getArticleVersion());
            body.put("duplicateOf", s.getDuplicateOf() == null ? null : s.getDuplicateOf().toString());
            body.put("reason", s.getReason());
            body.put("updatedAt", s.getUpdatedAt().toString());
        });
        return new Reply(200, body);
    }

    private CompletableFuture<Reply> submitAsync(final CorrespondentCredential correspondent, final JsonNode json, final String pointerPrefix) {
        final Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        final ReportIntake.Result result = intake.read(json);
        if (!result.valid()) {
            return CompletableFuture.failedFuture(new HttpFailure(Problem.invalid(result.errors().stream()
                    .map(e -> new FieldError(pointerPrefix + e.pointer(), e.message())).toList())));
        }
        final ReportDraft draft = result.draft();
        final String digest = ContentDigest.of(draft);
        final CorrespondentReport report = draft.toReport(correspondent.getCorrespondentId(), correspondent.getDesk(), receivedAt, digest);
        final long started = System.nanoTime();
        final AtomicBoolean wroteIt = new AtomicBoolean();
        return index.acceptOnce(draft.reportId(), () -> {
            wroteIt.set(true);
            return publisher.publish(report);
        }).handle((ack, error) -> {
            if (error != null) {
                throw unavailable(error);
            }
            if (!ack.correspondentId().equals(correspondent.getCorrespondentId())) {
                throw new HttpFailure(ProblemType.FORBIDDEN, "Report id " + draft.reportId() + " belongs to a report filed by another correspondent");
            }
            if (!ack.digest().equals(digest)) {
                throw new HttpFailure(ProblemType.CONFLICT, "Report " + draft.reportId() + " was accepted at " + ack.receivedAt()
                        + " with different content (digest " + ack.digest().substring(0, 12) + "…, this one " + digest.substring(0, 12) + "…). "
                        + "To change a filed report, send a new report with kind UPDATE or CORRECTION and refersTo " + draft.reportId());
            }
            // a resubmission is whoever did not write: answered from the index, or by sharing another request's write
            final boolean resubmission = !wroteIt.get() || ack.receivedAt().isBefore(receivedAt);
            if (resubmission) {
                metrics.resubmitted();
            } else {
                metrics.accepted(Duration.ofNanos(System.nanoTime() - started));
            }
            return new Reply(202, acceptedBody(ack, result.warnings(), resubmission));
        });
    }

    private static List<Object> ndjsonItems(final String body) {
        final List<Object> items = new ArrayList<>();
        final String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                try {
                    items.add(JsonBody.parse(lines[i], "line " + (i + 1) + ": "));
                } catch (final HttpFailure e) {
                    items.add(e.problem());
                }
            }
        }
        return items;
    }

    private static List<Object> arrayItems(final String body) {
        final JsonNode array = JsonBody.parse(body, "");
        if (!array.isArray()) {
            throw new HttpFailure(ProblemType.INVALID_BATCH, "A batch is a JSON array of reports, or NDJSON with Content-Type application/x-ndjson");
        }
        final List<Object> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private Reply itemProblem(final String requestId, final int item, final Problem problem) {
        metrics.rejected(problem.type().code());
        return new Reply(problem.status(), problem.body(requestId + "#" + item));
    }

    private static Map<String, Object> acceptedBody(final AcceptedReport ack, final List<String> warnings, final boolean resubmission) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", ack.reportId().toString());
        body.put("state", "ACCEPTED");
        body.put("partition", ack.partition());
        body.put("offset", ack.offset());
        body.put("receivedAt", ack.receivedAt().toString());
        body.put("statusUrl", "/v1/reports/" + ack.reportId());
        body.put("resubmission", resubmission);
        if (!warnings.isEmpty()) {
            body.put("warnings", warnings);
        }
        return body;
    }

    /** "7 days", "36 hours", "90 minutes", "45 seconds": the window as a person reads it. */
    static String describe(final Duration window) {
        if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
            return plural(window.toDays(), "day");
        }
        if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
            return plural(window.toHours(), "hour");
        }
        if (window.toMinutes() > 0 && window.equals(Duration.ofMinutes(window.toMinutes()))) {
            return plural(window.toMinutes(), "minute");
        }
        return plural(Math.max(1, window.toSeconds()), "second");
    }

    private static String plural(final long count, final String unit) {
        return count == 1 ? unit : count + " " + unit + "s";
    }

    private static HttpFailure asFailure(final Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof HttpFailure failure ? failure : unavailable(cause);
    }

    private static HttpFailure unavailable(final Throwable error) {
        return new HttpFailure(ProblemType.UNAVAILABLE, "The report was not acknowledged by Kafka in time (" + rootCause(error)
                + "); it is not accepted. Send it again with the same reportId; a retry is safe.",
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    private static String rootCause(final Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof TimeoutException ? "timed out" : cause.getClass().getSimpleName();
    }
}
