/**
 * Health alerts on the alerts channel: quiet correspondents and desks, dead-letter spikes, consumer lag,
 * gateways not ready.
 * {@link io.newswire.alerter.health.HealthConditions} is the pure core (what is wrong now, what changed since last
 * time); {@link io.newswire.alerter.health.HealthWatcher} feeds it from the topics and the cluster and writes alerts.
 */
package io.newswire.alerter.health;
