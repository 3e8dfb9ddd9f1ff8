package io.newswire.enrichment.urgency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The urgency rules as data: {@code enrichment/urgency/urgency.json} on the classpath or a file of the same shape.
 * Kept as the parsed JSON tree: {@link UrgencyScorer} and {@link CasualtyCounter} each read their part once, when
 * they are built.
 */
public final class UrgencyRules {

    /** The rules shipped with the module. */
    public static final String RESOURCE = "/enrichment/urgency/urgency.json";

    private final JsonNode root;

    private UrgencyRules(final JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    public static UrgencyRules fromClasspath() {
        return new UrgencyRules(shippedJson());
    }

    public static UrgencyRules fromPath(final Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return new UrgencyRules(new ObjectMapper().readTree(in));
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading urgency rules " + path, e);
        }
    }

    static JsonNode shippedJson() {
        try (InputStream in = UrgencyRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE, e);
        }
    }
}
