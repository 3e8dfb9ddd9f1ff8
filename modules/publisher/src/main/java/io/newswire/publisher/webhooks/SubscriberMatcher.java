package io.newswire.publisher.webhooks;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.model.WebhookSubscriber;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether a subscriber wants an article version, by its filter turned into a predicate by the newsroom API's own
 * filter code (the factory), so a webhook filter means exactly what the same query means on {@code GET /v1/articles}.
 * One exception: a WITHDRAWAL is judged without the {@code pubstatus} key, so a subscriber filtering on
 * {@code pubstatus=usable} still hears that an article it received was canceled.
 */
final class SubscriberMatcher {

    private record Compiled(Instant createdAt, Predicate<ArticleUpdate> versions, Predicate<ArticleUpdate> withdrawals) {
    }

    private final Function<Map<String, List<String>>, Predicate<ArticleUpdate>> filterFactory;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    SubscriberMatcher(final Function<Map<String, List<String>>, Predicate<ArticleUpdate>> filterFactory) {
        this.filterFactory = filterFactory;
    }

    boolean wants(final WebhookSubscriber subscriber, final ArticleUpdate update) {
        final Compiled filter = compiled.compute(subscriber.getSubscriberId(), (id, known) ->
                known != null && known.createdAt().equals(subscriber.getCreatedAt()) ? known : compile(subscriber));
        return update.getSignal() == Signal.WITHDRAWAL ? filter.withdrawals().test(update) : filter.versions().test(update);
    }

    private Compiled compile(final WebhookSubscriber subscriber) {
        final Map<String, List<String>> filter = new HashMap<>(subscriber.getFilter());
        final Predicate<ArticleUpdate> versions = filterFactory.apply(Map.copyOf(filter));
        filter.remove("pubstatus");
        return new Compiled(subscriber.getCreatedAt(), versions, filterFactory.apply(Map.copyOf(filter)));
    }
}
