/**
 * The ops page's side: the cluster's status sampled every few seconds into a short history (throughput, lag), and
 * the dead letters with their replay, from {@code modules/ops}.
 */
package io.newswire.dashboard.ops;
