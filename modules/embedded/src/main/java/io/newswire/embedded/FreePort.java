package io.newswire.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port nobody listens on right now. Another process may take it before the node binds it, so
 * whoever picks one must retry with a new one when binding fails ({@link #isBindFailure}).
 */
final class FreePort {

    private FreePort() {
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface: " + e.getMessage(), e);
        }
    }

    /** True when the failure, or one of its causes, is a port already in use. */
    static boolean isBindFailure(final Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException || mentionsBindFailure(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** True when the text (an exception message, a log) says a port was already in use (JDK, Kafka or Quarkus wording). */
    static boolean mentionsBindFailure(final String text) {
        return text != null && (text.contains("Address already in use") || text.contains("Port already bound")
                || text.contains("seems to be in use"));
    }
}
