/**
 * Embargo: when an article may be shown ({@link io.newswire.publisher.embargo.Embargo}) and which embargoed articles
 * have just been released ({@link io.newswire.publisher.embargo.EmbargoSchedule}). Pure; no Kafka, no clock of its own.
 */
package io.newswire.publisher.embargo;
