package io.newswire.gateway.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDigestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReportIntake intake = new ReportIntake(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));
    private final UUID id = UUID.randomUUID();

    private String digest(final String fields) throws Exception {
        final ReportIntake.Result result = intake.read(JSON.readTree("{\"reportId\":\"" + id + "\"," + fields + "}"));
        assertThat(result.errors()).isEmpty();
        return ContentDigest.of(result.draft());
    }

    @Test
    void shouldGiveOneDigestForOneReportWhateverTheKeyOrderOrTheApp() throws Exception {
        final String first = digest("\"language\":\"ar\",\"headline\":\"عنوان\",\"body\":[\"فقرة.\"]");
        // a retry may come from an upgraded app that orders keys differently: the app is transport, not content
        final String again = digest("\"body\":[\"فقرة.\"],\"headline\":\"عنوان\",\"language\":\"ar\",\"client\":{\"app\":\"field-app\",\"version\":\"2\"}");

        assertThat(again).isEqualTo(first).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void shouldGiveOneDigestForTheSameTextComposedOrDecomposed() throws Exception {
        final String text = "الرقة: مئاتُ المدنيين";

        assertThat(digest("\"language\":\"ar\",\"headline\":\"" + Normalizer.normalize(text, Normalizer.Form.NFD) + "\",\"body\":[\"x\"]"))
                .isEqualTo(digest("\"language\":\"ar\",\"headline\":\"" + Normalizer.normalize(text, Normalizer.Form.NFC) + "\",\"body\":[\"x\"]"));
    }

    @Test
    void shouldChangeWhenAnyContentFieldChanges() throws Exception {
        final String base = "\"language\":\"ar\",\"headline\":\"عنوان\",\"body\":[\"فقرة.\"]";
        final String first = digest(base);

        assertThat(digest(base.replace("فقرة.", "فقرة أخرى."))).isNotEqualTo(first);
        assertThat(digest(base + ",\"flaggedUrgent\":true")).isNotEqualTo(first);
        assertThat(digest(base + ",\"filedAt\":\"2026-11-24T06:00:00Z\"")).isNotEqualTo(first);
        assertThat(digest(base + ",\"sources\":[\"مصادر محلية\"]")).isNotEqualTo(first);
        assertThat(digest(base.replace("\"ar\"", "\"en\""))).isNotEqualTo(first);
    }

    @Test
    void shouldTellReportsApartByTheirEmbargoWhenOneIsGiven() throws Exception {
        final String fields = "\"language\":\"ar\",\"headline\":\"عنوان\",\"body\":[\"فقرة.\"]";
        // the same id resent with another embargo is other content (409), not a retry
        assertThat(digest(fields + ",\"embargoUntil\":\"2026-11-24T18:00:00Z\"")).isNotEqualTo(digest(fields))
                .isNotEqualTo(digest(fields + ",\"embargoUntil\":\"2026-11-24T19:00:00Z\""));
    }
}
