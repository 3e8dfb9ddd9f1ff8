package io.newswire.publisher.ninjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.publisher.Articles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NinjsRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private final ArticleUpdate arabic = Articles.arabic(UUID.fromString("8f3c7e2a-1b4d-4c5e-9f60-7a8b9c0d1e2f"), T0);

    private static JsonNode tree(final ArticleUpdate version, final NinjsVersion ninjs) throws IOException {
        final byte[] document = NinjsRenderer.render(version, ninjs);
        assertThat(NinjsSchemas.violations(document, ninjs)).as("IPTC's schema of ninjs %s", ninjs).isEmpty();
        return JSON.readTree(document);
    }

    @ParameterizedTest
    @EnumSource(NinjsVersion.class)
    void shouldValidateAgainstIptcsSchemaWhenRenderingEveryKindOfVersion(final NinjsVersion ninjs) throws IOException {
        final ArticleUpdate corrected = Articles.next(arabic, Signal.CORRECTION, T0.plusSeconds(60));
        final ArticleUpdate embargoed = ArticleUpdate.newBuilder(arabic).setEmbargoUntil(T0.plusSeconds(7200)).build();
        for (final ArticleUpdate version : new ArticleUpdate[]{arabic, corrected, Articles.next(corrected, Signal.WITHDRAWAL, T0.plusSeconds(120)),
                embargoed, Articles.english(UUID.randomUUID(), T0)}) {
            tree(version, ninjs);
        }
    }

    @Test
    void shouldCarryEveryFieldTheIssueListsWhenRenderingNinjs3() throws IOException {
        final JsonNode doc = tree(arabic, NinjsVersion.V3_1);

        assertThat(doc.get("uri").asText()).isEqualTo("urn:newswire:article:8f3c7e2a-1b4d-4c5e-9f60-7a8b9c0d1e2f");
        assertThat(doc.get("version").asText()).isEqualTo("1");
        assertThat(doc.get("firstCreated").asText()).isEqualTo("2026-12-03T08:00:00Z");
        assertThat(doc.get("versionCreated").asText()).isEqualTo("2026-12-03T08:00:00Z");
        assertThat(doc.get("pubStatus").asText()).isEqualTo("usable");
        assertThat(doc.get("urgency").asInt()).isEqualTo(3);
        assertThat(doc.get("language").asText()).isEqualTo("ar");
        assertThat(doc.get("headlines").get(0).get("value").asText()).isEqualTo(arabic.getHeadline());
        assertThat(doc.get("headlines").get(1).get("role").asText()).isEqualTo("sub");
        assertThat(doc.get("bodies").get(0).get("value").asText()).isEqualTo(String.join("\n\n", arabic.getBody()));
        assertThat(doc.get("bodies").get(1).get("value").asText()).startsWith("<p dir=\"rtl\" lang=\"ar\">");
        assertThat(doc.get("by").asText()).isEqualTo("ريم حداد");
        assertThat(doc.get("located").asText()).isEqualTo("ريف حلب الجنوبي");
        final JsonNode aleppo = doc.get("places").get(0);
        assertThat(aleppo.get("uri").asText()).isEqualTo("https://sws.geonames.org/170063/");
        assertThat(aleppo.get("rel").asText()).isEqualTo("dateline");
        assertThat(aleppo.get("geoJSON").get("coordinates").get(0).asDouble()).as("longitude first, as GeoJSON wants").isEqualTo(37.16117);
        assertThat(aleppo.get("geoJSON").get("coordinates").get(1).asDouble()).isEqualTo(36.20124);
        assertThat(doc.get("subjects").get(0).get("uri").asText()).isEqualTo("http://cv.iptc.org/newscodes/mediatopic/16000000");
        assertThat(doc.get("subjects").get(0).get("literal").asText()).isEqualTo("medtop:16000000");
        assertThat(doc.get("organisations").get(0).get("uri").asText()).isEqualTo("http://www.wikidata.org/entity/Q1065");
        assertThat(doc.get("organisations").get(1).has("uri")).as("no URI for a newswire: id").isFalse();
        assertThat(doc.get("organisations").get(1).get("literal").asText()).isEqualTo("newswire:white-helmets");
        assertThat(doc.get("descriptions").get(0).get("role").asText()).isEqualTo("signal");
        assertThat(doc.get("descriptions").get(0).get("value").asText()).isEqualTo("new");
        assertThat(doc.has("embargoedUntil")).isFalse();
    }

    @Test
    void shouldSignalTheVersionAndCancelWhenWithdrawn() throws IOException {
        final ArticleUpdate corrected = Articles.next(arabic, Signal.CORRECTION, T0.plusSeconds(60));
        final JsonNode correction = tree(corrected, NinjsVersion.V3_1);
        assertThat(correction.get("descriptions").get(0).get("value").asText()).isEqualTo("correction");
        assertThat(correction.get("edNote").asText()).startsWith("Correction");
        assertThat(correction.get("version").asText()).isEqualTo("2");

        final JsonNode withdrawal = tree(Articles.next(corrected, Signal.WITHDRAWAL, T0.plusSeconds(120)), NinjsVersion.V2_2);
        assertThat(withdrawal.get("pubstatus").asText()).isEqualTo("canceled");
        assertThat(withdrawal.get("descriptions").get(0).get("value").asText()).isEqualTo("withdrawal");
        assertThat(withdrawal.get("ednote").asText()).startsWith("Withdrawn");
    }

    @Test
    void shouldUseTheLowerCaseNamesWhenRenderingNinjs2() throws IOException {
        final JsonNode doc = tree(ArticleUpdate.newBuilder(arabic).setEmbargoUntil(T0.plusSeconds(3600)).build(), NinjsVersion.V2_2);
        assertThat(doc.get("firstcreated").asText()).isEqualTo("2026-12-03T08:00:00Z");
        assertThat(doc.get("embargoed").asText()).isEqualTo("2026-12-03T09:00:00Z");
        assertThat(doc.get("places").get(0).has("geojson")).isTrue();
        assertThat(doc.get("bodies").get(0).get("contenttype").asText()).isEqualTo("text/plain");
        assertThat(doc.has("pubStatus")).isFalse();
    }

    @Test
    void shouldFailValidationWhenADocumentBreaksTheSchema() {
        // the validator is live: a pubStatus outside the enum and an unknown property are refused
        final byte[] bad = "{\"uri\":\"urn:x:1\",\"pubStatus\":\"deleted\",\"signal\":\"update\"}".getBytes();
        assertThat(NinjsSchemas.violations(bad, NinjsVersion.V3_1)).hasSizeGreaterThanOrEqualTo(2);
        final byte[] badGeo = ("{\"uri\":\"urn:x:1\",\"places\":[{\"name\":\"x\",\"geoJSON\":{\"type\":\"Point\",\"coordinates\":[\"a\"]}}]}").getBytes();
        assertThat(NinjsSchemas.violations(badGeo, NinjsVersion.V3_1)).isNotEmpty();
    }

    @Test
    void shouldEscapeMarkupWhenWritingTheHtmlBody() throws IOException {
        final JsonNode doc = tree(Articles.english(UUID.randomUUID(), T0), NinjsVersion.V3_1);
        assertThat(doc.get("bodies").get(1).get("value").asText())
                .isEqualTo("<p dir=\"ltr\" lang=\"en-GB\">Farmers near Mosul say &lt;the river&gt; is lower &amp; slower.</p>");
    }

    @Test
    void shouldReadTheFormatParameterWhenAsked() {
        assertThat(NinjsVersion.fromFormat(null)).contains(NinjsVersion.V3_1);
        assertThat(NinjsVersion.fromFormat("ninjs2")).contains(NinjsVersion.V2_2);
        assertThat(NinjsVersion.fromFormat("ninjs1")).isEmpty();
    }
}
