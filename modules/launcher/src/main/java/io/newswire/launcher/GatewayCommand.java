package io.newswire.launcher;

import io.newswire.gateway.GatewayServer;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.NewswireMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** `newswire gateway`: run only the gateway, against the configured cluster (a deployment's gateway service).
 * Writes newswire.reports.v1; reads newswire.correspondents.v1 and newswire.reports.status.v1. */
@Command(name = "gateway", mixinStandardHelpOptions = true, description = "Run the correspondent gateway against a cluster.")
public final class GatewayCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        final NewswireConfig config = settings();
        final NewswireMetrics metrics = new NewswireMetrics();
        metrics.serve(config.getString(NewswireConfig.GATEWAY_HOST_CONFIG), config.getInt(NewswireConfig.METRICS_PORT_CONFIG));
        final GatewayServer server = GatewayServer.start(config, metrics);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            metrics.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** The settings the gateway runs with: the given cluster, else the dev stack of the data dir, else the defaults. */
    NewswireConfig settings() {
        return connection.loadPreferringDevStack();
    }
}
