package io.newswire.alerter.stream;

import java.time.Clock;

/**
 * Time as the records tell it: the newest record timestamp seen, moved on by the wall clock only while no newer record
 * arrives. The suppression window is measured with it, so a backlog replayed after an outage is judged by when its
 * versions were made, not by when the alerter got to them, and a quiet task still forgets old stories.
 */
final class RecordClock {

    private final Clock wall;
    private long newestRecord = Long.MIN_VALUE;
    private long wallAtNewest;

    RecordClock(final Clock wall) {
        this.wall = wall;
    }

    void observe(final long recordTime) {
        if (recordTime > newestRecord) {
            newestRecord = recordTime;
            wallAtNewest = wall.millis();
        }
    }

    /** Whether any record was seen (before that there is no record time to purge by). */
    boolean started() {
        return newestRecord != Long.MIN_VALUE;
    }

    long now() {
        return newestRecord + Math.max(0, wall.millis() - wallAtNewest);
    }
}
