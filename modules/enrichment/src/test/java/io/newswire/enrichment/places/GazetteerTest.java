package io.newswire.enrichment.places;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GazetteerTest {

    @Test
    void shouldLoadTheBuiltInExtractWithRegionCountriesAndDivisions() {
        final Gazetteer gazetteer = BuiltInGazetteer.gazetteer();
        assertThat(gazetteer.size()).isGreaterThan(35_000);
        assertThat(gazetteer.names()).isGreaterThanOrEqualTo(gazetteer.size()); // every entry is found by a name at least
        // load time and heap held are EnrichmentBenchmark's (a figure, not a unit test's bound)
        assertThat(gazetteer.country("SY")).hasValueSatisfying(sy -> {
            assertThat(sy.nameAr()).isEqualTo("سوريا");
            assertThat(sy.nameEn()).isEqualTo("Syria");
            // the capital's point: cities500 carries no country rows
            assertThat(sy.latitude()).isBetween(33.4, 33.6);
        });
        assertThat(gazetteer.admin1("SY.04")).hasValueSatisfying(raqqa -> {
            assertThat(raqqa.nameAr()).isEqualTo("محافظة الرقة");
            assertThat(raqqa.id()).isEqualTo("geonames:SY.04");
        });
        assertThat(gazetteer.lookup("الرقة")).extracting(GazetteerEntry::countryCode).containsExactlyInAnyOrder("SY", "KW");
        assertThat(gazetteer.lookup("Aleppo")).extracting(GazetteerEntry::key).contains("170063");
        assertThat(gazetteer.lookup("سورية")).extracting(GazetteerEntry::key).containsExactly("163843"); // our supplement; GeoNames' id from countryInfo
        assertThat(gazetteer.lookup("قصف على حلب")).isEmpty(); // not one name as a whole
    }

    @Test
    void shouldRefuseAFileOfAnotherFormat() throws IOException {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("172955\tAr Raqqah\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> Gazetteer.read(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("newswire-gazetteer 1");
    }
}
