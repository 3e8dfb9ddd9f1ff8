package io.newswire.serde;

import io.newswire.model.topics.TopicSpec;
import io.newswire.model.topics.Topics;
import io.newswire.testkit.NewswireStack;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evolution rule: every schema change is BACKWARD compatible with the last released version, checked through
 * the registry's own compatibility endpoint. Released versions live in src/test/resources/released-schemas; a
 * release copies the current schemas there.
 */
class SchemaEvolutionIntegrationTest {

    private static final NewswireStack STACK = NewswireStack.shared();

    @TestFactory
    Stream<DynamicTest> shouldKeepEveryTopicSchemaBackwardCompatibleWithItsLastRelease() {
        final SchemaRegistryClient registry = new SchemaRegistryClient(SchemaRegistryClientConfig.of(STACK.schemaRegistryUrl()));
        return Topics.all().stream().map(TopicSpec::valueType).distinct().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            // Given the released schema registered in a fresh subject under BACKWARD
            final Schema released = released(type.getSimpleName());
            final String subject = STACK.uniqueName("evolution-" + type.getSimpleName()) + "-value";
            registry.setCompatibility(subject, "BACKWARD");
            registry.register(subject, released);

            // When the current schema is checked against it
            final Schema current = SpecificData.get().getSchema(type);
            final SchemaRegistryClient.CompatibilityResult result = registry.checkCompatibility(subject, current);

            // Then the registry accepts it
            assertThat(result.compatible()).as("%s is BACKWARD compatible with its release: %s", type.getSimpleName(), result.messages()).isTrue();
        }));
    }

    private static Schema released(final String name) throws IOException {
        try (InputStream in = SchemaEvolutionIntegrationTest.class.getResourceAsStream("/released-schemas/" + name + ".avsc")) {
            assertThat(in).as("released schema of %s (copy it into released-schemas when releasing)", name).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}
