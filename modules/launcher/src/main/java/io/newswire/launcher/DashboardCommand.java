package io.newswire.launcher;

import io.newswire.dashboard.DashboardApp;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.NewswireMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** `newswire dashboard`: run only the newsroom dashboard (live wire, article pages) against the configured cluster. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Run the newsroom dashboard (the live wire and article pages in a browser) against a cluster.")
public final class DashboardCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        final NewswireConfig config = settings();
        final NewswireMetrics metrics = new NewswireMetrics();
        final int metricsPort = metrics.serve(config.getString(NewswireConfig.DASHBOARD_HOST_CONFIG), config.getInt(NewswireConfig.METRICS_PORT_CONFIG));
        final DashboardApp dashboard = DashboardApp.start(config, metrics);
        System.out.println("Dashboard on " + dashboard.url() + "   (log in with a STAFF key: ./newswire apikeys add --id ID --name NAME); "
                + "metrics on port " + metricsPort);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.close();
            metrics.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** The settings the dashboard runs with: the given cluster, else the dev stack of the data dir, else the defaults. */
    NewswireConfig settings() {
        return connection.loadPreferringDevStack();
    }
}
