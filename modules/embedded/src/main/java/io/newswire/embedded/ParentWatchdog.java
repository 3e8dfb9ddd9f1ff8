package io.newswire.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of the registry's child JVM: runs the given main class, and exits the JVM as soon as standard input
 * reaches its end. The parent holds that pipe open and never writes to it; when the parent dies, however it dies
 * (even {@code kill -9}, where no shutdown hook runs), the operating system closes the pipe, so the registry never
 * outlives the test run or {@code ./newswire dev} that started it.
 *
 * <p>Usage: {@code java -cp <this>:<app> io.newswire.embedded.ParentWatchdog <main class> [args...]}. Depends on
 * nothing but the JDK, as it runs on the registry's classpath.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatchdog <main class> [args...]");
        }
        final Thread watchdog = new Thread(ParentWatchdog::exitWhenInputEnds, "newswire-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        final Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenInputEnds() {
        final InputStream in = System.in;
        final byte[] buffer = new byte[64];
        try {
            while (in.read(buffer) >= 0) {
                // the parent writes nothing; anything read is ignored
            }
        } catch (final IOException e) {
            // a broken pipe means the same thing as its end
        }
        System.err.println("newswire: standard input closed (the parent is stopping this process, or is gone): exiting");
        System.exit(0);
    }
}
