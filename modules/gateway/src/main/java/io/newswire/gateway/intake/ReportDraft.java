package io.newswire.gateway.intake;

import io.newswire.model.Attribution;
import io.newswire.model.Byline;
import io.newswire.model.ClientInfo;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.MediaItem;
import io.newswire.model.ReportKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A submitted report after parsing, cleaning and validation, before the gateway adds what only it knows: who
 * sent it (from the credentials), when it arrived, and its content digest. Nullable fields are as in
 * {@link CorrespondentReport}.
 */
public record ReportDraft(UUID reportId, ReportKind kind, UUID refersTo, String language, String desk, String headline,
                          String subheadline, String dateline, List<String> body, List<MediaItem> media,
                          List<Attribution> sources, Byline byline, boolean flaggedUrgent, String timeZone,
                          Instant eventTime, Instant filedAt, ClientInfo client, Instant embargoUntil) {

    /**
     * The event Newswire stores.
     *
     * @param correspondentId from the credentials
     * @param defaultDesk     the correspondent's desk, used when the report names none. May be null.
     * @param receivedAt      the gateway's clock
     * @param digest          {@link ContentDigest#of(ReportDraft)}
     */
    public CorrespondentReport toReport(final String correspondentId, final String defaultDesk, final Instant receivedAt, final String digest) {
        return CorrespondentReport.newBuilder()
                .setReportId(reportId)
                .setCorrespondentId(correspondentId)
                .setDesk(desk != null ? desk : defaultDesk)
                .setLanguage(language)
                .setKind(kind)
                .setRefersTo(refersTo)
                .setHeadline(headline)
                .setSubheadline(subheadline)
                .setDateline(dateline)
                .setBody(body)
                .setMedia(media)
                .setSources(sources)
                .setByline(byline)
                .setFlaggedUrgent(flaggedUrgent)
                .setTimeZone(timeZone)
                .setEventTime(eventTime)
                .setFiledAt(filedAt != null ? filedAt : receivedAt)
                .setReceivedAt(receivedAt)
                .setContentDigest(digest)
                .setClient(client)
                .setEmbargoUntil(embargoUntil)
                .build();
    }
}
