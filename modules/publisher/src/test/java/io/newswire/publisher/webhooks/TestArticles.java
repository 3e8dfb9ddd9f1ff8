package io.newswire.publisher.webhooks;

import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.PubStatus;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Article versions, a renderer and a filter factory for tests: stand-ins for the publisher's ninjs renderer and API
 * filter, which the lead plugs in at merge. The renderer writes a small ninjs-shaped JSON document.
 */
final class TestArticles {

    private TestArticles() {
    }

    static ArticleUpdate version(final UUID articleId, final int version, final Signal signal, final String language) {
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final UUID report = UUID.randomUUID();
        return ArticleUpdate.newBuilder().setArticleId(articleId).setVersion(version).setSignal(signal)
                .setPubStatus(signal == Signal.WITHDRAWAL ? PubStatus.CANCELED : PubStatus.USABLE).setLanguage(language)
                .setHeadline("نزوح عائلات من ريف حلب الجنوبي " + version).setBody(List.of("فقرة أولى.", "فقرة ثانية."))
                .setTriggeringReportId(report)
                .setSources(List.of(ArticleSource.newBuilder().setReportId(report).setCorrespondentId("reem").setRole(SourceRole.ORIGIN).build()))
                .setFirstCreated(now).setVersionCreated(now).build();
    }

    /** {"uri":..., "version":..., "pubstatus":..., "language":...}: enough for a receiver to tell versions apart. */
    static final Function<ArticleUpdate, byte[]> RENDERER = update -> ("{\"uri\":\"urn:newswire:article:" + update.getArticleId()
            + "\",\"version\":\"" + update.getVersion() + "\",\"pubstatus\":\"" + update.getPubStatus().name().toLowerCase(Locale.ROOT)
            + "\",\"language\":\"" + update.getLanguage() + "\",\"headline\":\"" + update.getHeadline() + "\"}").getBytes(StandardCharsets.UTF_8);

    /** Filters on language and pubstatus, each key any of its values; other keys are ignored here. */
    static final Function<Map<String, List<String>>, Predicate<ArticleUpdate>> FILTERS = filter -> update ->
            (!filter.containsKey("language") || filter.get("language").contains(update.getLanguage()))
                    && (!filter.containsKey("pubstatus") || filter.get("pubstatus").contains(update.getPubStatus().name().toLowerCase(Locale.ROOT)));
}
