package io.newswire.launcher;

import io.newswire.processing.ProcessingApp;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.NewswireMetrics;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** `newswire process`: run one processing instance; start several and they split the partitions. */
@Command(name = "process", mixinStandardHelpOptions = true, description = "Run one Kafka Streams processing instance against a cluster.")
public final class ProcessCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        final NewswireConfig config = settings();
        final NewswireMetrics metrics = new NewswireMetrics();
        final ProcessingApp app = ProcessingApp.start(config, metrics);
        // processing has no HTTP server of its own: /health and /ready beside /metrics (ready: Streams RUNNING)
        metrics.serve(config.getString(NewswireConfig.METRICS_HOST_CONFIG), config.getInt(NewswireConfig.METRICS_PORT_CONFIG),
                Map.of("streams", () -> app.state() == KafkaStreams.State.RUNNING));
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            metrics.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** The settings the instance runs with: the given cluster, else the dev stack of the data dir, else the defaults. */
    NewswireConfig settings() {
        return connection.loadPreferringDevStack();
    }
}
