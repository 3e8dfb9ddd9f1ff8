package io.newswire.serde;

import io.newswire.model.topics.TopicSpec;
import io.newswire.model.topics.Topics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The .avsc files in newswire-model's jar and the generated classes describe the same types. */
class SchemaCatalogTest {

    private final SchemaCatalog catalog = SchemaCatalog.load();

    @Test
    void shouldLoadEverySchemaFileFromTheModelJar() {
        assertThat(catalog.files()).contains("common.avsc", "correspondent-report.avsc", "dead-letter.avsc");
        assertThat(catalog.type("io.newswire.model.CorrespondentReport")).isPresent();
        assertThat(catalog.type("io.newswire.model.ReportKind")).map(Schema::getType).contains(Schema.Type.ENUM);
    }

    @Test
    void shouldMatchTheGeneratedClassOfEveryTopicsValue() {
        for (final TopicSpec topic : Topics.all()) {
            final Schema generated = SpecificData.get().getSchema(topic.valueType());

            assertThat(catalog.type(generated.getFullName())).as(topic.name()).contains(withoutJavaStringHints(generated));
        }
    }

    /** The generated classes' schemas carry avro.java.string=String on each string (stringType=String); the files do not. */
    private static Schema withoutJavaStringHints(final Schema generated) {
        return new Schema.Parser().parse(generated.toString().replace("{\"type\":\"string\",\"avro.java.string\":\"String\"}", "\"string\""));
    }
}
