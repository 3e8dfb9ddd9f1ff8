package io.newswire.processing.dedup;

import java.util.Map;

/**
 * What dedup keeps of a report to compare later ones with: its stemmed term counts (the strongest terms only,
 * so the stored size is bounded) and where it went.
 *
 * @param reportId         the report
 * @param articleId        the article it belongs to
 * @param correspondentId  who filed it
 * @param termCounts       term to count, for tf-idf
 * @param receivedAtMillis when the gateway received it: the horizon is measured from here
 */
public record Fingerprint(String reportId, String articleId, String correspondentId, Map<String, Integer> termCounts,
                          long receivedAtMillis) {
}
