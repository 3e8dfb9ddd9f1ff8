package io.newswire.gateway.http;

import io.newswire.gateway.intake.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document ({@code application/problem+json}): what went wrong, for a program ({@code type},
 * {@code status}, {@code errors} with JSON pointers) and for a person ({@code title}, {@code detail}).
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:newswire:problem:";

    public static Problem of(final String code, final String title, final int status, final String detail) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, List.of());
    }

    public static Problem invalid(final List<FieldError> errors) {
        final String detail = errors.size() == 1 ? errors.get(0).pointer() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return new Problem(TYPE_PREFIX + "invalid-report", "The report is invalid", 400, detail, List.copyOf(errors));
    }

    /** The short code after the type prefix, for metrics. */
    public String code() {
        return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }

    /** The JSON body, with the request id as the instance. */
    public Map<String, Object> body(final String requestId) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", "urn:newswire:request:" + requestId);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> Map.of("pointer", e.pointer(), "detail", e.message())).toList());
        }
        return body;
    }
}
