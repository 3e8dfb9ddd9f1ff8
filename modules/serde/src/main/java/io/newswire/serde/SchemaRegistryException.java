package io.newswire.serde;

import java.util.Optional;

/**
 * A schema registry request that failed, with what a person needs to act on it: what was asked, the HTTP status,
 * the registry's error code and message, the subject and version concerned, and for a 409 what is incompatible.
 * Unchecked: callers on the hot path (serializers) turn it into Kafka's {@code SerializationException}.
 */
public final class SchemaRegistryException extends RuntimeException {

    /** Status used when no HTTP answer arrived (connection refused, timeout, interrupted). */
    public static final int NO_RESPONSE = -1;

    private static final long serialVersionUID = 1L;
    private final int status;
    private final int errorCode;
    private final String subject;
    private final String version;

    /**
     * @param message   the whole message a person reads
     * @param status    HTTP status, or {@link #NO_RESPONSE}
     * @param errorCode the registry's {@code error_code}, or -1
     * @param cause     May be null.
     */
    public SchemaRegistryException(final String message, final int status, final int errorCode, final Throwable cause) {
        this(message, status, errorCode, null, null, cause);
    }

    /**
     * @param subject May be null (requests not about a subject, such as a schema by id).
     * @param version May be null; "latest" or a number.
     */
    public SchemaRegistryException(final String message, final int status, final int errorCode, final String subject,
                                   final String version, final Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
        this.subject = subject;
        this.version = version;
    }

    /** HTTP status, or {@link #NO_RESPONSE} when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** The registry's error_code (e.g. 40401 subject not found, 40403 schema not found, 409 incompatible), or -1. */
    public int errorCode() {
        return errorCode;
    }

    /** The subject the request was about, if any. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** The subject version the request was about ("latest" or a number), if any. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** True for 404 answers: the subject, version or schema does not exist. */
    public boolean isNotFound() {
        return status == 404;
    }

    /**
     * True when the registry gave no answer about what was asked: no response (refused, timed out, interrupted),
     * 5xx, 408 or 429 after the client's retries, or 401/403 (our credentials, not the request). The request is not
     * known to be wrong, and the same request may succeed later; a serializer must not treat its record as bad.
     */
    public boolean isUnavailable() {
        return status == NO_RESPONSE || status >= 500 || status == 408 || status == 429 || status == 401 || status == 403;
    }
}
