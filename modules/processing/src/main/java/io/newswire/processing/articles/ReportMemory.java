package io.newswire.processing.articles;

/**
 * What the articles step remembers of a report it has seen, in its state store.
 *
 * @param reportId          the report
 * @param articleId         the article it went into
 * @param correspondentId   who filed it
 * @param contentDigest     the gateway's digest: another digest under the same id is a conflict
 * @param matchingDigest    digest of the matching form of headline and body: equal means the same text
 * @param receivedAtMillis  when the gateway received it
 * @param desk              the desk whose task decided it (null in memories written before it was kept)
 */
public record ReportMemory(String reportId, String articleId, String correspondentId, String contentDigest,
                           String matchingDigest, long receivedAtMillis, String desk) {
}
