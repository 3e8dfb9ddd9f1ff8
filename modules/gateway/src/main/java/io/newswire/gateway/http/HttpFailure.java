package io.newswire.gateway.http;

import java.util.Map;

/** Ends a request with a problem response; thrown from anywhere in a handler. */
public final class HttpFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public HttpFailure(final Problem problem) {
        this(problem, Map.of());
    }

    public HttpFailure(final Problem problem, final Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
