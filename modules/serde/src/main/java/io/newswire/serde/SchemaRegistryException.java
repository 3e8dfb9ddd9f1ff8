package io.newswire.serde;

/**
 * A schema registry request that failed, with what a person needs to act on it: the HTTP status, the
 * registry's error code and message, and the subject and version concerned.
 */
public final class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final int errorCode;

    public SchemaRegistryException(final String message, final int status, final int errorCode, final Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** HTTP status, or -1 when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** The registry's error_code (e.g. 40401 subject not found, 40403 schema not found, 409 incompatible), or -1. */
    public int errorCode() {
        return errorCode;
    }
}
