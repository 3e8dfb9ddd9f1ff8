/**
 * Dead letters for operators: read {@code newswire.dlq.v1} ({@link io.newswire.ops.dlq.DeadLetterStore}), filter it by
 * stage, reason and time ({@link io.newswire.ops.dlq.DeadLetterFilter}), show a dead letter's original bytes decoded
 * where they decode ({@link io.newswire.ops.dlq.OriginalBytes}), and replay dead letters to their origin topic, each
 * replay recorded on {@code newswire.dlq.replays.v1} ({@link io.newswire.ops.dlq.ReplayPlanner} decides which).
 */
package io.newswire.ops.dlq;
