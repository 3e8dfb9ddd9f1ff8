package io.newswire.publisher.ninjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * IPTC's ninjs JSON Schemas (test resources, copied unchanged with their licence) checked by a real JSON-Schema
 * validator, formats (date-time, uri) asserted. The schemas' external GeoJSON reference is served by our own Point
 * stand-in (see ninjs/NOTICE.md): there is no network in tests.
 */
public final class NinjsSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<NinjsVersion, JsonSchema> SCHEMAS = new EnumMap<>(NinjsVersion.class);

    static {
        final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers
                        .mapPrefix("https://geojson.org/schema/", "classpath:geojson/")
                        .mapPrefix("http://www.iptc.org/std/ninjs/", "classpath:ninjs/")));
        final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        SCHEMAS.put(NinjsVersion.V3_1, factory.getSchema(SchemaLocation.of("classpath:ninjs/ninjs-schema_3.1.json"), config));
        SCHEMAS.put(NinjsVersion.V2_2, factory.getSchema(SchemaLocation.of("classpath:ninjs/ninjs-schema_2.2.json"), config));
    }

    private NinjsSchemas() {
    }

    /** The schema's complaints about a document; empty when it is valid. */
    public static Set<String> violations(final byte[] document, final NinjsVersion version) {
        try {
            final JsonNode tree = JSON.readTree(document);
            return SCHEMAS.get(version).validate(tree).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
