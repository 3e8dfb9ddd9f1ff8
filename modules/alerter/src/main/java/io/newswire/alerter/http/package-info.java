/**
 * The alerter's HTTP API: rules ({@code /v1/alerts/rules}) and the live stream of alerts
 * ({@code GET /v1/alerts/stream}, Server-Sent Events with {@code Last-Event-ID} resume) the dashboard reads.
 */
package io.newswire.alerter.http;
