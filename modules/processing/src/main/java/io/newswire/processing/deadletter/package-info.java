/**
 * Nothing is dropped silently: records that cannot be processed go to newswire.dlq.v1 with their bytes and the reason.
 * A record that cannot be handled only because the schema registry gives no answer is not one of them: processing
 * stops and waits for the registry instead ({@link io.newswire.processing.deadletter.FailedThreadHandler}).
 */
package io.newswire.processing.deadletter;
