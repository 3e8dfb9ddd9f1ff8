/**
 * The publisher: the newsroom API, ninjs and Atom over the article topics ({@link io.newswire.publisher.PublisherApp}).
 * Start reading at {@code PublisherIntegrationTest}. Package {@code webhooks} (signed pushes) is built alongside.
 */
package io.newswire.publisher;
