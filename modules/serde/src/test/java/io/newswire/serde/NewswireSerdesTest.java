package io.newswire.serde;

import io.newswire.model.CorrespondentCredential;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.TopicSpec;
import io.newswire.model.topics.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serde factory: one registry client, catalogue-driven serdes, and registration of every topic's schema. */
class NewswireSerdesTest {

    private final FakeSchemaRegistry fake = FakeSchemaRegistry.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void shouldRoundTripATopicsValueThroughItsCataloguedSerde() {
        // Given serdes from Confluent-style settings
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(Map.of("schema.registry.url", fake.url()))) {
            final Serde<CorrespondentReport> serde = serdes.valueSerde(Topics.REPORTS);

            // When a report goes through the REPORTS serde
            final byte[] bytes = serde.serializer().serialize(Topics.REPORTS.name(), TestReports.arabicReport());

            // Then it reads back equal, and the schema sits under the topic's value subject
            assertThat(serde.deserializer().deserialize(Topics.REPORTS.name(), bytes)).isEqualTo(TestReports.arabicReport());
            assertThat(fake.requests()).containsExactly("POST /subjects/" + Topics.REPORTS.valueSubject() + "/versions");
            assertThat(serdes.valueSerde(Topics.REPORTS)).isSameAs(serde);
        }
    }

    @Test
    void shouldAutoRegisterByDefaultAndNotWhenTurnedOff() {
        try (NewswireSerdes defaults = NewswireSerdes.fromConfig(Map.of("schema.registry.url", fake.url()));
             NewswireSerdes production = NewswireSerdes.fromConfig(Map.of("schema.registry.url", fake.url(), "auto.register.schemas", false))) {
            assertThat(defaults.autoRegister()).isTrue();
            assertThat(production.autoRegister()).isFalse();
            assertThatThrownBy(() -> production.valueSerde(Topics.REPORTS).serializer().serialize(Topics.REPORTS.name(), TestReports.arabicReport()))
                    .hasMessageContaining(Topics.REPORTS.valueSubject())
                    .hasMessageContaining("auto.register.schemas is off");
        }
    }

    @Test
    void shouldRegisterEveryTopicsValueSchemaUnderItsSubject() {
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(Map.of("schema.registry.url", fake.url(), "auto.register.schemas", "false"))) {
            // When every catalogued topic's schema is registered
            final Map<String, Integer> ids = serdes.registerAll(Topics.all());

            // Then each subject got its generated class's schema, and production serializers now find them
            assertThat(ids.keySet()).containsExactlyElementsOf(Topics.all().stream().map(TopicSpec::valueSubject).toList());
            assertThat(serdes.registry().latest(Topics.CORRESPONDENTS.valueSubject()).schema()).isEqualTo(CorrespondentCredential.getClassSchema());
            assertThat(ids.get(Topics.ARTICLES.valueSubject())).isEqualTo(ids.get(Topics.ARTICLE_UPDATES.valueSubject()));
            assertThat(serdes.valueSerde(Topics.REPORTS).serializer().serialize(Topics.REPORTS.name(), TestReports.arabicReport()))
                    .startsWith(ConfluentWireFormat.header(ids.get(Topics.REPORTS.valueSubject())));
        }
    }

    @Test
    void shouldGivePlainClientsTheRegistrySettingsAndTheSpecificReader() {
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(Map.of("schema.registry.url", fake.url(), "auto.register.schemas", "false",
                "basic.auth.user.info", "u:p"))) {
            final Map<String, Object> config = serdes.serializerConfig();

            assertThat(config).containsEntry("schema.registry.url", fake.url()).containsEntry("auto.register.schemas", false)
                    .containsEntry("specific.avro.reader", true).containsEntry("basic.auth.user.info", "u:p");
            // and a deserializer configured with them reads into generated classes
            final AvroDeserializer<Object> byClassName = new AvroDeserializer<>();
            byClassName.configure(config, false);
            serdes.registerAll(List.of(Topics.REPORTS));
            final byte[] bytes = serdes.valueSerde(Topics.REPORTS).serializer().serialize(Topics.REPORTS.name(), TestReports.arabicReport());
            assertThat(byClassName.deserialize(Topics.REPORTS.name(), bytes)).isInstanceOf(CorrespondentReport.class);
        }
    }

    @Test
    void shouldWriteKeysAsPlainUtf8() {
        final String key = "تقرير-42";

        final byte[] bytes = NewswireSerdes.keySerde().serializer().serialize("any", key);

        assertThat(bytes).isEqualTo(key.getBytes(StandardCharsets.UTF_8));
        assertThat(NewswireSerdes.keySerde().deserializer().deserialize("any", bytes)).isEqualTo(key);
    }

    @Test
    void shouldNameTheMissingUrl() {
        assertThatThrownBy(() -> NewswireSerdes.fromConfig(Map.of("auto.register.schemas", true)))
                .hasMessageContaining("schema.registry.url");
    }
}
