package io.newswire.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.newswire.gateway.idempotency.AcceptedReport;
import io.newswire.gateway.idempotency.IntakeIndex;
import io.newswire.gateway.intake.ContentDigest;
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

/**
 * What the report endpoints do, apart from HTTP plumbing: read and validate a report, write it once, answer
 * with where it is. Each method returns a {@link Reply} (status + JSON body) or throws {@link HttpFailure}.
 */
public final class ReportsApi {

    /** A status code and a JSON body. */
    public record Reply(int status, Object body) {
    }

    public static final int MAX_BATCH_ITEMS = 100;
    /** Seconds a client should wait after a 503 before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ReportIntake intake;
    private final IntakeIndex index;
    private final ReportPublisher publisher;
    private final ReportStatusView statuses;
    private final GatewayMetrics metrics;
    private final Clock clock;

    public ReportsApi(final ReportIntake intake, final IntakeIndex index, final ReportPublisher publisher,
                      final ReportStatusView statuses, final GatewayMetrics metrics, final Clock clock) {
        this.intake = intake;
        this.index = index;
        this.publisher = publisher;
        this.statuses = statuses;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** POST /v1/reports */
    public Reply submit(final CorrespondentCredential correspondent, final String body) {
        final JsonNode json = parse(body, "");
        return await(submitAsync(correspondent, json, ""));
    }

    /** POST /v1/reports/batch: a JSON array, or NDJSON (one report per line). Each item succeeds or fails alone. */
    public Reply submitBatch(final CorrespondentCredential correspondent, final String body, final boolean ndjson) {
        final List<JsonNode> items = new ArrayList<>();
        final List<Reply> parseFailures = new ArrayList<>();
        if (ndjson) {
            final String[] lines = body.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    items.add(parse(lines[i], "line " + (i + 1) + ": "));
                    parseFailures.add(null);
                } catch (final HttpFailure e) {
                    items.add(null);
                    parseFailures.add(problemReply(e.problem()));
                }
            }
        } else {
            final JsonNode array = parse(body, "");
            if (!array.isArray()) {
                throw new HttpFailure(Problem.of("invalid-batch", "The batch is not an array", 400,
                        "A batch is a JSON array of reports, or NDJSON with Content-Type application/x-ndjson"));
            }
            array.forEach(item -> {
                items.add(item);
                parseFailures.add(null);
            });
        }
        if (items.size() > MAX_BATCH_ITEMS) {
            throw new HttpFailure(Problem.of("batch-too-large", "The batch has too many reports", 413,
                    "The batch has " + items.size() + " reports; at most " + MAX_BATCH_ITEMS + " per request"));
        }
        final List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (parseFailures.get(i) != null) {
                replies.add(CompletableFuture.completedFuture(parseFailures.get(i)));
            } else {
                final String prefix = "/" + i;
                replies.add(submitAsync(correspondent, items.get(i), prefix).exceptionally(error -> problemReply(asFailure(error).problem())));
            }
        }
        final List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            final Reply reply = replies.get(i).join();
            final Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", i);
            result.put("status", reply.status());
            result.put("result", reply.body());
            results.add(result);
        }
        final long accepted = results.stream().filter(r -> (int) r.get("status") == 202).count();
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accepted", accepted);
        summary.put("rejected", results.size() - accepted);
        summary.put("results", results);
        // 207-like semantics without WebDAV: the batch itself was handled; each item says how it went
        return new Reply(200, summary);
    }

    /** GET /v1/reports/{id} */
    public Reply status(final CorrespondentCredential correspondent, final String id) {
        final UUID reportId;
        try {
            reportId = UUID.fromString(id);
        } catch (final IllegalArgumentException e) {
            throw new HttpFailure(Problem.of("invalid-report-id", "Not a report id", 400, "'" + id + "' is not a UUID"));
        }
        final Optional<AcceptedReport> accepted = index.find(reportId);
        if (accepted.isEmpty()) {
            throw new HttpFailure(Problem.of("not-found", "No such report", 404, "No report " + reportId + " has been accepted"));
        }
        if (!accepted.get().correspondentId().equals(correspondent.getCorrespondentId())) {
            throw new HttpFailure(Problem.of("forbidden", "Another correspondent's report", 403,
                    "Report " + reportId + " was filed by another correspondent"));
        }
        final Map<String, Object> body = acceptedBody(accepted.get(), List.of(), false);
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
            metrics.rejected("invalid-report");
            return CompletableFuture.failedFuture(new HttpFailure(Problem.invalid(result.errors().stream()
                    .map(e -> new io.newswire.gateway.intake.FieldError(pointerPrefix + e.pointer(), e.message())).toList())));
        }
        final ReportDraft draft = result.draft();
        final String digest = ContentDigest.of(draft);
        final CorrespondentReport report = draft.toReport(correspondent.getCorrespondentId(), correspondent.getDesk(), receivedAt, digest);
        final long started = System.nanoTime();
        final boolean[] wroteIt = {false};
        return index.acceptOnce(draft.reportId(), () -> {
            wroteIt[0] = true;
            return publisher.publish(report);
        }).handle((ack, error) -> {
            if (error != null) {
                metrics.rejected("unavailable");
                throw new HttpFailure(Problem.of("unavailable", "Kafka did not acknowledge the report", 503,
                        "The report was not acknowledged within the time limit (" + rootCause(error) + "); it is not accepted. "
                                + "Send it again with the same reportId; a retry is safe."),
                        Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
            }
            if (!ack.correspondentId().equals(correspondent.getCorrespondentId())) {
                metrics.rejected("forbidden");
                throw new HttpFailure(Problem.of("forbidden", "Another correspondent's report id", 403,
                        "Report id " + draft.reportId() + " belongs to a report filed by another correspondent"));
            }
            if (!ack.digest().equals(digest)) {
                metrics.rejected("conflict");
                throw new HttpFailure(Problem.of("conflict", "Same report id, different content", 409,
                        "Report " + draft.reportId() + " was accepted at " + ack.receivedAt() + " with different content (digest "
                                + ack.digest().substring(0, 12) + "…, this one " + digest.substring(0, 12) + "…). "
                                + "To change a filed report, send a new report with kind UPDATE or CORRECTION and refersTo " + draft.reportId()));
            }
            if (wroteIt[0]) {
                metrics.accepted(Duration.ofNanos(System.nanoTime() - started));
            } else {
                metrics.resubmitted();
            }
            return new Reply(202, acceptedBody(ack, result.warnings(), !wroteIt[0]));
        });
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

    private Reply await(final CompletableFuture<Reply> reply) {
        try {
            return reply.join();
        } catch (final CompletionException e) {
            throw asFailure(e);
        }
    }

    private static HttpFailure asFailure(final Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpFailure failure) {
            return failure;
        }
        return new HttpFailure(Problem.of("unavailable", "Kafka did not acknowledge the report", 503, rootCause(cause)),
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    private static String rootCause(final Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof TimeoutException ? "timed out" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Reply problemReply(final Problem problem) {
        return new Reply(problem.status(), problem.body("batch-item"));
    }

    private static JsonNode parse(final String body, final String where) {
        try {
            final JsonNode json = JSON.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new HttpFailure(Problem.of("malformed-json", "The body is not JSON", 400, where + "the body is empty"));
            }
            return json;
        } catch (final JsonProcessingException e) {
            final String location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new HttpFailure(Problem.of("malformed-json", "The body is not JSON", 400, where + "malformed JSON" + location + ": " + e.getOriginalMessage()));
        }
    }
}
