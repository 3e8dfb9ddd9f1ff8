package io.newswire.enrichment.subjects;

/**
 * One IPTC Media Topic.
 *
 * @param code   "medtop:NNNNNNNN"
 * @param parent the broader topic's code, or null for a top-level topic
 * @param label  the official English (en-GB) label
 */
public record MediaTopic(String code, String parent, String label) {
}
