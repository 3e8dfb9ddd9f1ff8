/**
 * {@link io.newswire.publisher.filter.ArticleFilter}: the one filter over article versions, parsed from query
 * parameters with a precise error per bad value, shared by the API, the feeds and the webhook subscriptions.
 */
package io.newswire.publisher.filter;
