package io.newswire.enrichment.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The attribution cues as data ({@code enrichment/sources/attribution.json} or a file of the same shape), built into
 * one {@link PhraseMatcher} so one pass over a field finds every cue, longest first: "بحسب ما أفاد" before "بحسب".
 * A phrase listed under two kinds ("اتهمت": a reporting verb and an accusation) carries both.
 */
public final class AttributionCues {

    public static final String RESOURCE = "/enrichment/sources/attribution.json";

    /** What a cue does; the JSON section it comes from. */
    public enum Kind {
        /** Arabic reporting verb: the source follows, the claim follows إن/أن. */
        VERB_BEFORE("reportingVerbs"),
        /** Arabic verb that reports only with عن ("نقل ... عن"); without it, it is another verb ("carried"). */
        VERB_WITH_AN("reportingVerbsWithAn"),
        /** English reporting verb: the source comes before it. */
        VERB_AFTER("reportingVerbsAfter"),
        /** بحسب / according to: the source follows. */
        PREPOSITION("prepositions"),
        /** A phrase that names a source by itself ("مصادر محلية", "activists"). */
        SOURCE_NOUN("sourceNouns"),
        /** إن / أن / that: ends a source, opens a claim. */
        COMPLEMENTIZER("complementizers"),
        /** Ends a source without being part of it ("في بيان", "in a statement"). */
        SOURCE_END("sourceEnds"),
        /** An Arabic noun that opens a claim when no complementizer does ("مقتل"). */
        CLAIM_START("claimStarts"),
        /** An accusation that needs a source ("اتهمت", "massacre"). */
        STRONG("strongClaims");

        private final String section;

        Kind(final String section) {
            this.section = section;
        }
    }

    /** One cue phrase and its kind. */
    public record Cue(Kind kind, String phrase) {
    }

    private final PhraseMatcher<Cue> matcher;

    private AttributionCues(final PhraseMatcher<Cue> matcher) {
        this.matcher = matcher;
    }

    PhraseMatcher<Cue> matcher() {
        return matcher;
    }

    public static AttributionCues fromClasspath(final MatchingTextNormalizer normalizer) {
        try (InputStream in = AttributionCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return read(in, normalizer);
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE, e);
        }
    }

    public static AttributionCues fromPath(final Path path, final MatchingTextNormalizer normalizer) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, normalizer);
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading attribution cues " + path, e);
        }
    }

    static AttributionCues read(final InputStream in, final MatchingTextNormalizer normalizer) throws IOException {
        final JsonNode root = new ObjectMapper().readTree(in);
        final PhraseMatcher.Builder<Cue> builder = PhraseMatcher.builder(normalizer);
        for (final Kind kind : Kind.values()) {
            final Iterator<Map.Entry<String, JsonNode>> languages = root.path(kind.section).fields();
            while (languages.hasNext()) {
                final Map.Entry<String, JsonNode> language = languages.next();
                if (language.getValue().isArray()) {
                    for (final JsonNode phrase : language.getValue()) {
                        builder.add(phrase.asText(), new Cue(kind, phrase.asText()));
                    }
                }
            }
        }
        return new AttributionCues(builder.build());
    }
}
