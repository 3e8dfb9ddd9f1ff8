package io.newswire.gateway.http;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the gateway answers with: one stable code, its HTTP status and a fixed title (RFC 9457
 * wants the title to stay the same from occurrence to occurrence; the detail says what happened this time).
 * /openapi.json lists the same codes; a unit test keeps the two in step.
 */
public enum ProblemType {
    INVALID_REPORT("invalid-report", 400, "The report is invalid"),
    MALFORMED_JSON("malformed-json", 400, "The body is not well-formed JSON"),
    INVALID_UTF8("invalid-utf8", 400, "The body is not valid UTF-8"),
    INCOMPLETE_BODY("incomplete-body", 400, "The request body could not be read"),
    INVALID_BATCH("invalid-batch", 400, "The batch is not a list of reports"),
    INVALID_REPORT_ID("invalid-report-id", 400, "Not a report id"),
    UNAUTHORIZED("unauthorized", 401, "Credentials missing, unknown or revoked"),
    FORBIDDEN("forbidden", 403, "Another correspondent's report"),
    NOT_FOUND("not-found", 404, "No such report"),
    NO_SUCH_ENDPOINT("no-such-endpoint", 404, "No such endpoint"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    CONFLICT("conflict", 409, "Same report id, different content"),
    TOO_LARGE("too-large", 413, "The request is too large"),
    BATCH_TOO_LARGE("batch-too-large", 413, "The batch has too many reports"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    RATE_LIMITED("rate-limited", 429, "Too many reports"),
    INTERNAL("internal", 500, "Internal error"),
    UNAVAILABLE("unavailable", 503, "Kafka did not acknowledge the report"),
    OVERLOADED("overloaded", 503, "Too many requests in progress"),
    STARTING("starting", 503, "The gateway is still loading");

    /** Problem types are URNs: stable names, not pages (RFC 9457 allows a non-resolvable URI). */
    public static final String URN_PREFIX = "urn:newswire:problem:";

    private final String code;
    private final int status;
    private final String title;

    ProblemType(final String code, final int status, final String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    /** Short stable code, e.g. {@code invalid-report}; also the metrics tag. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The {@code type} member of the problem document. */
    public String uri() {
        return URN_PREFIX + code;
    }

    public static Optional<ProblemType> byCode(final String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
