package io.newswire.serde;

import io.newswire.model.topics.Topics;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The .avsc files shipped in newswire-model's jar under {@code schemas/}, parsed together (they refer to each
 * other's named types). The generated classes' {@code getClassSchema()} remains what is registered; this catalogue
 * lets tests and tools see every named type the files define, including ones no topic carries yet.
 *
 * @param files       the .avsc file names, sorted
 * @param namedTypes  every named type (record, enum, fixed) the files define, by full name, sorted
 */
public record SchemaCatalog(List<String> files, Map<String, Schema> namedTypes) {

    /** Where the model jar keeps the files. */
    public static final String RESOURCE_FOLDER = "schemas";

    public SchemaCatalog {
        files = List.copyOf(files);
        namedTypes = Collections.unmodifiableMap(new TreeMap<>(namedTypes));
    }

    /** Loads every .avsc under {@code schemas/} in the jar (or classes folder) that holds the model's classes. */
    public static SchemaCatalog load() {
        final URL anchor = Topics.class.getClassLoader().getResource(RESOURCE_FOLDER);
        if (anchor == null) {
            throw new IllegalStateException("No " + RESOURCE_FOLDER + "/ folder on the classpath: is newswire-model's jar there?");
        }
        try {
            final URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return load(jar.provider().getPath(uri));
                }
            }
            return load(Path.of(uri));
        } catch (final URISyntaxException e) {
            throw new IllegalStateException("Cannot read " + anchor + ": " + e.getMessage(), e);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot read " + anchor + ": " + e.getMessage(), e);
        }
    }

    /** Loads every .avsc in a folder, in any order: names are resolved after all files are read. */
    public static SchemaCatalog load(final Path folder) throws IOException {
        final List<Path> paths;
        try (Stream<Path> listing = Files.list(folder)) {
            paths = listing.filter(p -> p.getFileName().toString().endsWith(".avsc")).sorted().toList();
        }
        final SchemaParser parser = new SchemaParser();
        final List<String> names = new ArrayList<>();
        for (final Path path : paths) {
            parser.parse(Files.readString(path, StandardCharsets.UTF_8));
            names.add(path.getFileName().toString());
        }
        final Map<String, Schema> types = new TreeMap<>();
        parser.getParsedNamedSchemas().forEach(s -> types.put(s.getFullName(), s));
        return new SchemaCatalog(names, types);
    }

    /** The named type of that full name (e.g. {@code io.newswire.model.CorrespondentReport}), if a file defines it. */
    public Optional<Schema> type(final String fullName) {
        return Optional.ofNullable(namedTypes.get(fullName));
    }
}
