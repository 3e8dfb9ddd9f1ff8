/**
 * The alerter: a consumer application of its own (Kafka Streams, exactly-once) that reads every article version
 * from {@code newswire.articles.updates.v1}, runs the desks' rules ({@code newswire.alerts.rules.v1}) over it and
 * writes alerts to {@code newswire.alerts.v1}, with health alerts on the same topic; its HTTP API edits rules and
 * streams alerts (SSE). Start reading at {@link io.newswire.alerter.AlerterApp}.
 */
package io.newswire.alerter;
