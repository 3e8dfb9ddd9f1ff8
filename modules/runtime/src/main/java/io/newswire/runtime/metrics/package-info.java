/** The process-wide metrics registry and its Prometheus endpoint; components keep their meter names beside their code. */
package io.newswire.runtime.metrics;
