package io.newswire.alerter;

import io.newswire.runtime.config.NewswireConfig;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An alerter in a child JVM that halts (no shutdown hook, no commit, like SIGKILL) the moment it has computed and
 * forwarded its {@code crash.after.alerts}-th alert: between computing an alert and committing it. Without that
 * argument it runs as {@link AlerterApp#main} does.
 */
public final class CrashingAlerterMain {

    /** The exit code of the halt, so the test knows the child died where it meant to. */
    public static final int HALTED = 86;

    private CrashingAlerterMain() {
    }

    public static void main(final String[] args) throws Exception {
        final Map<String, Object> settings = AlerterApp.settings(args);
        final Object crashAfter = settings.remove("crash.after.alerts");
        final int limit = crashAfter == null ? Integer.MAX_VALUE : Integer.parseInt(crashAfter.toString());
        final AtomicInteger computed = new AtomicInteger();
        final AlerterApp app = AlerterApp.start(NewswireConfig.load(null, Map.of(), settings), alert -> {
            if (computed.incrementAndGet() >= limit) {
                Runtime.getRuntime().halt(HALTED);
            }
        }, false);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        Thread.currentThread().join();
    }
}
