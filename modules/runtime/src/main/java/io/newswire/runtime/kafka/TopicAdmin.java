package io.newswire.runtime.kafka;

import io.newswire.model.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

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
}
