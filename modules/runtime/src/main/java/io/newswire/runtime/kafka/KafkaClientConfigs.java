package io.newswire.runtime.kafka;

import io.newswire.runtime.config.NewswireConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka client settings Newswire runs with, in one place, so every producer is durable and every
 * consumer reads only committed data. Callers add serializers; everything else comes from here.
 */
public final class KafkaClientConfigs {

    private KafkaClientConfigs() {
    }

    /**
     * A durable, idempotent producer: {@code acks=all} so an acknowledged record is on every in-sync replica,
     * idempotence so a retried send is written once, and a bounded delivery timeout so a caller can answer
     * "try again" instead of hanging while the cluster is away.
     *
     * @param config            Newswire settings (bootstrap servers and kafka.* passthrough)
     * @param clientId          client.id shown in broker logs and metrics
     * @param deliveryTimeoutMs upper bound on how long one send may take, retries included
     */
    public static Map<String, Object> durableProducer(final NewswireConfig config, final String clientId, final long deliveryTimeoutMs) {
        final Map<String, Object> props = new HashMap<>(config.kafkaCommon());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        // delivery.timeout.ms must be at least linger.ms + request.timeout.ms
        final long requestTimeout = Math.max(1_000L, Math.min(30_000L, deliveryTimeoutMs - 10));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(deliveryTimeoutMs, requestTimeout + 5));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeoutMs);
        return props;
    }

    /**
     * A consumer that reads only committed records (so aborted Streams transactions are never seen) and
     * commits offsets itself after processing.
     */
    public static Map<String, Object> committedReader(final NewswireConfig config, final String groupId, final String clientId) {
        final Map<String, Object> props = new HashMap<>(config.kafkaCommon());
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    /** Admin client settings. */
    public static Map<String, Object> admin(final NewswireConfig config) {
        return new HashMap<>(config.kafkaCommon());
    }
}
