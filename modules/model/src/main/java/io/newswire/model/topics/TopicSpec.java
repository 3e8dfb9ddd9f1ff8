package io.newswire.model.topics;

import java.util.Map;
import java.util.Objects;

/**
 * One Kafka topic Newswire owns: its name, how it is laid out, and the Avro class its values carry.
 * Keys are always UTF-8 strings (a report, article or correspondent id), so any client can read them.
 *
 * @param name        topic name, e.g. {@code newswire.reports.v1}
 * @param partitions  partition count at creation: the unit of parallelism for consumers and Streams tasks
 * @param configs     topic-level configs (cleanup policy, retention); the replication factor and
 *                    {@code min.insync.replicas} come from the cluster's configuration at creation time
 * @param valueType   the generated Avro class of the values
 * @param keyMeaning  what the key is, for documentation and the README
 * @param description what the topic carries, for a person
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs, Class<?> valueType,
                        String keyMeaning, String description) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1 for " + name);
        }
        configs = Map.copyOf(configs);
    }

    /** Subject of the value schema under Confluent's TopicNameStrategy. */
    public String valueSubject() {
        return name + "-value";
    }

    /** True when the topic keeps only the latest record per key. */
    public boolean compacted() {
        return "compact".equals(configs.get("cleanup.policy"));
    }
}
