/** Durable writes to Kafka: the acknowledgement the gateway's 202 waits for. */
package io.newswire.gateway.publish;
