package io.newswire.alerter.health;

/**
 * Something wrong with the system right now.
 *
 * @param id      stable id of the condition, the alert's rule id: {@code health:quiet-correspondent:reem},
 *                {@code health:dead-letters:deserialize:org.apache.kafka...}, {@code health:lag:newswire-processing},
 *                {@code health:gateway:http://gateway:8080}
 * @param kind    quiet-correspondent, quiet-desk, dead-letters, lag, gateway
 * @param subject what it is about (the correspondent, desk, stage and reason, group, gateway's base URL)
 * @param detail  what is wrong, for a person
 * @param measure the figure behind it (silence in ms, dead letters in the window, records of lag, ms the
 *                gateway has not answered normally)
 */
public record HealthCondition(String id, String kind, String subject, String detail, long measure) {
}
