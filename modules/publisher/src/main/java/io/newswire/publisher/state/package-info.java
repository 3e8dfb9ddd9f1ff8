/**
 * The publisher's local state: {@link io.newswire.publisher.state.ArticleStore} (pure: versions, visibility, newest-first
 * cursor listing, retention) and {@link io.newswire.publisher.state.ArticleStoreLoader} (fills it from
 * {@code newswire.articles.updates.v1}).
 */
package io.newswire.publisher.state;
