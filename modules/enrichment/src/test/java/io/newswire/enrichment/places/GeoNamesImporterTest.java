package io.newswire.enrichment.places;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Place;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer on a handmade dump in GeoNames' layout ({@code src/test/resources/places/geonames-*.txt}: made-up ids
 * and figures): what {@code newswire gazetteer import} writes, read back by {@link Gazetteer} and resolved.
 */
class GeoNamesImporterTest {

    @TempDir
    Path dir;

    private Map<String, GazetteerFormat.Row> rows;
    private Path out;

    private static Path fixture(final String name) throws URISyntaxException {
        return Path.of(GeoNamesImporterTest.class.getResource("/places/" + name).toURI());
    }

    private GeoNamesImporter.Sources sources(final boolean full) throws IOException, URISyntaxException {
        final Path ar = MoFiles.write(dir.resolve("ar.mo"), Map.of("SY.04", "محافظة الرقة", "KW.04", "مُحَافَظَة اَلأَحْمَدِي",
                "900020", "اَلرِّقَّة"), ByteOrder.LITTLE_ENDIAN);
        final Path en = MoFiles.write(dir.resolve("en.mo"), Map.of("KW.04", "Al Ahmadi Governorate"), ByteOrder.LITTLE_ENDIAN);
        return new GeoNamesImporter.Sources(fixture("geonames-places.txt"),
                full ? fixture("geonames-alternate-names.txt") : null,
                full ? fixture("geonames-admin1.txt") : null,
                full ? fixture("geonames-country-info.txt") : null,
                Map.of("ar", ar, "en", en), fixture("extra-names.tsv"));
    }

    private GeoNamesImporter.Summary run(final boolean full) throws Exception {
        out = dir.resolve("gazetteer.tsv.gz");
        final GeoNamesImporter.Summary summary;
        try (OutputStream stream = Files.newOutputStream(out)) {
            summary = new GeoNamesImporter().run(sources(full), GeoNamesImporter.Policy.defaults(), stream, List.of("fixture"));
        }
        rows = new HashMap<>();
        try (InputStream in = Files.newInputStream(out)) {
            GazetteerFormat.read(in, row -> rows.put(row.entry().key(), row));
        }
        return summary;
    }

    @BeforeEach
    void noRows() {
        rows = null;
    }

    @Test
    void shouldKeepRegionPlacesAndArabicNamedOrPopulousOnesElsewhere() throws Exception {
        run(true);
        // every populated place in the focus region; abroad, an Arabic name or 15,000 people; no streams or valleys
        assertThat(rows.keySet()).contains("900010", "900011", "900012", "900020", "900030", "900032")
                .doesNotContain("900031", "900013");
    }

    @Test
    void shouldUseTheDumpsIdsAndPreferredNamesWhenTheyAreGiven() throws Exception {
        final GeoNamesImporter.Summary summary = run(true);
        final GazetteerFormat.Row raqqa = rows.get("900010");
        assertThat(raqqa.entry().featureType()).isEqualTo("P.PPLA");
        assertThat(raqqa.entry().admin1()).isEqualTo("SY.04");
        assertThat(raqqa.entry().nameAr()).isEqualTo("الرقّة"); // preferred ar in alternateNames
        assertThat(raqqa.entry().nameEn()).isEqualTo("Raqqa"); // preferred en
        // the machine romanisation "alrqt", the link and the historic name are no names to match
        assertThat(raqqa.names()).contains("الرقة", "رقه", "Rakka", "Ar-Raqqah").doesNotContain("alrqt", "Nikephorion", "https://example.org/raqqa");
        // the country and division rows of allCountries give their own ids and points
        assertThat(rows.get("900001").entry().featureType()).isEqualTo("A.PCLI");
        assertThat(rows.get("900001").names()).contains("سوريا", "Syria");
        assertThat(rows.get("900002").entry().isAdmin1()).isTrue();
        assertThat(summary.countries()).isEqualTo(2); // countryInfo lists two
    }

    @Test
    void shouldGiveADivisionWithoutARowItsSeatsOrLargestPlacesPoint() throws Exception {
        run(true);
        // KW.04 has no ADM1 row and no PPLA: its point is its most populous place's, its id admin1CodesASCII's
        final GazetteerEntry ahmadi = rows.get("900040").entry();
        assertThat(ahmadi.admin1()).isEqualTo("KW.04");
        assertThat(ahmadi.latitude()).isEqualTo(29.15);
        assertThat(ahmadi.nameEn()).isEqualTo("Al Ahmadi Governorate");
        // Kuwait has no country row and no PPLC in the dump: the same rule gives it a point
        assertThat(rows.get("900050").entry().longitude()).isEqualTo(48.09);
    }

