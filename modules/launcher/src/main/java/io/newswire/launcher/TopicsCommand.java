package io.newswire.launcher;

import io.newswire.model.topics.TopicSpec;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.kafka.TopicAdmin;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** `newswire topics create|list`: the topic catalogue, created idempotently. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Create or list Newswire's topics.",
        subcommands = {TopicsCommand.Create.class, TopicsCommand.ListTopics.class})
public final class TopicsCommand {

    /** Creates every catalogued topic that is missing; replication from topics.replication.factor. */
    static List<String> createAll(final NewswireConfig config) {
        try (Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
            return new TopicAdmin(admin, config.getShort(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG),
                    config.getInt(NewswireConfig.TOPIC_MIN_INSYNC_REPLICAS_CONFIG)).ensure(Topics.everything());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create missing topics (existing ones are left alone).")
    static final class Create implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() {
            final List<String> created = createAll(kafka.loadPreferringDevStack());
            System.out.println(created.isEmpty() ? "All topics exist." : "Created: " + String.join(", ", created));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the topic catalogue.")
    static final class ListTopics implements Callable<Integer> {
        @Override
        public Integer call() {
            for (final TopicSpec topic : Topics.everything()) {
                System.out.printf("%-32s %2d partitions  key: %-18s value: %-24s %s%n", topic.name(), topic.partitions(),
                        topic.keyMeaning(), topic.valueType().getSimpleName(), topic.description());
            }
            return 0;
        }
    }
}
