/**
 * The enrich step: the pure cores of {@code newswire-enrichment} run on every valid report between normalise and the
 * articles step.
 */
package io.newswire.processing.enrich;
