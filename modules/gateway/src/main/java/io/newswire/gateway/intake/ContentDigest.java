package io.newswire.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;


import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SHA-256 of a report's content in one canonical form (keys sorted, text after hygiene). Two submissions with
 * the same id are the same report when their digests match (a retry: answer the same 202), and a conflict when
 * they do not (409).
 */
public final class ContentDigest {

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ContentDigest() {
    }

    public static String of(final ReportDraft draft) {
        final Map<String, Object> content = new LinkedHashMap<>();
        content.put("reportId", draft.reportId().toString());
        content.put("kind", draft.kind().name());
        content.put("refersTo", draft.refersTo() == null ? null : draft.refersTo().toString());
        content.put("language", draft.language());
        content.put("desk", draft.desk());
        content.put("headline", draft.headline());
        content.put("subheadline", draft.subheadline());
        content.put("dateline", draft.dateline());
        content.put("body", draft.body());
        content.put("media", draft.media().stream().map(m -> java.util.Arrays.asList(m.getType().name(), m.getUri(), m.getCaption(), m.getCredit())).toList());
        content.put("sources", draft.sources().stream().map(s -> java.util.Arrays.asList(s.getSource(), s.getClaim())).toList());
        content.put("byline", draft.byline() == null ? null : java.util.Arrays.asList(draft.byline().getName(), draft.byline().getBio()));
        content.put("flaggedUrgent", draft.flaggedUrgent());
        content.put("timeZone", draft.timeZone());
        content.put("eventTime", draft.eventTime() == null ? null : draft.eventTime().toEpochMilli());
        content.put("filedAt", draft.filedAt() == null ? null : draft.filedAt().toEpochMilli());
        if (draft.embargoUntil() != null) {
            // only when set, so the digest of every report without an embargo is what it was before the field existed
            content.put("embargoUntil", draft.embargoUntil().toEpochMilli());
        }
        try {
            final byte[] canonical = CANONICAL.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (final JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot digest report " + draft.reportId(), e);
        }
    }

}
