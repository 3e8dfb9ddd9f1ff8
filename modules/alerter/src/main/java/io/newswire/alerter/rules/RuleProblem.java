package io.newswire.alerter.rules;

/**
 * One thing wrong with a rule as written.
 *
 * @param pointer JSON pointer to the offending member, e.g. {@code /areas/0/radiusKm}; {@code ""} for the whole rule
 * @param message what is wrong, for a person
 */
public record RuleProblem(String pointer, String message) {
}
