package io.newswire.enrichment.places;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The derived gazetteer file, the one format the built-in extract and {@code newswire gazetteer import} both write
 * and {@link Gazetteer} reads: gzip'd UTF-8, '#' lines are comments (the first ones say where the data came from),
 * then one tab-separated row per place:
 * <pre>key  featureType  country  admin1  latitude  longitude  population  nameEn  nameAr  names</pre>
 * {@code names} are the further names to match, '|'-separated (GeoNames separates by ',' but translations may hold
 * one); nameEn and nameAr are matched too and not repeated. Empty columns mean "none". Rows are sorted by key so two
 * derivations from the same input are byte-identical apart from the comment header.
 */
final class GazetteerFormat {

    /** An entry with every name it is matched by (its nameEn and nameAr among them). */
    record Row(GazetteerEntry entry, Set<String> names) {
    }

    static final String VERSION = "newswire-gazetteer 1";
    private static final int COLUMNS = 10;

    private GazetteerFormat() {
    }

    static void write(final Collection<Row> rows, final List<String> header, final OutputStream out) throws IOException {
        final List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> compareKeys(a.entry().key(), b.entry().key()));
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out, 1 << 16), StandardCharsets.UTF_8))) {
            writer.write("# " + VERSION + "\n");
            for (final String line : header) {
                writer.write("# " + line.replace('\n', ' ') + "\n");
            }
            writer.write("# key\tfeatureType\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\tnameEn\tnameAr\tnames\n");
            final StringBuilder line = new StringBuilder(256);
            for (final Row row : sorted) {
                final GazetteerEntry e = row.entry();
                line.setLength(0);
                line.append(e.key()).append('\t').append(e.featureType()).append('\t').append(e.countryCode()).append('\t')
                        .append(nullToEmpty(e.admin1())).append('\t')
                        .append(coordinate(e.latitude())).append('\t').append(coordinate(e.longitude())).append('\t')
                        .append(e.population()).append('\t')
                        .append(clean(e.nameEn())).append('\t').append(clean(e.nameAr())).append('\t');
                boolean first = true;
                for (final String name : row.names()) {
                    if (name.equals(e.nameEn()) || name.equals(e.nameAr())) {
                        continue;
                    }
                    if (!first) {
                        line.append('|');
                    }
                    line.append(clean(name));
                    first = false;
                }
                writer.write(line.append('\n').toString());
            }
        }
    }

    /**
     * Reads every row, handing each to the consumer as it is read (the loader keeps entries and names apart, so no
     * Row list is ever held whole).
     */
    static void read(final InputStream in, final Consumer<Row> consumer) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            final String first = reader.readLine();
            if (first == null || !first.equals("# " + VERSION)) {
                throw new IOException("Not a gazetteer file of this version (expected '# " + VERSION + "' first): " + first);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                final String[] c = line.split("\t", -1);
                if (c.length != COLUMNS) {
                    throw new IOException("Gazetteer line " + number + " has " + c.length + " columns, expected " + COLUMNS);
                }
                final GazetteerEntry entry = new GazetteerEntry(c[0], c[1].intern(), c[2].intern(), emptyToNull(c[3].intern()),
                        Double.parseDouble(c[4]), Double.parseDouble(c[5]), Long.parseLong(c[6]), emptyToNull(c[7]), emptyToNull(c[8]));
                final Set<String> names = new LinkedHashSet<>();
                if (entry.nameEn() != null) {
                    names.add(entry.nameEn());
                }
                if (entry.nameAr() != null) {
                    names.add(entry.nameAr());
                }
                if (!c[9].isEmpty()) {
                    names.addAll(List.of(c[9].split("\\|")));
                }
                consumer.accept(new Row(entry, names));
            }
        }
    }

    /** Countries ("SY"), then divisions ("SY.04"), then geonameids in numeric order. */
    static int compareKeys(final String a, final String b) {
        final boolean na = isNumeric(a);
        final boolean nb = isNumeric(b);
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        if (na != nb) {
            return na ? 1 : -1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumeric(final String key) {
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        return !key.isEmpty();
    }

    private static String coordinate(final double value) {
        return String.format(Locale.ROOT, "%.5f", value);
    }

    private static String clean(final String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('|', ' ').replace('\n', ' ');
    }

    private static String nullToEmpty(final String text) {
        return text == null ? "" : text;
    }

    private static String emptyToNull(final String text) {
        return text.isEmpty() ? null : text;
    }
}
