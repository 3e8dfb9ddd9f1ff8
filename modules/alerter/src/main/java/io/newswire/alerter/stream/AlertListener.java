package io.newswire.alerter.stream;

import io.newswire.model.Alert;

/**
 * Told of each alert as the processor forwards it, before its transaction commits: for metrics, and for the crash
 * test that stops the JVM between computing an alert and committing it.
 */
@FunctionalInterface
public interface AlertListener {

    AlertListener NONE = alert -> { };

    void onAlert(Alert alert);
}
