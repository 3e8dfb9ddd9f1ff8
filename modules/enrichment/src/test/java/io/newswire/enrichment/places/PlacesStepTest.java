package io.newswire.enrichment.places;

import io.newswire.enrichment.EnrichmentInput;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.Enrichment;
import io.newswire.model.Place;
import org.junit.jupiter.api.Test;

import io.newswire.model.ReportKind;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlacesStepTest {

    private static CorrespondentReport.Builder report() {
        // the step reads desk, language and the texts; the rest is what the schema requires
        return CorrespondentReport.newBuilder().setReportId(UUID.nameUUIDFromBytes(new byte[] {1})).setCorrespondentId("test")
                .setKind(ReportKind.NEW).setBody(List.of()).setFiledAt(Instant.EPOCH).setReceivedAt(Instant.EPOCH).setContentDigest("test");
    }

    @Test
    void shouldPutTheResolvedPlacesIntoTheEnrichmentWithTheDeskAsContext() {
        final CorrespondentReport kuwait = report().setDesk("kuwait").setLanguage("ar-KW")
                .setHeadline("حادث سير قرب الرقة").setDateline(null).build();
        final Enrichment.Builder enrichment = Enrichment.newBuilder().setMatchingHeadline("").setMatchingBody("");
        new PlacesStep(BuiltInGazetteer.resolver()).enrich(EnrichmentInput.of(kuwait, ZoneOffset.UTC), enrichment);
        assertThat(enrichment.getPlaces()).extracting(Place::getId).containsExactly("geonames:285728");
        assertThat(new PlacesStep(BuiltInGazetteer.resolver()).name()).isEqualTo("places");
    }
}
