package io.newswire.publisher.filter;

import java.util.List;

/** Thrown by {@link ArticleFilter#parse} with every bad value at once, so a client fixes them in one go. */
public final class InvalidFilterException extends IllegalArgumentException {

    private final List<FilterError> errors;

    public InvalidFilterException(final List<FilterError> errors) {
        super(errors.size() == 1 ? errors.get(0).parameter() + ": " + errors.get(0).message()
                : errors.size() + " filter parameters are invalid");
        this.errors = List.copyOf(errors);
    }

    public List<FilterError> errors() {
        return errors;
    }
}
