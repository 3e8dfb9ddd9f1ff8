package io.newswire.gateway.intake;

/**
 * One thing wrong with a submitted report.
 *
 * @param pointer RFC 6901 JSON pointer to the field, e.g. {@code /body/2}; empty for the whole document
 * @param message what is wrong, for the correspondent's app to show
 */
public record FieldError(String pointer, String message) {
}
