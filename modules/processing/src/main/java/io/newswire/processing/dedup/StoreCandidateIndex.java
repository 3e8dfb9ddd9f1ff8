package io.newswire.processing.dedup;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The candidate index in a Kafka Streams state store (RocksDB, with a changelog, so it survives a restart and moves
 * with its task). One store, compact binary, one put to remember a report and one delete to forget it:
 * {@value #REPORTS_STORE}: receivedAt · desk · reportId → the report's band keys and fingerprint
 * ({@link Binary#retained}; about 10 bytes a distinct term), in time order, so the reports past the horizon are the
 * store's first keys. A candidate's fingerprint is read by that key: the posting lists hold its time.
 *
 * Posting lists and document frequencies are not stored: they are exactly what the retained reports' band keys and
 * terms add up to, so they are kept in memory ({@link BandPostings}, {@link TermCounts}) and rebuilt from the store
 * when the task starts (after restoration). That saves, per report, a RocksDB prefix scan per band key, a put per
 * band key and a delete per band key when it expires, and their changelog records. (An earlier layout kept the
 * fingerprints in a second store keyed by report id: a put, a delete and two changelog records more a report.)
 *
 * <p>Retention: every store, the lists and the counts hold exactly the reports received within
 * {@code dedup.horizon.ms} of the newest report remembered (at most {@link DedupSettings#EXPIRED_PER_REPORT} are
 * forgotten per report, so a backlog drains over the next reports), so state is bounded by the horizon's traffic,
 * not by history.
 */
public final class StoreCandidateIndex implements CandidateIndex {

    public static final String REPORTS_STORE = "dedup-reports";

    private final BandPostings postings = new BandPostings();
    private final TermCounts counts = new TermCounts();
    private final KeyValueStore<Bytes, byte[]> retention;
    private long bytesWritten;
    /**
     * No retained report was received before this (Long.MAX_VALUE: none is retained), so expiry reads the retention
     * store only when a report is actually due, not once per report.
     */
    private long oldestRetained = Long.MAX_VALUE;

    public StoreCandidateIndex(final KeyValueStore<Bytes, byte[]> reports) {
        this.retention = reports;
        rebuild();
    }

    /** Lists and counts are derived from the retained reports: rebuild them (once, at task start). */
    private void rebuild() {
        try (KeyValueIterator<Bytes, byte[]> all = retention.all()) {
            while (all.hasNext()) {
                final KeyValue<Bytes, byte[]> next = all.next();
                final Retained entry = Retained.of(next.key);
                postings.add(entry.desk, entry.reportId(), entry.receivedAt, Binary.retainedBandKeys(next.value));
                oldestRetained = Math.min(oldestRetained, entry.receivedAt);
                counts.count(entry.desk, Binary.retainedFingerprint(next.value).terms(), +1);
            }
        }
    }

    /** A retention key taken apart. */
    private record Retained(long receivedAt, byte[] deskPrefix, String desk, byte[] report) {
        static Retained of(final Bytes key) {
            final ByteBuffer in = ByteBuffer.wrap(key.get());
            final long receivedAt = in.getLong() ^ Long.MIN_VALUE;
            final byte[] prefix = new byte[(in.get(8) & 0xff) + 1];
            in.get(prefix);
            final byte[] report = new byte[in.remaining()];
            in.get(report);
            return new Retained(receivedAt, prefix, new String(prefix, 1, prefix.length - 1, StandardCharsets.UTF_8), report);
        }

        String reportId() {
            return new String(report, StandardCharsets.UTF_8);
        }
    }

    /** Distinct terms counted over all desks: bounded by retention. */
    long distinctTermsCounted() {
        return counts.distinctTerms();
    }

    /** Posting entries held in memory, over all desks: bounded by retention. */
    long postingsHeld() {
        return postings.postings();
    }

    /** Bytes put into the stores so far (keys and values; a delete counts its key): what the changelogs receive. */
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public long documents(final String desk) {
        return counts.documents(desk);
    }

    @Override
    public long[] documentFrequencies(final String desk, final long[] terms) {
        final long[] frequencies = new long[terms.length];
        for (int i = 0; i < terms.length; i++) {
            frequencies[i] = counts.frequency(desk, terms[i]);
        }
        return frequencies;
    }

    @Override
    public List<Posting> postings(final String desk, final long bandKey, final long notBefore, final int limit) {
        return postings.newest(desk, bandKey, notBefore, limit);
    }

    @Override
    public List<Candidate> candidates(final String desk, final long[] bandKeys, final long notBefore, final int perKey,
                                      final int limit) {
        return postings.candidates(desk, bandKeys, notBefore, perKey, limit); // counted in the lists: no map, no Posting per entry
    }

    @Override
    public Optional<Fingerprint> fingerprint(final String desk, final String reportId, final long receivedAtMillis) {
        final byte[] bytes = retention.get(retentionKey(receivedAtMillis, desk(desk), reportId.getBytes(StandardCharsets.UTF_8)));
        return bytes == null ? Optional.empty() : Optional.of(Binary.retainedFingerprint(bytes));
    }

    @Override
    public void add(final String desk, final Fingerprint fingerprint, final long[] bandKeys) {
        final byte[] report = fingerprint.reportId().getBytes(StandardCharsets.UTF_8);
        put(retention, retentionKey(fingerprint.receivedAtMillis(), desk(desk), report), Binary.retained(bandKeys, fingerprint));
        postings.add(desk, fingerprint.reportId(), fingerprint.receivedAtMillis(), bandKeys);
        counts.count(desk, fingerprint.terms(), +1);
        oldestRetained = Math.min(oldestRetained, fingerprint.receivedAtMillis());
    }

    @Override
    public int expire(final long notBefore, final int max) {
        if (notBefore <= oldestRetained) {
            return 0; // nothing is due: no read
        }
        final List<KeyValue<Bytes, byte[]>> due = new ArrayList<>();
        long next = Long.MAX_VALUE;
        try (KeyValueIterator<Bytes, byte[]> oldest = retention.all()) {
            while (oldest.hasNext()) {
                final Bytes key = oldest.peekNextKey();
                final long receivedAt = Retained.of(key).receivedAt();
                if (receivedAt >= notBefore || due.size() == max) {
                    next = receivedAt; // the oldest report that stays
                    break;
                }
                due.add(oldest.next());
            }
        }
        oldestRetained = next;
        for (final KeyValue<Bytes, byte[]> entry : due) {
            final Retained retained = Retained.of(entry.key);
            postings.remove(retained.desk(), retained.reportId(), Binary.retainedBandKeys(entry.value)); // posted by add or rebuild, as this entry says
            counts.count(retained.desk(), Binary.retainedFingerprint(entry.value).terms(), -1);
            delete(retention, entry.key);
        }
        return due.size();
    }

    private void put(final KeyValueStore<Bytes, byte[]> store, final Bytes key, final byte[] value) {
        store.put(key, value);
        bytesWritten += key.get().length + value.length;
    }

    private void delete(final KeyValueStore<Bytes, byte[]> store, final Bytes key) {
        store.delete(key);
        bytesWritten += key.get().length;
    }

    /** The desk as a key prefix: its UTF-8 length (one byte; desks are short names) then its bytes. */
    private static byte[] desk(final String desk) {
        final byte[] name = desk.getBytes(StandardCharsets.UTF_8);
        if (name.length > 255) {
            throw new IllegalArgumentException("desk name longer than 255 bytes: " + desk);
        }
        return ByteBuffer.allocate(name.length + 1).put((byte) name.length).put(name).array();
    }

    private static Bytes retentionKey(final long receivedAt, final byte[] prefix, final byte[] report) {
        return Bytes.wrap(ByteBuffer.allocate(8 + prefix.length + report.length).put(time(receivedAt)).put(prefix).put(report).array());
    }

    /** Time as 8 bytes that sort as the numbers do (sign bit flipped, big-endian). */
    private static byte[] time(final long millis) {
        return ByteBuffer.allocate(8).putLong(millis ^ Long.MIN_VALUE).array();
    }
}
