package io.newswire.publisher.state;

import io.newswire.model.ArticleUpdate;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param articles the latest visible version of each article, newest first
 * @param next     where the next page starts; null when this is the last page
 */
public record ArticlePage(List<ArticleUpdate> articles, ListingCursor next) {

    public ArticlePage {
        articles = List.copyOf(articles);
    }
}
