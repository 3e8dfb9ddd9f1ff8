package io.newswire.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newswire.gateway.intake.Echo;

/**
 * Parses a request body as strict JSON: one value and nothing after it, and no key twice in an object (with
 * {@code "headline"} twice, which one did the correspondent mean? Parsers differ, so the gateway refuses to
 * guess). Jackson's default limits on nesting depth, number and string length apply, so a hostile document
 * fails fast with a 400.
 */
public final class JsonBody {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBody() {
    }

    /**
     * @param text  the body, already decoded from UTF-8
     * @param where prefix for the detail, e.g. "line 3: " for one line of NDJSON; may be empty
     * @throws HttpFailure 400 malformed-json, naming line and column
     */
    public static JsonNode parse(final String text, final String where) {
        try {
            final JsonNode json = STRICT.readTree(text);
            if (json == null || json.isMissingNode()) {
                throw new HttpFailure(ProblemType.MALFORMED_JSON, where + "the body is empty");
            }
            return json;
        } catch (final JsonProcessingException e) {
            final String location = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new HttpFailure(ProblemType.MALFORMED_JSON, where + "malformed JSON" + location + ": " + Echo.of(e.getOriginalMessage(), 200));
        }
    }
}
