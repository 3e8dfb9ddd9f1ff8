package io.newswire.enrichment.parties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alias table as data: {@code enrichment/parties/parties.json} on the classpath, or a newsroom's own file of the
 * same shape (see the README beside the resource). Each entry gives an id, a type, names by language, aliases by
 * language and the aliases that are also common words ("ambiguous"). Loading adds, to every Arabic alias, its
 * spellings under the table's {@code spellingVariants} (سوريا/سورية, ديمقراطية/ديموقراطية, أمريكية/أميركية): the
 * matcher folds hamza and teh marbuta, not these.
 *
 * <p>An alias in Latin capitals of at most {@link #CASE_SENSITIVE_MAX_LETTERS} letters ("IS", "UN", "WHO", "ANS")
 * is case-sensitive: lowercase, those are English or French words.
 */
public final class PartyTable {

    /** The table shipped with the module. */
    public static final String RESOURCE = "/enrichment/parties/parties.json";
    static final int CASE_SENSITIVE_MAX_LETTERS = 5;

    private final List<PartyEntry> entries;

    private PartyTable(final List<PartyEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<PartyEntry> entries() {
        return entries;
    }

    /** The shipped table. */
    public static PartyTable fromClasspath() {
        try (InputStream in = PartyTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return read(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE, e);
        }
    }

    /** A table from a file of the same shape, e.g. the shipped one extended by a newsroom. */
    public static PartyTable fromPath(final Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading party table " + path, e);
        }
    }

    /** The shipped table followed by the entries of another (ids already present are replaced). */
    public PartyTable with(final PartyTable more) {
        final Map<String, PartyEntry> byId = new LinkedHashMap<>();
        for (final PartyEntry entry : entries) {
            byId.put(entry.id(), entry);
        }
        for (final PartyEntry entry : more.entries) {
            byId.put(entry.id(), entry);
        }
        return new PartyTable(new ArrayList<>(byId.values()));
    }

    static PartyTable read(final InputStream in) throws IOException {
        final JsonNode root = new ObjectMapper().readTree(in);
        final List<String[]> variants = new ArrayList<>();
        for (final JsonNode pair : root.path("spellingVariants")) {
            variants.add(new String[] {pair.get(0).asText(), pair.get(1).asText()});
        }
        final List<PartyEntry> entries = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        for (final JsonNode node : root.path("entries")) {
            final PartyEntry entry = entry(node, variants);
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException("Party id " + entry.id() + " is in the table twice");
            }
            entries.add(entry);
        }
        return new PartyTable(entries);
    }

    private static PartyEntry entry(final JsonNode node, final List<String[]> variants) {
        final String id = required(node, "id");
        final Map<String, String> names = new LinkedHashMap<>();
        final Iterator<Map.Entry<String, JsonNode>> nameFields = node.path("name").fields();
        while (nameFields.hasNext()) {
            final Map.Entry<String, JsonNode> field = nameFields.next();
            names.put(field.getKey(), field.getValue().asText());
        }
        final Set<String> common = new HashSet<>();
        for (final JsonNode alias : node.path("ambiguous")) {
            common.add(alias.asText());
        }
        // written form -> language, in table order: names first, then aliases, then the common-word aliases
        final Map<String, String> written = new LinkedHashMap<>();
        names.forEach((language, name) -> written.putIfAbsent(name, language));
        final Iterator<Map.Entry<String, JsonNode>> aliasFields = node.path("aliases").fields();
        while (aliasFields.hasNext()) {
            final Map.Entry<String, JsonNode> field = aliasFields.next();
            for (final JsonNode alias : field.getValue()) {
                written.putIfAbsent(alias.asText(), field.getKey());
            }
        }
        for (final String alias : common) {
            written.putIfAbsent(alias, "");
        }
        final Map<String, PartyAlias> aliases = new LinkedHashMap<>();
        written.forEach((text, language) -> {
            for (final String spelling : spellings(text, variants)) {
                aliases.putIfAbsent(spelling, new PartyAlias(spelling, language, isCaseSensitive(spelling), common.contains(text)));
            }
        });
        return new PartyEntry(id, required(node, "type"), names, new ArrayList<>(aliases.values()));
    }

    /** The alias and, for Arabic, each spelling the variant pairs give it (both directions, one pair at a time). */
    static Set<String> spellings(final String text, final List<String[]> variants) {
        final Set<String> result = new LinkedHashSet<>();
        result.add(text);
        for (final String[] pair : variants) {
            for (final String known : List.copyOf(result)) {
                if (known.contains(pair[0])) {
                    result.add(known.replace(pair[0], pair[1]));
                }
                if (known.contains(pair[1])) {
                    result.add(known.replace(pair[1], pair[0]));
                }
            }
        }
        return result;
    }

    static boolean isCaseSensitive(final String alias) {
        int letters = 0;
        for (int i = 0; i < alias.length(); i++) {
            final char c = alias.charAt(i);
            if (Character.isLetter(c)) {
                if (c > 0x024F || !Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters > 0 && letters <= CASE_SENSITIVE_MAX_LETTERS;
    }

    private static String required(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        if (value == null || value.asText().isBlank()) {
            throw new IllegalArgumentException("Party entry without " + field + ": " + node);
        }
        return value.asText();
    }
}
