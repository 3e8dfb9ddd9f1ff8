package io.newswire.runtime.kafka;

import io.newswire.runtime.config.NewswireConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientConfigsTest {

    private final NewswireConfig config = NewswireConfig.load(null, Map.of(), Map.of("kafka.security.protocol", "SSL"));

    @Test
    void shouldMakeEveryProducerDurableAndIdempotent() {
        final Map<String, Object> props = KafkaClientConfigs.durableProducer(config, "gateway", 5_000);

        assertThat(props).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry("security.protocol", "SSL");
        // Kafka refuses a delivery timeout below linger + request timeout: the bound must stay valid
        final int delivery = (int) props.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        final int request = (int) props.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        assertThat(delivery).isGreaterThanOrEqualTo(request + (int) props.get(ProducerConfig.LINGER_MS_CONFIG));
        assertThat(delivery).isLessThanOrEqualTo(5_000);
    }

    @Test
    void shouldReadOnlyCommittedRecords() {
        final Map<String, Object> props = KafkaClientConfigs.committedReader(config, "g", "c");

        assertThat(props).containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("group.id", "g");
    }
}
