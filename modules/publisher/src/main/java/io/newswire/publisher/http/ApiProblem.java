package io.newswire.publisher.http;

import io.newswire.publisher.filter.FilterError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused request, thrown by {@link NewsroomApi} and written by the server as problem+json.
 *
 * @param errors the bad query parameters, each with its value and what is wrong; empty when not about parameters
 */
public final class ApiProblem extends RuntimeException {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final ProblemType type;
    private final List<FilterError> errors;
    private final Map<String, String> headers;

    public ApiProblem(final ProblemType type, final String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ApiProblem(final ProblemType type, final String detail, final List<FilterError> errors, final Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ProblemType type() {
        return type;
    }

    public List<FilterError> errors() {
        return errors;
    }

    /** Headers the answer carries, e.g. WWW-Authenticate on a 401. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The problem document, with the request id as its instance. */
    public Map<String, Object> body(final String requestId) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", getMessage());
        body.put("instance", "urn:newswire:request:" + requestId);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> Map.of("parameter", e.parameter(), "value", e.value(), "detail", e.message())).toList());
        }
        return body;
    }
}
