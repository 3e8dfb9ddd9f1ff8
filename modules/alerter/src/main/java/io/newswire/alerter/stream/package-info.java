/**
 * The alerter's Kafka Streams wiring: {@link io.newswire.alerter.stream.AlerterTopology} reads
 * {@code newswire.articles.updates.v1}, {@link io.newswire.alerter.stream.AlertProcessor} runs the rule book and
 * the escalation policy over each version against the suppression store, and alerts go to {@code newswire.alerts.v1}.
 */
package io.newswire.alerter.stream;
