package io.newswire.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record could not be read or written because the schema registry gave no answer (down, timed out, overloaded,
 * or refusing our credentials: {@link SchemaRegistryException#isUnavailable()}), not because anything is wrong with
 * the record. The same record will go through once the registry answers, so a caller must not dead-letter or skip
 * it: it stops (without committing) and tries again later.
 *
 * <p>Every other {@link SerializationException} from {@link AvroDeserializer} and {@link AvroSerializer} is about the
 * record itself (bytes not in the wire format, a schema id the registry does not know, a body that does not decode).
 */
public final class RegistryUnavailableException extends SerializationException {

    private static final long serialVersionUID = 1L;

    public RegistryUnavailableException(final String message, final SchemaRegistryException cause) {
        super(message, cause);
    }

    /** Whether this exception, or one among its causes, says the registry was unavailable. */
    public static boolean isCauseOf(final Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RegistryUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
