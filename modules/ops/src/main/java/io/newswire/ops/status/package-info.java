/**
 * `newswire status`: a running system's health in one look. {@link io.newswire.ops.status.ClusterStatus} gathers a
 * {@link io.newswire.ops.status.StatusSnapshot} (brokers, topics, consumer groups with lag, dead letters of the last
 * hour); {@link io.newswire.ops.status.HealthJudge} says what in it is unhealthy; {@link io.newswire.ops.status.StatusFormat}
 * prints it for a terminal or as JSON.
 */
package io.newswire.ops.status;