    @Test
    void shouldKeepADivisionsNameThatATownBearsForTheTown() throws Exception {
        run(true);
        // "الرقة" stays the city's alone; the division is reached by "محافظة الرقة"
        final GazetteerFormat.Row division = rows.get("900002");
        assertThat(division.names()).contains("محافظة الرقة", "Raqqa Province").doesNotContain("الرقة");
        // "Ar-Raqqah" (admin1CodesASCII) is a name of the city too, so the division shows it with its generic word
        assertThat(division.entry().nameEn()).isEqualTo("Ar-Raqqah Governorate");
        // and a city's own name list loses the division-style name GeoNames gave it
        assertThat(rows.get("900011").names()).contains("تل أبيض", "تل ابيض الشمالية").doesNotContain("محافظة تل ابيض");
    }

    @Test
    void shouldDropPersianSpellingsOutsideIranAndAfghanistan() throws Exception {
        run(true);
        // "کان" with Persian kaf would fold into the Arabic verb "كان" (was)
        assertThat(rows.get("900030").names()).contains("كانفيل").doesNotContain("کان", "کانویل");
    }

    @Test
    void shouldFallBackToCodesAndTheJdkWithoutAdmin1AndCountryFiles() throws Exception {
        run(false);
        // with no countryInfo the JDK's list is used; the dump's own country row keeps its id
        assertThat(rows.get("900001").entry().countryCode()).isEqualTo("SY");
        assertThat(rows).containsKey("KW"); // no geonameid known: GeoNames' country code is the key
        assertThat(rows.get("KW").names()).contains("الكويت", "Kuwait");
        assertThat(rows).containsKey("KW.04");
        assertThat(rows.get("KW.04").entry().nameAr()).isEqualTo("مُحَافَظَة اَلأَحْمَدِي");
    }

    @Test
    void shouldWriteAFileTheGazetteerLoadsAndTheResolverUses() throws Exception {
        run(true);
        final Gazetteer gazetteer = Gazetteer.load(out);
        assertThat(gazetteer.size()).isEqualTo(rows.size());
        assertThat(gazetteer.lookup("الرقة")).extracting(GazetteerEntry::key).containsExactlyInAnyOrder("900010", "900020");
        final PlaceResolver resolver = new PlaceResolver(gazetteer, CommonWords.builtIn(gazetteer.normalizer()), Set.of("SY", "KW"));
        final List<Place> places = resolver.resolve(new ReportText(List.of(new ReportText.Field("body",
                "قصف على حي الفردوس في الرقه"))), PlaceContext.none());
        // GeoNames has the neighbourhood itself here (PPLX), so it is the place, not the city standing in
        assertThat(places).extracting(Place::getId).containsExactly("geonames:900012", "geonames:900010");
        assertThat(places.get(0).getEvidence().get(0).getRule()).isEqualTo("place.neighbourhood");
    }

    @Test
    void shouldReadTheReducedCountryTableTheDerivationShips() throws Exception {
        final Path reduced = Files.writeString(dir.resolve("countries.tsv"), "# ISO geonameid population\nSY\t900001\t22000000\nKW\t900050\t4100000\n");
        final GeoNamesImporter.Sources full = sources(false);
        out = dir.resolve("reduced.tsv.gz");
        try (OutputStream stream = Files.newOutputStream(out)) {
            new GeoNamesImporter().run(new GeoNamesImporter.Sources(full.places(), null, null, reduced, full.translations(), null),
                    GeoNamesImporter.Policy.defaults(), stream, List.of());
        }
        final Gazetteer gazetteer = Gazetteer.load(out);
        assertThat(gazetteer.country("KW")).hasValueSatisfying(kw -> {
            assertThat(kw.id()).isEqualTo("geonames:900050");
            assertThat(kw.population()).isEqualTo(4_100_000);
            assertThat(kw.nameAr()).isEqualTo("الكويت"); // names still from the JDK
        });
    }

    @Test
    void shouldWriteTheSameBytesTwice() throws Exception {
        run(true);
        final byte[] first = Files.readAllBytes(out);
        run(true);
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
    }
}
