package io.newswire.launcher;

import io.newswire.enrichment.places.Gazetteer;
import io.newswire.enrichment.places.GeoNamesImporter;
import io.newswire.runtime.metrics.HeapUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * `newswire gazetteer import`: turns full GeoNames dumps ({@code allCountries.txt} or {@code citiesN.txt}, optionally
 * {@code alternateNamesV2.txt}, {@code admin1CodesASCII.txt}, {@code countryInfo.txt} and libgeonames' .mo
 * translations) into the derived gazetteer file that processing loads instead of the built-in extract, by the same
 * rules the extract was made with ({@link GeoNamesImporter}). `newswire gazetteer check` loads a file (or the
 * built-in extract) and prints its size, load time and heap.
 */
@Command(name = "gazetteer", mixinStandardHelpOptions = true, description = "Build or check the places gazetteer.",
        subcommands = {GazetteerCommand.Import.class, GazetteerCommand.Check.class})
public final class GazetteerCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Derive a gazetteer file from GeoNames dumps (data: GeoNames, geonames.org, CC BY 4.0).")
    static final class Import implements Callable<Integer> {
        @Option(names = "--places", required = true, description = "allCountries.txt or citiesN.txt (GeoNames main table, 19 columns).")
        Path places;

        @Option(names = "--alternate-names", description = "alternateNamesV2.txt (optional): language-tagged names, preferred names.")
        Path alternateNames;

        @Option(names = "--admin1-codes", description = "admin1CodesASCII.txt (optional): first-level divisions with their geonameids.")
        Path admin1Codes;

        @Option(names = "--country-info", description = "countryInfo.txt (optional): countries with their geonameids.")
        Path countryInfo;

        @Option(names = "--translation", description = "A libgeonames .mo catalogue as LANG=PATH (ar, en); repeatable.")
        Map<String, Path> translations = new LinkedHashMap<>();

        @Option(names = "--extra-names", description = "key<TAB>name|name lines to add (keys country:SY, admin1:SY.04 or a geonameid).")
        Path extraNames;

        @Option(names = "--focus", split = ",", description = "Countries whose every place is kept with all names (default: the region and its neighbours).")
        List<String> focus;

        @Option(names = "--min-population", defaultValue = "15000", description = "Elsewhere, keep a place without an Arabic name from this population (default ${DEFAULT-VALUE}).")
        long minPopulation;

        @Option(names = "--every-place", description = "Keep every populated place of the dump everywhere (needs more heap).")
        boolean everyPlace;

        @Option(names = "--out", required = true, description = "The derived file to write (gzip'd TSV).")
        Path out;

        @Option(names = "--note", description = "A provenance line for the file's header (where the dumps came from); repeatable.")
        List<String> notes = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            final GeoNamesImporter.Policy policy = policy();
            final Set<String> countries = policy.focusCountries();
            final GeoNamesImporter.Sources sources = sources();
            final List<String> header = new ArrayList<>();
            header.add("Data: GeoNames (https://www.geonames.org/), CC BY 4.0. Derived (selected, names filtered) by newswire gazetteer import.");
            header.add("Sources: " + Arrays.asList(name(places), name(alternateNames), name(admin1Codes), name(countryInfo)).stream()
                    .filter(s -> s != null).collect(Collectors.joining(", "))
                    + (translations.isEmpty() ? "" : "; translations " + translations.entrySet().stream()
                    .map(e -> e.getKey() + "=" + name(e.getValue())).collect(Collectors.joining(", ")))
                    + (extraNames == null ? "" : "; extra names " + name(extraNames)));
            header.add("Policy: focus " + String.join(",", new TreeSet<>(countries)) + "; elsewhere Arabic-named or population >= "
                    + minPopulation + (everyPlace ? "; every place" : ""));
            header.addAll(notes);
            final long started = System.nanoTime();
            final Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
            final GeoNamesImporter.Summary summary;
            try (OutputStream stream = Files.newOutputStream(temporary)) {
                summary = new GeoNamesImporter().run(sources, policy, stream, header);
            } catch (final IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            // written whole or not at all: processing may be loading the old file
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf("%s: %d places, %d first-level divisions, %d countries, %d names, %d bytes (%.1f s)%n",
                    out, summary.places(), summary.admin1(), summary.countries(), summary.names(), summary.bytes(),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        }

        /** What the options select: --focus, --min-population, --every-place. */
        GeoNamesImporter.Policy policy() {
            return new GeoNamesImporter.Policy(focus == null ? GeoNamesImporter.DEFAULT_FOCUS : Set.copyOf(focus), minPopulation, everyPlace);
        }

        /** The dumps the options name: --places, --alternate-names, --admin1-codes, --country-info, --translation, --extra-names. */
        GeoNamesImporter.Sources sources() {
            return new GeoNamesImporter.Sources(places, alternateNames, admin1Codes, countryInfo, translations, extraNames);
        }

        private static String name(final Path path) {
            return path == null ? null : path.getFileName().toString();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Load a gazetteer file and print its size, load time and heap.")
    static final class Check implements Callable<Integer> {
        @Option(names = "--path", description = "A derived file; the built-in extract when absent.")
        Path path;

        @Override
        public Integer call() throws IOException {
            final long before = HeapUsage.usedAfterGc();
            final long started = System.nanoTime();
            final Gazetteer gazetteer = Gazetteer.loadOrBuiltIn(path);
            final double seconds = (System.nanoTime() - started) / 1e9;
            final long after = HeapUsage.usedAfterGc();
            System.out.printf("%s: %d entries, %d names, loaded in %.2f s, %.1f MB of heap held%n",
                    path == null ? "built-in" : path, gazetteer.size(), gazetteer.names(), seconds, (after - before) / 1e6);
            return gazetteer.size() > 0 ? 0 : 1;
        }
    }
}
