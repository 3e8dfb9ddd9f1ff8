package io.newswire.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** The publisher's meters, each name beside its description. */
public final class PublisherMetrics {

    public static final String ARTICLES_HELD = "newswire.publisher.articles.held";
    private static final String ARTICLES_HELD_DESC = "Articles in the publisher's local state (visible or embargoed), one retention window.";
    public static final String VERSIONS_HELD = "newswire.publisher.versions.held";
    private static final String VERSIONS_HELD_DESC = "Article versions in the publisher's local state.";
    public static final String EMBARGOED = "newswire.publisher.articles.embargoed";
    private static final String EMBARGOED_DESC = "Articles held back until their embargo ends.";
    public static final String RELEASED = "newswire.publisher.embargo.released";
    private static final String RELEASED_DESC = "Embargoed articles released since start.";

    public static final String REPORT_TO_PUBLISHED = "newswire.publisher.report.to.published";
    private static final String REPORT_TO_PUBLISHED_DESC = "End to end: from the gateway's acceptance of a report to the publisher holding "
            + "the article version it made (servable by the API, feeds and webhooks); live versions only, embargoed ones left out.";

    private final MeterRegistry registry;
    private final Counter released;
    private final Timer reportToPublished;

    public PublisherMetrics(final MeterRegistry registry) {
        this.registry = registry;
        this.released = Counter.builder(RELEASED).description(RELEASED_DESC).register(registry);
        this.reportToPublished = Timer.builder(REPORT_TO_PUBLISHED).description(REPORT_TO_PUBLISHED_DESC)
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    /** One version published this long after its report was accepted. */
    public void published(final Duration sinceAccepted) {
        reportToPublished.record(sinceAccepted.isNegative() ? Duration.ZERO : sinceAccepted);
    }

    /** Gauges over the publisher's state, read at each scrape. */
    public void watch(final IntSupplier articles, final LongSupplier versions, final IntSupplier embargoed) {
        Gauge.builder(ARTICLES_HELD, articles::getAsInt).description(ARTICLES_HELD_DESC).register(registry);
        Gauge.builder(VERSIONS_HELD, versions::getAsLong).description(VERSIONS_HELD_DESC).register(registry);
        Gauge.builder(EMBARGOED, embargoed::getAsInt).description(EMBARGOED_DESC).register(registry);
    }

    /** One embargoed article released. */
    public void released() {
        released.increment();
    }
}
