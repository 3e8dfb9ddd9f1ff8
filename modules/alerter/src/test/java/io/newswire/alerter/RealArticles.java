package io.newswire.alerter;

import io.newswire.enrichment.BuiltInEnrichment;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.Enrichment;
import io.newswire.model.PubStatus;
import io.newswire.model.ReportKind;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Article versions as processing makes them: the report's enrichment comes from the real built-in enrichment
 * (gazetteer, parties, subjects, urgency), its matching forms from the real normaliser.
 */
public final class RealArticles {

    private static final MatchingTextNormalizer NORMALIZER = new MatchingTextNormalizer();

    private final UUID articleId = UUID.randomUUID();
    private final List<ArticleSource> sources = new ArrayList<>();
    private int version;

    /** A new story. */
    public static RealArticles story() {
        return new RealArticles();
    }

    public UUID articleId() {
        return articleId;
    }

    /** The next version of the story, by the correspondent, with this text, enriched for real. */
    public ArticleUpdate next(final Signal signal, final String correspondent, final SourceRole role, final String desk, final String language,
                              final String headline, final String dateline, final String... body) {
        version++;
        final UUID reportId = UUID.randomUUID();
        sources.add(ArticleSource.newBuilder().setReportId(reportId).setCorrespondentId(correspondent).setRole(role).build());
        final Instant now = Instant.now();
        final CorrespondentReport report = CorrespondentReport.newBuilder().setReportId(reportId).setCorrespondentId(correspondent)
                .setDesk(desk).setLanguage(language).setKind(signal == Signal.CORRECTION ? ReportKind.CORRECTION : ReportKind.NEW)
                .setHeadline(headline).setDateline(dateline).setBody(List.of(body)).setTimeZone("Asia/Damascus")
                .setFiledAt(now).setReceivedAt(now).setContentDigest("test").build();
        final Enrichment normalised = Enrichment.newBuilder().setMatchingHeadline(NORMALIZER.matchingForm(headline))
                .setMatchingBody(NORMALIZER.matchingForm(String.join("\n", body))).build();
        final Enrichment enrichment = BuiltInEnrichment.shared().enrich(report, normalised);
        return ArticleUpdate.newBuilder().setArticleId(articleId).setVersion(version).setSignal(signal)
                .setPubStatus(signal == Signal.WITHDRAWAL ? PubStatus.CANCELED : PubStatus.USABLE).setLanguage(language)
                .setHeadline(headline).setDateline(dateline).setBody(List.of(body)).setUrgency(enrichment.getUrgency())
                .setEnrichment(enrichment).setTriggeringReportId(reportId).setSources(List.copyOf(sources))
                .setFirstCreated(now).setVersionCreated(now).build();
    }

    /** An Arabic NEW version of the desk "syria" by reem. */
    public ArticleUpdate arabic(final String headline, final String dateline, final String... body) {
        return next(version == 0 ? Signal.NEW : Signal.UPDATE, "reem", version == 0 ? SourceRole.ORIGIN : SourceRole.UPDATE, "syria", "ar",
                headline, dateline, body);
    }

    /** The same story again with an urgency set by hand (as if enrichment had found more). */
    public static ArticleUpdate withUrgency(final ArticleUpdate update, final Integer urgency) {
        return ArticleUpdate.newBuilder(update).setUrgency(urgency).build();
    }
}
