package io.newswire.launcher;

import io.newswire.publisher.PublisherApp;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.NewswireMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** `newswire publish`: run only the publisher (newsroom API, ninjs, Atom, webhook delivery) against the configured cluster. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Run the publisher (newsroom API, ninjs, Atom feeds, webhook delivery) against a cluster.")
public final class PublishCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        final NewswireConfig config = settings();
        final NewswireMetrics metrics = new NewswireMetrics();
        metrics.serve(config.getString(NewswireConfig.PUBLISHER_HOST_CONFIG), config.getInt(NewswireConfig.METRICS_PORT_CONFIG));
        final PublisherApp publisher = PublisherApp.start(config, metrics);
        System.out.println("Publisher listening on " + publisher.url() + "   (API: " + publisher.url() + "/openapi.json)");
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            publisher.close();
            metrics.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** The settings the publisher runs with: the given cluster, else the dev stack of the data dir, else the defaults. */
    NewswireConfig settings() {
        return connection.loadPreferringDevStack();
    }
}
