package io.newswire.launcher;

import io.newswire.alerter.AlerterApp;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.NewswireMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** `newswire alert`: run one alerter instance against a cluster; instances with one alerter.application.id split the articles. */
@Command(name = "alert", mixinStandardHelpOptions = true,
        description = "Run the alerter (desk rules, health alerts, rules API and SSE stream) against a cluster.")
public final class AlertCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        final NewswireConfig config = settings();
        final NewswireMetrics metrics = new NewswireMetrics();
        metrics.serve(config.getString(NewswireConfig.METRICS_HOST_CONFIG), config.getInt(NewswireConfig.METRICS_PORT_CONFIG));
        final AlerterApp app = AlerterApp.start(config, metrics.registry());
        metrics.bindStreams(app.streams());
        System.err.println("Alerter running; alerts stream at http://" + config.getString(NewswireConfig.ALERTER_HOST_CONFIG) + ":"
                + app.httpPort() + "/v1/alerts/stream");
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            metrics.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /**
     * The settings the alerter runs with: the given cluster, else the dev stack of the data dir, else the defaults;
     * on a dev stack's cluster its gateway is watched unless alerter.gateway.urls says otherwise.
     */
    NewswireConfig settings() {
        return watchingDevGateway(connection.loadPreferringDevStack(), connection.devEndpoints());
    }

    /** The dev stack's gateway as the one to watch, when the settings talk to that stack's cluster and name none. */
    static NewswireConfig watchingDevGateway(final NewswireConfig config, final Optional<Endpoints> dev) {
        if (dev.isEmpty() || dev.get().gateway() == null || !dev.get().bootstrapServers().equals(config.bootstrapServers())) {
            return config;
        }
        return watchingGateway(config, dev.get().gateway());
    }

    /** The gateway at that base URL as the one whose /ready the health watcher polls, unless alerter.gateway.urls is set. */
    static NewswireConfig watchingGateway(final NewswireConfig config, final String gatewayUrl) {
        if (ConnectionOptions.isSet(config, NewswireConfig.ALERTER_GATEWAY_URLS_CONFIG)) {
            return config;
        }
        return config.with(Map.of(NewswireConfig.ALERTER_GATEWAY_URLS_CONFIG, gatewayUrl));
    }
}
