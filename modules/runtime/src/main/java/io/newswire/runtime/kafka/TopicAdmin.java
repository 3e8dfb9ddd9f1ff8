package io.newswire.runtime.kafka;

import io.newswire.model.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Creates Newswire's topics idempotently: a topic that exists already is left as it is (its partitions and
 * configs are an operator's business once created), so `newswire topics create` and `dev` may run any number of times.
 */
public final class TopicAdmin {

    private final Admin admin;
    private final short replicationFactor;
    private final int minInsyncReplicas;

    /**
     * @param admin             an open admin client; not closed here
     * @param replicationFactor -1 for the broker's default
     * @param minInsyncReplicas -1 for the broker's default
     */
    public TopicAdmin(final Admin admin, final short replicationFactor, final int minInsyncReplicas) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
    }

    /**
     * Creates the topics that do not exist yet.
     *
     * @return the names of the topics this call created (empty when all existed)
     */
    public List<String> ensure(final Collection<TopicSpec> topics) {
        final List<String> created = new ArrayList<>();
        for (final TopicSpec topic : topics) {
            final Map<String, String> configs = new HashMap<>(topic.configs());
            if (minInsyncReplicas > 0) {
                configs.put("min.insync.replicas", Integer.toString(minInsyncReplicas));
            }
            final NewTopic newTopic = new NewTopic(topic.name(), Optional.of(topic.partitions()),
                    replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty()).configs(configs);
            try {
                admin.createTopics(List.of(newTopic)).all().get();
                created.add(topic.name());
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topic " + topic.name(), e);
            }
        }
        return created;
    }

    /**
     * Waits until every partition of the topics has a leader: a topic created a moment ago may not be in the
     * cluster's metadata yet, and a reader that starts then finds no partitions (Kafka Streams fails to start a
     * global store on such a topic).
     *
     * @throws IllegalStateException naming the topics still without leaders after the timeout
     */
    public void awaitLeaders(final Collection<TopicSpec> topics, final Duration timeout) {
        final List<String> names = topics.stream().map(TopicSpec::name).toList();
        final long deadline = System.nanoTime() + timeout.toNanos();
        String missing = String.join(", ", names);
        while (System.nanoTime() < deadline) {
            try {
                final Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
                missing = described.values().stream()
                        .filter(d -> d.partitions().isEmpty() || d.partitions().stream().anyMatch(p -> p.leader() == null))
                        .map(TopicDescription::name).collect(java.util.stream.Collectors.joining(", "));
                if (missing.isEmpty()) {
                    return;
                }
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Cannot describe topics " + names + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics " + names, e);
            }
            try {
                Thread.sleep(100);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics " + names, e);
            }
        }
        throw new IllegalStateException("Topics without a leader for every partition after " + timeout + ": " + missing);
    }
}
