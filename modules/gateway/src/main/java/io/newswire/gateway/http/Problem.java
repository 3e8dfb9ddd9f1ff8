package io.newswire.gateway.http;

import io.newswire.gateway.intake.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document ({@code application/problem+json}): what went wrong, for a program ({@code type},
 * {@code status}, {@code errors} with JSON pointers) and for a person ({@code title}, {@code detail}).
 *
 * @param errors the bad fields, each with an RFC 6901 pointer; empty when the problem is not about fields
 */
public record Problem(ProblemType type, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = List.copyOf(errors);
    }

    public static Problem of(final ProblemType type, final String detail) {
        return new Problem(type, detail, List.of());
    }

    /** 400 listing every bad field. */
    public static Problem invalid(final List<FieldError> errors) {
        final String detail = errors.size() == 1 ? errors.get(0).pointer() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return new Problem(ProblemType.INVALID_REPORT, detail, errors);
    }

    public int status() {
        return type.status();
    }

    /** The JSON body, with the request id as the instance. */
    public Map<String, Object> body(final String requestId) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        body.put("instance", "urn:newswire:request:" + requestId);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> Map.of("pointer", e.pointer(), "detail", e.message())).toList());
        }
        return body;
    }
}
