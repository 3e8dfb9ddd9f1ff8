package io.newswire.enrichment.places;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.Token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns GeoNames dumps into the derived gazetteer file ({@link GazetteerFormat}); the built-in extract is made by the
 * same code from {@code cities500.txt} (see {@code modules/enrichment/data/places/derive.sh}), so what a newsroom
 * imports from {@code allCountries.txt} and what ships agree in every rule below.
 *
 * <p>What is kept, and why:
 * <ul>
 * <li>Populated places (feature class P). In the focus countries (the region the desks cover and its neighbours) every
 *     one, with every Arabic-script name and every Latin-script name written with a capital (GeoNames' machine
 *     romanisations of Arabic such as "alrqt" are all lower case and only add false matches). Elsewhere a place is
 *     kept if it has an Arabic-script name (an Arabic report names it) or at least {@link Policy#minPopulation}
 *     people (an English report names it), with its Arabic names, its GeoNames name and ASCII name only.</li>
 * <li>Countries: from {@code countryInfo.txt} when given, else the JDK's ISO list; Arabic and English names from the
 *     JDK's CLDR data and the translations. A country's point is its own row (allCountries), else its capital's
 *     (the most populous PPLC), else its most populous place: cities files carry no country rows.</li>
 * <li>First-level divisions (governorates, provinces): every one in a focus country, elsewhere those with an Arabic
 *     name. Keys and names from {@code admin1CodesASCII.txt}, ADM1 rows and the translations ({@code SY.04}
 *     محافظة الرقة). A division's point is its own row, else its seat's (the most populous PPLA inside it), else
 *     its most populous place. Its name without the generic word ("ريف دمشق" from "محافظة ريف دمشق") is added
 *     unless a place of the same country bears that name ("حلب" stays the city; "محافظة حلب" reaches the
 *     governorate through the resolver's cue).</li>
 * </ul>
 * Ids: the geonameid wherever the sources give one; a country or division known only from the JDK or the
 * translations keeps GeoNames' code for it ("SY", "SY.04") as its key.
 */
public final class GeoNamesImporter {

    /** The region the desks cover and its neighbours: every populated place there is kept. */
    public static final Set<String> DEFAULT_FOCUS = Set.of(
            "SY", "IQ", "TR", "LB", "JO", "PS", "IL", "EG", "SA", "YE", "IR", "KW", "AE", "QA", "BH", "OM",
            "LY", "TN", "DZ", "MA", "SD", "SS", "MR", "SO", "DJ", "KM", "ER", "CY", "AM", "AZ", "GE", "AF");

    /** Where the dumps are; every path but {@code places} may be null. */
    public record Sources(Path places, Path alternateNames, Path admin1Codes, Path countryInfo,
                          Map<String, Path> translations, Path extraNames) {
        public Sources {
            Objects.requireNonNull(places, "places");
            translations = translations == null ? Map.of() : Map.copyOf(translations);
        }
    }

    /**
     * What to keep.
     *
     * @param focusCountries countries whose every populated place is kept with all its names
     * @param minPopulation  elsewhere, a place without an Arabic name is kept from this population up
     * @param everyPlace     keep every populated place everywhere (a whole-world import; memory grows with it)
     */
    public record Policy(Set<String> focusCountries, long minPopulation, boolean everyPlace) {
        public Policy {
            focusCountries = Set.copyOf(focusCountries);
        }

        public static Policy defaults() {
            return new Policy(DEFAULT_FOCUS, 15_000, false);
        }
    }

    /** What an import wrote. */
    public record Summary(int places, int countries, int admin1, int names, long bytes) {
    }

    private static final Pattern ADMIN1_KEY = Pattern.compile("[A-Z]{2}\\.[0-9A-Z]+");
    private static final Pattern COUNTRY_KEY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> ARABIC_LANGUAGES = Set.of("ar", "fa", "ur", "ps", "ckb", "arz", "apc", "acm", "ajp");
    private static final Set<String> NON_NAMES = Set.of("link", "post", "iata", "icao", "faac", "wkdt", "unlc", "fr_1793", "abbr");
    private static final Set<String> GENERIC_AR = Set.of("محافظه", "ولايه", "اقليم", "مقاطعه", "منطقه", "لواء");
    private static final Pattern GENERIC_EN = Pattern.compile("(?i)\\s+(governorate|province|region|muhafazat?)$");
    /** Countries whose first-level divisions English calls governorates; elsewhere "province". */
    private static final Set<String> GOVERNORATES = Set.of("SY", "IQ", "EG", "JO", "LB", "KW", "YE", "OM", "BH", "PS", "TN");
    /** Where Persian-script names are the local names and kept; elsewhere they are Persian or Urdu exonyms. */
    private static final Set<String> PERSIAN_SCRIPT_COUNTRIES = Set.of("IR", "AF");
    private static final Locale ARABIC = Locale.forLanguageTag("ar");
    private static final Pattern BIDI_MARKS = Pattern.compile("[\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u061c]");
    /** Letters Persian and Urdu write and Arabic does not: ی ک پ چ ژ گ ٹ ڈ ڑ ں ے ہ ھ ۃ. */
    private static final Pattern PERSIAN_LETTERS = Pattern.compile("[\\u06cc\\u06a9\\u067e\\u0686\\u0698\\u06af\\u0679\\u0688\\u0691\\u06ba\\u06d2\\u06c1\\u06be\\u06c3]");

    private final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();

    /** A place, country or division being collected. */
    private static final class Draft {
        String key;
        String featureType;
        String countryCode;
        String admin1;
        double latitude;
        double longitude;
        long population;
        String nameEn;
        String nameAr;
        boolean preferredAr;
        boolean preferredEn;
        boolean allLatin;
        final Set<String> names = new LinkedHashSet<>();
        boolean located;

        GazetteerFormat.Row row() {
            final Set<String> all = new LinkedHashSet<>();
            if (nameEn != null) {
                all.add(nameEn);
            }
            if (nameAr != null) {
                all.add(nameAr);
            }
            all.addAll(names);
            return new GazetteerFormat.Row(new GazetteerEntry(key, featureType, countryCode, admin1, latitude, longitude,
                    population, nameEn, nameAr), all);
        }
    }

    /** The most populous place seen of some kind in some area, for points the cities files lack. */
    private static final class Best {
        double latitude;
        double longitude;
        long population = -1;

        void offer(final double lat, final double lon, final long pop) {
            if (pop > population) {
                latitude = lat;
                longitude = lon;
                population = pop;
            }
        }
    }

    /**
     * Reads the sources and writes the derived file.
     *
     * @param sources the dumps; never null
     * @param policy  what to keep; never null
     * @param out     where to write (gzip'd); never null, closed when done
     * @param header  comment lines to put first (provenance); never null
     * @return counts of what was written
     * @throws IOException if a source cannot be read or is malformed
     */
    public Summary run(final Sources sources, final Policy policy, final OutputStream out, final List<String> header) throws IOException {
        final Map<String, Map<String, String>> translations = new HashMap<>();
        for (final Map.Entry<String, Path> t : sources.translations().entrySet()) {
            translations.put(t.getKey(), MoFile.read(t.getValue()));
        }
        final Map<String, String> ar = translations.getOrDefault("ar", Map.of());
        final Map<String, String> en = translations.getOrDefault("en", Map.of());

        final Map<String, Draft> places = new LinkedHashMap<>();
        final Map<String, Draft> countryRows = new HashMap<>();
        final Map<String, Draft> admin1Rows = new HashMap<>();
        final Map<String, Best> capitals = new HashMap<>();
        final Map<String, Best> countryBest = new HashMap<>();
        final Map<String, Best> seats = new HashMap<>();
        final Map<String, Best> admin1Best = new HashMap<>();
        readPlaces(sources.places(), policy, places, countryRows, admin1Rows, capitals, countryBest, seats, admin1Best);

        final Map<String, Draft> byGeonameId = new HashMap<>(places);
        countryRows.values().forEach(d -> byGeonameId.put(d.key, d));
        admin1Rows.values().forEach(d -> byGeonameId.put(d.key, d));
        if (sources.alternateNames() != null) {
            readAlternateNames(sources.alternateNames(), policy, byGeonameId);
        }
        for (final Draft place : places.values()) {
            final String arName = arabicOnly(ar.get(place.key));
            if (arName != null) {
                place.names.add(arName);
                if (!place.preferredAr) {
                    place.nameAr = arName;
                }
            }
            final String enName = latinOnly(en.get(place.key));
            if (enName != null) {
                place.names.add(enName);
            }
            if (place.nameAr == null) {
                place.nameAr = firstArabic(place.names);
            }
        }

        final Map<String, Draft> countries = countries(sources.countryInfo(), countryRows, capitals, countryBest, ar, en);
        final Map<String, Draft> admin1 = admin1(sources.admin1Codes(), policy, admin1Rows, seats, admin1Best, ar, en, places.values());
        if (sources.extraNames() != null) {
            addExtraNames(sources.extraNames(), places, countries, admin1);
        }

        for (final Map<String, Draft> group : List.of(countries, admin1, places)) {
            for (final Draft draft : group.values()) {
                addWithoutFinalHamza(draft);
            }
        }
        final List<GazetteerFormat.Row> rows = new ArrayList<>(places.size() + countries.size() + admin1.size());
        int names = 0;
        for (final Map<String, Draft> group : List.of(countries, admin1, places)) {
            for (final Draft draft : group.values()) {
                final GazetteerFormat.Row row = draft.row();
                names += row.names().size();
                rows.add(row);
            }
        }
        final CountingOutputStream counting = new CountingOutputStream(out);
        GazetteerFormat.write(rows, header, counting);
        return new Summary(places.size(), countries.size(), admin1.size(), names, counting.count);
    }

    private void readPlaces(final Path path, final Policy policy, final Map<String, Draft> places,
                            final Map<String, Draft> countryRows, final Map<String, Draft> admin1Rows,
                            final Map<String, Best> capitals, final Map<String, Best> countryBest,
                            final Map<String, Best> seats, final Map<String, Best> admin1Best) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                final String[] f = line.split("\t", -1);
                if (f.length < 19) {
                    throw new IOException(path + " line " + number + ": " + f.length + " columns, GeoNames has 19");
                }
                final String featureClass = f[6];
                final String code = f[7];
                final String cc = f[8];
                if (cc.isEmpty()) {
                    continue;
                }
                final double lat = Double.parseDouble(f[4]);
                final double lon = Double.parseDouble(f[5]);
                final long pop = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
                final String admin1 = f[10].isEmpty() || "00".equals(f[10]) ? null : cc + "." + f[10];
                if ("P".equals(featureClass)) {
                    countryBest.computeIfAbsent(cc, k -> new Best()).offer(lat, lon, pop);
                    if ("PPLC".equals(code)) {
                        capitals.computeIfAbsent(cc, k -> new Best()).offer(lat, lon, pop);
                    }
                    if (admin1 != null) {
                        admin1Best.computeIfAbsent(admin1, k -> new Best()).offer(lat, lon, pop);
                        if ("PPLA".equals(code)) {
                            seats.computeIfAbsent(admin1, k -> new Best()).offer(lat, lon, pop);
                        }
                    }
                    final boolean focus = policy.everyPlace() || policy.focusCountries().contains(cc);
                    final List<String> arabic = new ArrayList<>();
                    final List<String> latin = new ArrayList<>();
                    splitNames(f[3], arabic, latin);
                    if (!PERSIAN_SCRIPT_COUNTRIES.contains(cc)) {
                        // Persian and Urdu spellings of foreign towns fold into Arabic words: Caen's "کان" is "كان" (was)
                        arabic.removeIf(name -> PERSIAN_LETTERS.matcher(name).find());
                    }
                    if (!focus && arabic.isEmpty() && pop < policy.minPopulation()) {
                        continue;
                    }
                    final Draft d = draft(f, featureClass + "." + code, cc, admin1, lat, lon, pop);
                    d.allLatin = focus;
                    // "محافظة ادلب" among a city's names is its governorate's name: the division keeps it
                    arabic.removeIf(name -> withoutGenericWord(name) != null);
                    d.names.addAll(arabic);
                    if (focus) {
                        latin.removeIf(name -> withoutGenericWord(name) != null || name.startsWith("Muhafaz"));
                        d.names.addAll(latin);
                    }
                    places.put(d.key, d);
                } else if ("A".equals(featureClass) && (code.startsWith("PCL") && !"PCLH".equals(code))) {
                    final Draft d = draft(f, "A." + code, cc, null, lat, lon, pop);
                    splitNames(f[3], d.names, d.names);
                    countryRows.put(cc, d);
                } else if ("A".equals(featureClass) && "ADM1".equals(code) && admin1 != null) {
                    final Draft d = draft(f, "A.ADM1", cc, admin1, lat, lon, pop);
                    splitNames(f[3], d.names, d.names);
                    admin1Rows.put(admin1, d);
                }
            }
        }
    }

    private static Draft draft(final String[] f, final String featureType, final String cc, final String admin1,
                               final double lat, final double lon, final long pop) {
        final Draft d = new Draft();
        d.key = f[0];
        d.featureType = featureType;
        d.countryCode = cc;
        d.admin1 = admin1;
        d.latitude = lat;
        d.longitude = lon;
        d.population = pop;
        d.located = true;
        d.nameEn = latinOnly(f[1]) != null ? f[1] : latinOnly(f[2]);
        if (latinOnly(f[2]) != null) {
            d.names.add(f[2]);
        }
        if (latinOnly(f[1]) != null) {
            d.names.add(f[1]);
        }
        return d;
    }

    private void readAlternateNames(final Path path, final Policy policy, final Map<String, Draft> byId) throws IOException {
        // alternateNamesV2: id, geonameid, isolanguage, name, isPreferredName, isShortName, isColloquial, isHistoric, from, to
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                final String[] f = line.split("\t", -1);
                if (f.length < 4) {
                    continue;
                }
                final Draft d = byId.get(f[1]);
                if (d == null) {
                    continue;
                }
                final String language = f[2];
                final boolean preferred = f.length > 4 && "1".equals(f[4]);
                final boolean historic = f.length > 7 && "1".equals(f[7]);
                if (historic || NON_NAMES.contains(language)) {
                    continue;
                }
                final String arabic = arabicOnly(f[3]);
                if (arabic != null && (language.isEmpty() || ARABIC_LANGUAGES.contains(language))
                        && (PERSIAN_SCRIPT_COUNTRIES.contains(d.countryCode) || !PERSIAN_LETTERS.matcher(arabic).find())) {
                    d.names.add(arabic);
                    if ("ar".equals(language) && (d.nameAr == null || preferred && !d.preferredAr)) {
                        d.nameAr = arabic;
                        d.preferredAr = preferred;
                    }
                    continue;
                }
                final String latin = latinOnly(f[3]);
                if (latin != null && ("en".equals(language) || d.allLatin || !d.featureType.startsWith("P."))) {
                    d.names.add(latin);
                    if ("en".equals(language) && preferred && !d.preferredEn) {
                        d.nameEn = latin;
                        d.preferredEn = true;
                    }
                }
            }
        }
    }

    private Map<String, Draft> countries(final Path countryInfo, final Map<String, Draft> countryRows,
                                         final Map<String, Best> capitals, final Map<String, Best> countryBest,
                                         final Map<String, String> ar, final Map<String, String> en) throws IOException {
        final Map<String, String[]> info = new HashMap<>();
        if (countryInfo != null) {
            // ISO ISO3 ISO-Numeric fips Country Capital Area Population Continent tld CurrencyCode CurrencyName Phone
            // PostalFormat PostalRegex Languages geonameid neighbours EquivalentFipsCode
            for (final String line : Files.readAllLines(countryInfo, StandardCharsets.UTF_8)) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                final String[] f = line.split("\t", -1);
                if (f.length >= 17 && COUNTRY_KEY.matcher(f[0]).matches()) {
                    info.put(f[0], f);
                } else if (f.length == 3 && COUNTRY_KEY.matcher(f[0]).matches()) {
                    // the reduced form (ISO, geonameid, population) the built-in derivation ships
                    final String[] row = new String[17];
                    java.util.Arrays.fill(row, "");
                    row[0] = f[0];
                    row[16] = f[1];
                    row[7] = f[2];
                    info.put(f[0], row);
                }
            }
        }
        final Set<String> codes = new TreeSet<>(info.isEmpty() ? Set.of(Locale.getISOCountries()) : info.keySet());
        codes.addAll(countryRows.keySet());
        final Map<String, Draft> countries = new LinkedHashMap<>();
        for (final String cc : codes) {
            Draft d = countryRows.get(cc);
            final String[] row = info.get(cc);
            if (d == null) {
                final Best point = capitals.containsKey(cc) ? capitals.get(cc) : countryBest.get(cc);
                if (point == null) {
                    continue; // nowhere to put it: no row and no place of it in the dump
                }
                d = new Draft();
                d.key = row != null && !row[16].isEmpty() ? row[16] : cc;
                d.featureType = "A.PCLI";
                d.countryCode = cc;
                d.latitude = point.latitude;
                d.longitude = point.longitude;
                d.population = row != null && !row[7].isEmpty() ? Long.parseLong(row[7]) : 0;
            }
            final Locale locale = new Locale("", cc);
            final String jdkAr = arabicOnly(locale.getDisplayCountry(ARABIC));
            final String jdkEn = latinOnly(locale.getDisplayCountry(Locale.ENGLISH));
            d.nameEn = firstNonNull(row != null ? latinOnly(row[4]) : null, jdkEn, latinOnly(en.get(cc)), d.nameEn);
            d.nameAr = firstNonNull(d.preferredAr ? d.nameAr : null, arabicOnly(ar.get(cc)), jdkAr, d.nameAr);
            addAll(d.names, jdkAr, jdkEn, arabicOnly(ar.get(cc)), latinOnly(en.get(cc)), row != null ? latinOnly(row[4]) : null);
            countries.put(cc, d);
        }
        return countries;
    }

    private Map<String, Draft> admin1(final Path admin1Codes, final Policy policy, final Map<String, Draft> admin1Rows,
                                      final Map<String, Best> seats, final Map<String, Best> admin1Best,
                                      final Map<String, String> ar, final Map<String, String> en,
                                      final Iterable<Draft> places) throws IOException {
        final Map<String, String[]> codes = new HashMap<>();
        if (admin1Codes != null) {
            // code, name, asciiname, geonameid
            for (final String line : Files.readAllLines(admin1Codes, StandardCharsets.UTF_8)) {
                final String[] f = line.split("\t", -1);
                if (f.length >= 4 && ADMIN1_KEY.matcher(f[0]).matches()) {
                    codes.put(f[0], f);
                }
            }
        }
        final Set<String> keys = new TreeSet<>(codes.keySet());
        keys.addAll(admin1Rows.keySet());
        for (final String key : ar.keySet()) {
            if (ADMIN1_KEY.matcher(key).matches()) {
                keys.add(key);
            }
        }
        for (final String key : en.keySet()) {
            if (ADMIN1_KEY.matcher(key).matches()) {
                keys.add(key);
            }
        }
        final Map<String, Set<String>> placeForms = new HashMap<>();
        final Map<String, Draft> result = new LinkedHashMap<>();
        for (final String code : keys) {
            final String cc = code.substring(0, 2);
            final String arName = arabicOnly(ar.get(code));
            Draft d = admin1Rows.get(code);
            final boolean hasArabic = arName != null || d != null && firstArabic(d.names) != null;
            if (!policy.everyPlace() && !policy.focusCountries().contains(cc) && !hasArabic) {
                continue;
            }
            final String[] row = codes.get(code);
            if (d == null) {
                final Best point = seats.containsKey(code) ? seats.get(code) : admin1Best.get(code);
                if (point == null) {
                    continue;
                }
                d = new Draft();
                d.key = row != null && !row[3].isEmpty() ? row[3] : code;
                d.featureType = "A.ADM1";
                d.countryCode = cc;
                d.admin1 = code;
                d.latitude = point.latitude;
                d.longitude = point.longitude;
            }
            final String enName = firstNonNull(latinOnly(en.get(code)), row != null ? latinOnly(row[1]) : null, d.nameEn);
            d.nameEn = enName;
            d.nameAr = firstNonNull(d.preferredAr ? d.nameAr : null, arName, firstArabic(d.names));
            addAll(d.names, arName, enName, row != null ? latinOnly(row[1]) : null, row != null ? latinOnly(row[2]) : null);
            final Set<String> forms = placeForms.computeIfAbsent(cc, k -> formsOfPlaces(k, places));
            final Set<String> kept = new LinkedHashSet<>();
            for (final String name : d.names) {
                if (!forms.contains(normalizer.matchingForm(name))) {
                    kept.add(name); // a name a town of the country also bears is the town's: "الموصل", "Antalya"
                }
                final String bare = withoutGenericWord(name);
                if (bare != null && !forms.contains(normalizer.matchingForm(bare))) {
                    kept.add(bare);
                }
            }
            d.names.clear();
            d.names.addAll(kept);
            // the shown names are matched too: one a town shares becomes a phrase of its own
            if (d.nameAr != null && forms.contains(normalizer.matchingForm(d.nameAr))) {
                d.nameAr = "\u0645\u062d\u0627\u0641\u0638\u0629 " + d.nameAr; // محافظة + the name
            }
            if (d.nameEn != null && forms.contains(normalizer.matchingForm(d.nameEn))) {
                d.nameEn = d.nameEn + (GOVERNORATES.contains(cc) ? " Governorate" : " Province");
            }
            result.put(code, d);
        }
        return result;
    }

    private Set<String> formsOfPlaces(final String cc, final Iterable<Draft> places) {
        final Set<String> forms = new HashSet<>();
        for (final Draft place : places) {
            if (place.countryCode.equals(cc)) {
                for (final String name : place.names) {
                    forms.add(normalizer.matchingForm(name));
                }
                if (place.nameEn != null) {
                    forms.add(normalizer.matchingForm(place.nameEn));
                }
            }
        }
        return forms;
    }

    /** "محافظة ريف دمشق" → "ريف دمشق", "Homs Governorate" → "Homs"; null when the name has no generic word. */
    String withoutGenericWord(final String name) {
        final List<Token> tokens = normalizer.tokens("name", name);
        if (tokens.size() >= 2 && GENERIC_AR.contains(tokens.get(0).form())) {
            return name.substring(tokens.get(1).start()).strip();
        }
        final java.util.regex.Matcher m = GENERIC_EN.matcher(name);
        if (m.find() && m.start() > 0) {
            return name.substring(0, m.start()).strip();
        }
        return null;
    }

    private static void addExtraNames(final Path path, final Map<String, Draft> places, final Map<String, Draft> countries,
                                      final Map<String, Draft> admin1) throws IOException {
        // key<TAB>name|name; keys: "country:SY", "admin1:SY.04" or a geonameid
        for (final String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            final String[] f = line.split("\t");
            if (f.length < 2) {
                throw new IOException(path + ": expected key<TAB>names in: " + line);
            }
            final Draft d;
            if (f[0].startsWith("country:")) {
                d = countries.get(f[0].substring(8));
            } else if (f[0].startsWith("admin1:")) {
                d = admin1.get(f[0].substring(7));
            } else {
                d = places.get(f[0]);
            }
            if (d != null) {
                for (final String name : f[1].split("\\|")) {
                    if (!name.isBlank()) {
                        d.names.add(name.strip());
                    }
                }
            }
        }
    }

    /**
     * "السويداء" is often written "السويدا", "كربلاء" "كربلا": the normaliser keeps the final hamza, so the spelling
     * without it is added as a name.
     */
    private static void addWithoutFinalHamza(final Draft draft) {
        final List<String> variants = new ArrayList<>();
        final List<String> all = new ArrayList<>(draft.names);
        if (draft.nameAr != null) {
            all.add(draft.nameAr);
        }
        for (final String name : all) {
            final String bare = name.strip();
            if (bare.length() > 3 && bare.endsWith("\u0627\u0621") && arabicOnly(bare) != null) {
                variants.add(bare.substring(0, bare.length() - 1));
            }
        }
        draft.names.addAll(variants);
    }

    private static void splitNames(final String column, final java.util.Collection<String> arabic, final java.util.Collection<String> latin) {
        if (column.isEmpty()) {
            return;
        }
        for (final String name : column.split(",")) {
            final String a = arabicOnly(name);
            if (a != null) {
                arabic.add(a);
            } else {
                final String l = latinOnly(name);
                if (l != null) {
                    latin.add(l);
                }
            }
        }
    }

    /**
     * The name without bidi marks if it is written in Arabic script (at least two Arabic letters, nothing from
     * another script), else null.
     */
    static String arabicOnly(final String name) {
        if (name == null) {
            return null;
        }
        final String clean = BIDI_MARKS.matcher(name).replaceAll("").strip();
        int letters = 0;
        for (int i = 0; i < clean.length(); i++) {
            final char c = clean.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.UnicodeScript.of(c) != Character.UnicodeScript.ARABIC) {
                    return null;
                }
                letters++;
            }
        }
        return letters >= 2 ? clean : null;
    }

    /**
     * The name if it is written in Latin script with a capital letter and at least three letters ("Raqqa",
     * "Deir ez-Zor"), else null: all-lower-case names in GeoNames are machine romanisations ("alrqt").
     */
    static String latinOnly(final String name) {
        if (name == null) {
            return null;
        }
        final String clean = name.strip();
        int letters = 0;
        boolean capital = false;
        for (int i = 0; i < clean.length(); i++) {
            final char c = clean.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                    return null;
                }
                letters++;
                capital |= Character.isUpperCase(c);
            } else if (Character.isDigit(c)) {
                return null;
            }
        }
        return letters >= 3 && capital ? clean : null;
    }

    /** The first Arabic-script name that is not Persian-only in spelling (ی ک پ چ ژ گ), else the first at all. */
    private static String firstArabic(final Iterable<String> names) {
        String any = null;
        for (final String name : names) {
            if (arabicOnly(name) != null) {
                if (!PERSIAN_LETTERS.matcher(name).find()) {
                    return name;
                }
                if (any == null) {
                    any = name;
                }
            }
        }
        return any;
    }

    @SafeVarargs
    private static <T> T firstNonNull(final T... values) {
        for (final T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static void addAll(final Set<String> names, final String... values) {
        for (final String value : values) {
            if (value != null) {
                names.add(value);
            }
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(final OutputStream out) {
            super(out);
        }

        @Override
        public void write(final int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
