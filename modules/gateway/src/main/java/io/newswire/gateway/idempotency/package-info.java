/** Resubmission safety: which report ids the cluster holds already, shared by every gateway instance through the topic. */
package io.newswire.gateway.idempotency;
