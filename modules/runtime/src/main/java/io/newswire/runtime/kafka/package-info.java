/** Kafka client settings and topic creation, shared by every component. */
package io.newswire.runtime.kafka;
