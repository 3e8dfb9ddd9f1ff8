/** The gateway's metric names and their meaning. */
package io.newswire.gateway.metrics;
