package io.newswire.serde;

import io.newswire.model.topics.Topics;
import io.newswire.testkit.NewswireStack;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evolution rule: every topic's value schema stays BACKWARD compatible with its last released version, as the
 * registry itself judges it (its compatibility endpoint, not a re-implementation). Released versions live in
 * {@code src/test/resources/released-schemas/<subject>.avsc}; a release copies the current schemas there.
 * Every schema file in {@code schemas/} is covered: each named type it defines is carried by some topic's value.
 */
class SchemaEvolutionIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();
    private static final String RELEASED = "released-schemas";

    @TestFactory
    Stream<DynamicTest> shouldKeepEveryTopicSchemaBackwardCompatibleWithItsLastRelease() {
        final SchemaRegistryClient registry = new SchemaRegistryClient(SchemaRegistryClientConfig.of(STACK.schemaRegistryUrl()));
        return Topics.all().stream().map(topic -> DynamicTest.dynamicTest(topic.valueSubject(), () -> {
            // Given the released schema registered in a fresh subject under BACKWARD
            final Schema released = released(topic.valueSubject());
            final String subject = STACK.uniqueName("evolution-" + topic.name()) + "-value";
            registry.setCompatibility(subject, "BACKWARD");
            registry.register(subject, released);

            // When the current schema (what the serializers register) is checked against it
            final Schema current = SpecificData.get().getSchema(topic.valueType());
            final SchemaRegistryClient.CompatibilityResult result = registry.checkCompatibility(subject, current);

            // Then the registry accepts it
            assertThat(result.compatible())
                    .as("%s (%s) must stay BACKWARD compatible with release 0.1.0; the registry says: %s",
                            topic.valueSubject(), current.getFullName(), result.messages())
                    .isTrue();
        }));
    }

    @Test
    void shouldCoverEveryNamedTypeInTheSchemaFilesThroughSomeTopic() {
        // Given every named type the .avsc files in newswire-model's jar define
        final SchemaCatalog catalog = SchemaCatalog.load();

        // When the types reachable from the topics' value schemas are collected
        final Set<String> reachable = new HashSet<>();
        Topics.all().forEach(topic -> collectNamedTypes(SpecificData.get().getSchema(topic.valueType()), reachable));

        // Then none is left out of the compatibility check above
        assertThat(new TreeSet<>(catalog.namedTypes().keySet()))
                .as("types in schemas/ that no topic carries, so no compatibility check covers them")
                .isSubsetOf(reachable);
    }

    @Test
    void shouldKeepOneReleasedSchemaPerTopicAndNoOrphans() throws IOException, URISyntaxException {
        final Path folder = Path.of(SchemaEvolutionIntegrationTest.class.getResource("/" + RELEASED).toURI());
        final Set<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avsc")).collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(files).containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(t -> t.valueSubject() + ".avsc").toList());
    }

    private static Schema released(final String subject) throws IOException {
        try (var in = SchemaEvolutionIntegrationTest.class.getResourceAsStream("/" + RELEASED + "/" + subject + ".avsc")) {
            assertThat(in).as("released schema of %s: copy the current schema to src/test/resources/%s/%s.avsc when releasing",
                    subject, RELEASED, subject).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }

    private static void collectNamedTypes(final Schema schema, final Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> collectNamedTypes(f.schema(), seen));
                }
            }
            case ENUM, FIXED -> seen.add(schema.getFullName());
            case ARRAY -> collectNamedTypes(schema.getElementType(), seen);
            case MAP -> collectNamedTypes(schema.getValueType(), seen);
            case UNION -> schema.getTypes().forEach(t -> collectNamedTypes(t, seen));
            default -> {
                // primitives name no type
            }
        }
    }
}
