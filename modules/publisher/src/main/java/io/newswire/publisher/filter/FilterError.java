package io.newswire.publisher.filter;

/**
 * One bad query parameter value.
 *
 * @param parameter the parameter's name, e.g. {@code urgency}
 * @param value     the value as sent (shortened if long)
 * @param message   what is wrong and what is accepted
 */
public record FilterError(String parameter, String value, String message) {
}
