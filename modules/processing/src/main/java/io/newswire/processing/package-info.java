/**
 * Stream processing: reports in, validated and normalised, deduplicated and turned into versioned articles,
 * exactly once. Start reading at {@link io.newswire.processing.ProcessingTopology}.
 */
package io.newswire.processing;
