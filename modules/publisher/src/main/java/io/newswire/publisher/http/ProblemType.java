package io.newswire.publisher.http;

/**
 * Every problem the newsroom API answers with (RFC 9457 {@code application/problem+json}): a stable code, its status
 * and a fixed title. /openapi.json lists the same codes; a unit test keeps the two in step.
 */
public enum ProblemType {
    INVALID_FILTER("invalid-filter", 400, "A filter parameter is invalid"),
    UNKNOWN_PARAMETER("unknown-parameter", 400, "Unknown query parameter"),
    INVALID_CURSOR("invalid-cursor", 400, "Not a cursor this API issued"),
    INVALID_LIMIT("invalid-limit", 400, "The limit is out of range"),
    INVALID_FORMAT("invalid-format", 400, "Unknown format"),
    INVALID_ARTICLE_ID("invalid-article-id", 400, "Not an article id"),
    INVALID_VERSION("invalid-version", 400, "Not a version number"),
    UNAUTHORIZED("unauthorized", 401, "API key missing, unknown or removed"),
    FORBIDDEN("forbidden", 403, "The API key does not cover this desk"),
    NOT_FOUND("not-found", 404, "No such article"),
    NO_SUCH_VERSION("no-such-version", 404, "No such version of the article"),
    NO_SUCH_ENDPOINT("no-such-endpoint", 404, "No such endpoint"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    INTERNAL("internal", 500, "Internal error"),
    STARTING("starting", 503, "The publisher is still loading");

    /** Problem types are URNs: stable names, not pages. */
    public static final String URN_PREFIX = "urn:newswire:problem:publisher:";

    private final String code;
    private final int status;
    private final String title;

    ProblemType(final String code, final int status, final String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return URN_PREFIX + code;
    }
}
