package io.newswire.processing.articles;

/**
 * The time waiting is measured in: the newest timestamp the records of this task carried (stream time), moved on
 * by the wall clock only while no newer record arrives.
 *
 * <p>Why both: a backlog replayed after an outage carries its own, old times, so a reference that waits a few
 * seconds of replay has waited seconds, not the hours since it was filed (pure wall-clock time would dead-letter
 * it before the report it refers to is replayed). A desk that goes quiet still lets its waiting reports expire,
 * because then the wall clock moves the time on from the last record.
 *
 * <p>Pure and single-threaded (one per task); held in memory, so after a restart it starts again from the first
 * record, which can only make a report wait longer, never shorter.
 */
final class RecordTimeClock {

    private long newestRecordMillis = -1;
    private long wallClockAtNewestMillis;

    /** Notes a record's timestamp, seen at the given wall-clock time. */
    void observe(final long recordMillis, final long wallClockMillis) {
        if (recordMillis > newestRecordMillis) {
            newestRecordMillis = recordMillis;
            wallClockAtNewestMillis = wallClockMillis;
        }
    }

    /** The time now, or -1 before any record was seen. */
    long now(final long wallClockMillis) {
        if (newestRecordMillis < 0) {
            return -1;
        }
        return newestRecordMillis + Math.max(0, wallClockMillis - wallClockAtNewestMillis);
    }
}
