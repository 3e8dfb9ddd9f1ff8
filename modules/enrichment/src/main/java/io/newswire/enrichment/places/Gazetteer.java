package io.newswire.enrichment.places;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.ReportText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;

/**
 * The places a report can name: every entry of a derived gazetteer file ({@link GazetteerFormat}) and a
 * {@link PhraseMatcher} over all their names, so the resolver finds "وبالرقة" or "Raqqa's" with every place that
 * bears the name. Loaded once per process and shared: it is immutable after loading.
 *
 * <p>The built-in extract ({@value #BUILT_IN}) ships in the jar, so a fresh clone resolves places with no download;
 * {@link #load(Path)} reads what {@code newswire gazetteer import} wrote from full GeoNames dumps instead. What it
 * holds is the entries (a few dozen bytes each) and the matcher's phrases; the built-in extract's cost in heap and
 * load time is measured in {@code GazetteerTest} and stated in the package doc.
 */
public final class Gazetteer {

    /** Classpath resource of the built-in extract. */
    public static final String BUILT_IN = "/enrichment/places/places.tsv.gz";

    private final PhraseMatcher<GazetteerEntry> matcher;
    private final Map<String, GazetteerEntry> byKey;
    private final Map<String, GazetteerEntry> countries;
    private final Map<String, GazetteerEntry> admin1;
    private final MatchingTextNormalizer normalizer;
    private final int names;
    private final Set<String> arabicForms;

    private Gazetteer(final MatchingTextNormalizer normalizer, final PhraseMatcher<GazetteerEntry> matcher,
                      final Map<String, GazetteerEntry> byKey, final Map<String, GazetteerEntry> countries,
                      final Map<String, GazetteerEntry> admin1, final int names, final Set<String> arabicForms) {
        this.arabicForms = arabicForms;
        this.normalizer = normalizer;
        this.matcher = matcher;
        this.byKey = byKey;
        this.countries = countries;
        this.admin1 = admin1;
        this.names = names;
    }

    /** The extract that ships with the module. */
    public static Gazetteer builtIn() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("The built-in gazetteer " + BUILT_IN + " is missing from the classpath");
            }
            return read(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read the built-in gazetteer " + BUILT_IN, e);
        }
    }

    /**
     * A gazetteer written by {@code newswire gazetteer import}.
     *
     * @param path the derived file; never null
     * @throws IOException if it cannot be read or is not a gazetteer file
     */
    public static Gazetteer load(final Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        }
    }

    /**
     * The built-in extract when path is null, else the file at path: what a config key with an empty default
     * selects.
     *
     * @param path may be null
     */
    public static Gazetteer loadOrBuiltIn(final Path path) throws IOException {
        return path == null ? builtIn() : load(path);
    }

    /** Reads a derived gazetteer from a stream (gzip'd, as written). */
    public static Gazetteer read(final InputStream in) throws IOException {
        final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();
        final PhraseMatcher.Builder<GazetteerEntry> builder = PhraseMatcher.builder(normalizer);
        final Map<String, GazetteerEntry> byKey = new HashMap<>();
        final Map<String, GazetteerEntry> countries = new HashMap<>();
        final Map<String, GazetteerEntry> admin1 = new HashMap<>();
        final int[] names = {0};
        final Set<String> arabicForms = new HashSet<>();
        GazetteerFormat.read(in, row -> {
            final GazetteerEntry entry = row.entry();
            byKey.put(entry.key(), entry);
            if (entry.isCountry()) {
                countries.put(entry.countryCode(), entry);
            } else if (entry.isAdmin1() && entry.admin1() != null) {
                admin1.put(entry.admin1(), entry);
            }
            for (final String name : row.names()) {
                builder.add(name, entry);
                names[0]++;
                if (!name.isEmpty() && Character.UnicodeScript.of(name.charAt(0)) == Character.UnicodeScript.ARABIC) {
                    arabicForms.add(normalizer.matchingForm(name));
                }
            }
        });
        return new Gazetteer(normalizer, builder.build(), byKey, countries, admin1, names[0], Set.copyOf(arabicForms));
    }

    /** Every name of every entry found in the report, as the matcher finds them. */
    public PhraseMatcher<GazetteerEntry> matcher() {
        return matcher;
    }

    /** The normaliser the matcher uses, so callers tokenise as it does. */
    public MatchingTextNormalizer normalizer() {
        return normalizer;
    }

    /** An entry by its key ("172955", "SY", "SY.04"). */
    public Optional<GazetteerEntry> byKey(final String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The country entry of an ISO code. */
    public Optional<GazetteerEntry> country(final String countryCode) {
        return countryCode == null ? Optional.empty() : Optional.ofNullable(countries.get(countryCode));
    }

    /** The first-level division of an admin1 key ("SY.04"). */
    public Optional<GazetteerEntry> admin1(final String admin1Key) {
        return admin1Key == null ? Optional.empty() : Optional.ofNullable(admin1.get(admin1Key));
    }

    /**
     * Every entry a name as a whole stands for ("Aleppo", "الرقة"); empty when the text is not exactly one name.
     *
     * @param name any orthography; never null
     */
    public List<GazetteerEntry> lookup(final String name) {
        final String text = name.strip();
        final List<PhraseMatcher.Match<GazetteerEntry>> matches =
                matcher.find(new ReportText(List.of(new ReportText.Field("lookup", text))));
        if (matches.size() == 1 && matches.get(0).start() == 0 && matches.get(0).end() == text.length()) {
            return matches.get(0).entries();
        }
        return new ArrayList<>();
    }

    /**
     * Whether some entry bears exactly this Arabic name (in matching form, article as written): the matcher also
     * finds "صور" through "الصور", and the resolver needs to know whether the text's own spelling is a name.
     */
    public boolean isArabicName(final String matchingForm) {
        return arabicForms.contains(matchingForm);
    }

    /** How many entries were loaded. */
    public int size() {
        return byKey.size();
    }

    /** How many names they were loaded with (before the matcher merged equal matching forms). */
    public int names() {
        return names;
    }
}
