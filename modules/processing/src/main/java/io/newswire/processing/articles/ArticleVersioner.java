package io.newswire.processing.articles;

import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.Enrichment;
import io.newswire.model.PubStatus;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The editorial rules that turn reports into article versions. Pure: given the article as it stands (or none)
 * and a report with what matching found, it returns the next version.
 *
 * <p>Policy:
 * <ul>
 *   <li>A NEW report with no match starts an article, version 1, signal NEW. Its id is derived from the report id,
 *       so replaying the topic gives the same article ids.</li>
 *   <li>An UPDATE or CORRECTION replaces headline, body and media with the report's: the correspondent refiled
 *       the story. Signal UPDATE or CORRECTION; the report joins the sources with that role.</li>
 *   <li>A near-duplicate from another correspondent changes no text: the first correspondent's copy stands, and
 *       the second report is added as CORROBORATION, with its byline, in a new version with signal UPDATE. Editors
 *       see who else confirms the story without the text jumping between versions.</li>
 *   <li>A near-duplicate from the same correspondent is a re-file: their new text replaces the old (signal UPDATE).</li>
 *   <li>A WITHDRAWAL sets pubstatus CANCELED, signal WITHDRAWAL; the text stays for the record.</li>
 *   <li>The desk is that of the first report. The embargo is the first report's; an UPDATE, CORRECTION or re-file
 *       carrying an embargo of its own replaces it (one carrying none keeps it).</li>
 * </ul>
 * Versions count up by one with no gaps; firstCreated never changes.
 */
public final class ArticleVersioner {

    private ArticleVersioner() {
    }

    /** The article id a NEW report starts: a name-based UUID of the report id, stable across replays. */
    public static UUID articleIdFor(final UUID reportId) {
        return UUID.nameUUIDFromBytes(("newswire-article:" + reportId).getBytes(StandardCharsets.UTF_8));
    }

    /** Version 1 of a new article. */
    public static ArticleUpdate start(final CorrespondentReport report, final Enrichment enrichment, final Instant now) {
        return ArticleUpdate.newBuilder()
                .setArticleId(articleIdFor(report.getReportId()))
                .setVersion(1)
                .setSignal(Signal.NEW)
                .setPubStatus(PubStatus.USABLE)
                .setLanguage(report.getLanguage())
                .setHeadline(report.getHeadline())
                .setSubheadline(report.getSubheadline())
                .setDateline(report.getDateline())
                .setBody(report.getBody())
                .setBylines(report.getByline() == null ? List.of() : List.of(report.getByline()))
                .setMedia(report.getMedia())
                .setUrgency(enrichment == null ? null : enrichment.getUrgency())
                .setEnrichment(enrichment)
                .setTriggeringReportId(report.getReportId())
                .setSources(List.of(source(report, SourceRole.ORIGIN, null, null, null)))
                .setFirstCreated(now)
                .setVersionCreated(now)
                .setDesk(report.getDesk())
                .setEmbargoUntil(report.getEmbargoUntil())
                .setReportReceivedAt(report.getReceivedAt())
                .build();
    }

    /** The next version after an UPDATE, CORRECTION or WITHDRAWAL referring to a report of this article. */
    public static ArticleUpdate revise(final ArticleUpdate current, final CorrespondentReport report, final Enrichment enrichment, final Instant now) {
        Objects.requireNonNull(current, "current");
        final ArticleUpdate.Builder next = nextVersion(current, report, now);
        final List<ArticleSource> sources = new ArrayList<>(current.getSources());
        switch (report.getKind()) {
            case UPDATE, CORRECTION -> {
                takeText(next.setSignal(report.getKind() == io.newswire.model.ReportKind.UPDATE ? Signal.UPDATE : Signal.CORRECTION),
                        current, report, enrichment);
                sources.add(source(report, report.getKind() == io.newswire.model.ReportKind.UPDATE ? SourceRole.UPDATE : SourceRole.CORRECTION,
                        report.getRefersTo(), null, "reference"));
            }
            case WITHDRAWAL -> {
                next.setSignal(Signal.WITHDRAWAL).setPubStatus(PubStatus.CANCELED);
                sources.add(source(report, SourceRole.WITHDRAWAL, report.getRefersTo(), null, "reference"));
            }
            case NEW -> throw new IllegalArgumentException("A NEW report revises no article; use corroborate for a near-duplicate");
        }
        return next.setSources(sources).build();
    }

    /** The next version when another report of the same story arrives: text unchanged, the report added as corroboration. */
    public static ArticleUpdate corroborate(final ArticleUpdate current, final CorrespondentReport report, final UUID matchedReportId,
                                           final double similarity, final String method, final Instant now) {
        final List<ArticleSource> sources = new ArrayList<>(current.getSources());
        sources.add(source(report, SourceRole.CORROBORATION, matchedReportId, similarity, method));
        final List<io.newswire.model.Byline> bylines = new ArrayList<>(current.getBylines());
        if (report.getByline() != null && !bylines.contains(report.getByline())) {
            bylines.add(report.getByline());
        }
        return nextVersion(current, report, now).setSignal(Signal.UPDATE).setBylines(bylines).setSources(sources).build();
    }

    /**
     * The next version when the same correspondent files the story again as a NEW report (a re-file with changed
     * sentences): their new text replaces the old, as an UPDATE would, with the match recorded.
     */
    public static ArticleUpdate refile(final ArticleUpdate current, final CorrespondentReport report, final Enrichment enrichment,
                                       final UUID matchedReportId, final double similarity, final String method, final Instant now) {
        final List<ArticleSource> sources = new ArrayList<>(current.getSources());
        sources.add(source(report, SourceRole.UPDATE, matchedReportId, similarity, method));
        return takeText(nextVersion(current, report, now).setSignal(Signal.UPDATE), current, report, enrichment).setSources(sources).build();
    }

    /** The article with its version counted up, made by this report now. */
    private static ArticleUpdate.Builder nextVersion(final ArticleUpdate current, final CorrespondentReport report, final Instant now) {
        return ArticleUpdate.newBuilder(current).setVersion(current.getVersion() + 1)
                .setTriggeringReportId(report.getReportId()).setVersionCreated(now).setReportReceivedAt(report.getReceivedAt());
    }

    /** The report's text replaces the article's; what the report leaves out (dateline, media) stays. */
    private static ArticleUpdate.Builder takeText(final ArticleUpdate.Builder next, final ArticleUpdate current,
                                                  final CorrespondentReport report, final Enrichment enrichment) {
        return next.setHeadline(report.getHeadline())
                .setSubheadline(report.getSubheadline())
                .setDateline(report.getDateline() != null ? report.getDateline() : current.getDateline())
                .setBody(report.getBody())
                .setMedia(report.getMedia().isEmpty() ? current.getMedia() : report.getMedia())
                .setEnrichment(enrichment)
                .setUrgency(enrichment == null ? current.getUrgency() : enrichment.getUrgency())
                // a refiled text may move the embargo; one that names none keeps the article's
                .setEmbargoUntil(report.getEmbargoUntil() != null ? report.getEmbargoUntil() : current.getEmbargoUntil());
    }

    private static ArticleSource source(final CorrespondentReport report, final SourceRole role, final UUID matched,
                                        final Double similarity, final String method) {
        return ArticleSource.newBuilder().setReportId(report.getReportId()).setCorrespondentId(report.getCorrespondentId())
                .setRole(role).setMatchedReportId(matched).setSimilarity(similarity).setMethod(method).build();
    }
}
