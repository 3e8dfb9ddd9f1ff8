package io.newswire.launcher;

import io.newswire.enrichment.places.GeoNamesImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `newswire gazetteer import|check` on a two-line dump in GeoNames' layout (made-up ids): a focus-country place with
 * an Arabic name and a small foreign one without, so each selection option visibly keeps or drops the second.
 */
class GazetteerCommandTest {

    private static final String DUMP = String.join("\n",
            "900010\tAr Raqqah\tAr Raqqah\tالرقة,Rakka\t35.95\t39.01\tP\tPPLA\tSY\t\t04\t\t\t\t177000\t\t300\tAsia/Damascus\t2024-01-01",
            "800001\tSmallville\tSmallville\tSmall Ville\t39.0\t-95.0\tP\tPPL\tUS\t\tKS\t\t\t\t5000\t\t300\tAmerica/Chicago\t2024-01-01", "");

    @TempDir
    Path dir;

    @Test
    @Covers({"gazetteer import --places", "gazetteer import --out", "gazetteer import --note"})
    void shouldWriteTheGazetteerOfTheDumpWithTheNoteToOut() throws IOException {
        final Path places = Files.writeString(dir.resolve("cities.txt"), DUMP);
        final Path out = dir.resolve("g.tsv.gz");

        final CommandRun run = CommandRun.of("gazetteer", "import", "--places", places.toString(), "--out", out.toString(),
                "--note", "fetched from a test");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(out + ": 1 places");
        assertThat(gunzip(out)).contains("fetched from a test").contains("الرقة").doesNotContain("Smallville");
    }

    @Test
    @Covers({"gazetteer import --min-population", "gazetteer import --every-place", "gazetteer import --focus"})
    void shouldKeepTheSmallForeignPlaceWhenTheSelectionOptionsSaySo() throws IOException {
        final Path places = Files.writeString(dir.resolve("cities.txt"), DUMP);

        final CommandRun lowerFloor = importWith(places, "--min-population", "1000");
        final CommandRun every = importWith(places, "--every-place");
        final CommandRun focusUs = importWith(places, "--focus", "US");

        assertThat(lowerFloor.out()).as(lowerFloor.err()).contains(": 2 places");
        assertThat(every.out()).as(every.err()).contains(": 2 places");
        assertThat(focusUs.out()).as("only US in focus: Smallville kept, Ar Raqqah still by its Arabic name").contains(": 2 places");
    }

    @Test
    @Covers({"gazetteer import --alternate-names", "gazetteer import --admin1-codes", "gazetteer import --country-info",
            "gazetteer import --translation", "gazetteer import --extra-names"})
    void shouldHandEachNamedDumpToTheImporterWhenGiven() {
        // the importer's use of each dump is GeoNamesImporterTest's; here: each option reaches the importer's sources
        final CommandLine cli = Newswire.commandLine();
        cli.parseArgs("gazetteer", "import", "--places", "p.txt", "--out", "o.gz", "--alternate-names", "alt.txt", "--admin1-codes", "a1.txt",
                "--country-info", "ci.txt", "--translation", "ar=ar.mo", "--translation", "en=en.mo", "--extra-names", "x.tsv");
        final GazetteerCommand.Import command = cli.getSubcommands().get("gazetteer").getSubcommands().get("import").getCommand();

        final GeoNamesImporter.Sources sources = command.sources();

        assertThat(sources.places()).isEqualTo(Path.of("p.txt"));
        assertThat(sources.alternateNames()).isEqualTo(Path.of("alt.txt"));
        assertThat(sources.admin1Codes()).isEqualTo(Path.of("a1.txt"));
        assertThat(sources.countryInfo()).isEqualTo(Path.of("ci.txt"));
        assertThat(sources.translations()).isEqualTo(Map.of("ar", Path.of("ar.mo"), "en", Path.of("en.mo")));
        assertThat(sources.extraNames()).isEqualTo(Path.of("x.tsv"));
        assertThat(command.policy().focusCountries()).isEqualTo(GeoNamesImporter.DEFAULT_FOCUS);
    }

    @Test
    @Covers("gazetteer check --path")
    void shouldLoadTheGivenFileInsteadOfTheBuiltInExtractWhenGivenAPath() throws IOException {
        final Path places = Files.writeString(dir.resolve("cities.txt"), DUMP);
        final Path out = dir.resolve("g.tsv.gz");
        assertThat(CommandRun.of("gazetteer", "import", "--places", places.toString(), "--out", out.toString()).exitCode()).isZero();

        final CommandRun check = CommandRun.of("gazetteer", "check", "--path", out.toString());

        assertThat(check.exitCode()).as(check.err()).isZero();
        // one place with its country and division entries (the built-in extract has tens of thousands)
        assertThat(check.out()).startsWith(out + ": 3 entries");
    }

    private CommandRun importWith(final Path places, final String... options) {
        final String[] args = new String[6 + options.length];
        args[0] = "gazetteer";
        args[1] = "import";
        args[2] = "--places";
        args[3] = places.toString();
        args[4] = "--out";
        args[5] = dir.resolve("g-" + String.join("", options).replaceAll("[^a-zA-Z0-9]", "") + ".tsv.gz").toString();
        System.arraycopy(options, 0, args, 6, options.length);
        return CommandRun.of(args);
    }

    private static String gunzip(final Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
