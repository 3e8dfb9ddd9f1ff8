package io.newswire.gateway.http;

import java.util.Map;

/** Ends a request with a problem response; thrown from anywhere in a handler. Carries no stack trace: it is an answer, not a fault. */
public final class HttpFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public HttpFailure(final Problem problem) {
        this(problem, Map.of());
    }

    /** @param headers extra response headers, e.g. Retry-After or WWW-Authenticate */
    public HttpFailure(final Problem problem, final Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public HttpFailure(final ProblemType type, final String detail) {
        this(Problem.of(type, detail));
    }

    public HttpFailure(final ProblemType type, final String detail, final Map<String, String> headers) {
        this(Problem.of(type, detail), headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
