package io.newswire.publisher.webhooks;

/** A subscriber that cannot be registered, with a message naming the field and what is wrong. */
public final class InvalidSubscriberException extends IllegalArgumentException {

    private final String field;

    public InvalidSubscriberException(final String field, final String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The offending field: {@code id}, {@code url}, {@code secret} or {@code filter.<key>}. */
    public String field() {
        return field;
    }
}
