package io.newswire.publisher.apikeys;

import io.newswire.model.ApiKey;
import io.newswire.model.ApiKeyRole;
import io.newswire.model.ArticleUpdate;
import io.newswire.publisher.filter.ArticleFilter;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an authenticated key may read, the pure authorisation rule: a STAFF key reads every desk; a PARTNER key only
 * the desks it names. An article of another desk, or a filter asking for one, is refused (403); a listing with no desk
 * filter is narrowed to the key's desks, so a partner never sees more than it was given.
 */
public final class Access {

    private final ApiKey key;
    private final Set<String> desks;

    public Access(final ApiKey key) {
        this.key = key;
        this.desks = key.getDesks().stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public ApiKey key() {
        return key;
    }

    /** Whether the key may read this article. */
    public boolean mayRead(final ArticleUpdate article) {
        return key.getRole() == ApiKeyRole.STAFF
                || (article.getDesk() != null && desks.contains(article.getDesk().toLowerCase(Locale.ROOT)));
    }

    /** The desks of the filter the key may not read; empty when it may run the filter. */
    public Set<String> refusedDesks(final ArticleFilter filter) {
        if (key.getRole() == ApiKeyRole.STAFF) {
            return Set.of();
        }
        return filter.desks().stream().filter(d -> !desks.contains(d)).collect(Collectors.toUnmodifiableSet());
    }

    /** The filter narrowed to what the key may read (after {@link #refusedDesks} found nothing to refuse). */
    public ArticleFilter narrow(final ArticleFilter filter) {
        return key.getRole() == ApiKeyRole.STAFF ? filter : filter.withinDesks(desks);
    }
}
