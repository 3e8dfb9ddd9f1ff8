package io.newswire.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The configuration of a single-node KRaft cluster (one process is broker and controller) on the loopback
 * interface, sized for a laptop: internal topics with one replica and few partitions, small buffers, no topic
 * auto-creation. Overrides win over every default.
 */
final class KafkaNodeConfig {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String HOST = "127.0.0.1";

    private KafkaNodeConfig() {
    }

    static Map<String, String> of(final Path logDir, final int brokerPort, final int controllerPort,
                                  final Map<String, String> overrides) {
        final Map<String, String> props = new HashMap<>();
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("process.roles", "broker,controller");
        props.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", CLIENT_LISTENER);
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("log.dirs", logDir.toString());

        // one node: no internal topic can have more replicas than that
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "3");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");

        // a consumer group (and a Streams app) starts at once instead of after the 3 s production delay
        props.put("group.initial.rebalance.delay.ms", "0");
        // Newswire creates its topics explicitly: a misspelt name must fail, not create a topic
        props.put("auto.create.topics.enable", "false");

        // memory and threads: the 128 MB log-cleaner dedupe buffer and 8 I/O threads are sized for servers
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        props.put("log.cleaner.threads", "1");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("num.recovery.threads.per.data.dir", "2");
        props.put("background.threads", "4");
        props.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));

        props.putAll(overrides);
        return props;
    }
}
