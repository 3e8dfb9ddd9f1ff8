package io.newswire.processing.dedup;

import org.apache.kafka.common.serialization.Serdes;
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
 * The candidate index in Kafka Streams state stores (RocksDB, with changelogs, so it survives a restart and moves
 * with its task). Every key and value is compact binary; nothing is rewritten to add a report:
 *
 * <ul>
 *   <li>{@value #FINGERPRINTS_STORE}: reportId → {@link Binary#fingerprint} (about 10 bytes a distinct term).</li>
 *   <li>{@value #POSTINGS_STORE}: desk · band key · (MAX − receivedAt) · reportId → empty. A posting list is a key
 *       prefix, newest first; adding a report appends one small key per band instead of rewriting a list.</li>
 *   <li>{@value #RETENTION_STORE}: receivedAt · desk · reportId → the report's band keys (8 bytes each), in time
 *       order, so the reports past the horizon are the store's first keys and their postings can be deleted.</li>
 * </ul>
 *
 * Document frequencies are not stored: they are exactly the counts of terms over the retained fingerprints, so they
 * are kept in memory ({@link TermCounts}) and rebuilt from the fingerprints when the task starts (after restoration),
 * which saves a read, a write and a changelog record per distinct term per report.
 *
 * <p>Retention: every store, and the counts, hold exactly the reports received within {@code dedup.horizon.ms} of the
 * newest report remembered (at most {@link DedupSettings#EXPIRED_PER_REPORT} are forgotten per report, so a backlog
 * drains over the next reports), so state is bounded by the horizon's traffic, not by history.
 */
public final class StoreCandidateIndex implements CandidateIndex {

    public static final String FINGERPRINTS_STORE = "dedup-fingerprints";
    public static final String POSTINGS_STORE = "dedup-postings";
    public static final String RETENTION_STORE = "dedup-retention";
    private static final byte[] EMPTY = new byte[0];

    private final KeyValueStore<Bytes, byte[]> fingerprints;
    private final KeyValueStore<Bytes, byte[]> postings;
    private final TermCounts counts = new TermCounts();
    private final KeyValueStore<Bytes, byte[]> retention;
    private long bytesWritten;

    public StoreCandidateIndex(final KeyValueStore<Bytes, byte[]> fingerprints, final KeyValueStore<Bytes, byte[]> postings,
                               final KeyValueStore<Bytes, byte[]> retention) {
        this.fingerprints = fingerprints;
        this.postings = postings;
        this.retention = retention;
        rebuildCounts();
    }

    /** The counts are derived from the retained fingerprints: recount them (once, when the task starts). */
    private void rebuildCounts() {
        try (KeyValueIterator<Bytes, byte[]> all = retention.all()) {
            while (all.hasNext()) {
                final Retained entry = Retained.of(all.next().key);
                final byte[] stored = fingerprints.get(Bytes.wrap(entry.report));
                if (stored != null) {
                    counts.count(entry.desk, Binary.fingerprint(stored).terms(), +1);
                }
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
    }

    /** Distinct terms counted over all desks: bounded by retention. */
    long distinctTermsCounted() {
        return counts.distinctTerms();
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
        final byte[] prefix = ByteBuffer.allocate(desk(desk).length + 8).put(desk(desk)).putLong(bandKey).array();
        final List<Posting> found = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = postings.prefixScan(Bytes.wrap(prefix), Serdes.Bytes().serializer())) {
            while (entries.hasNext() && found.size() < limit) {
                final ByteBuffer key = ByteBuffer.wrap(entries.next().key.get());
                key.position(prefix.length);
                final long receivedAt = Long.MAX_VALUE - key.getLong();
                if (receivedAt < notBefore) {
                    break; // newest first: the rest are older still
                }
                final byte[] report = new byte[key.remaining()];
                key.get(report);
                found.add(new Posting(new String(report, StandardCharsets.UTF_8), receivedAt));
            }
        }
        return found;
    }

    @Override
    public Optional<Fingerprint> fingerprint(final String reportId) {
        final byte[] bytes = fingerprints.get(Bytes.wrap(reportId.getBytes(StandardCharsets.UTF_8)));
        return bytes == null ? Optional.empty() : Optional.of(Binary.fingerprint(bytes));
    }

    @Override
    public void add(final String desk, final Fingerprint fingerprint, final long[] bandKeys) {
        final byte[] prefix = desk(desk);
        final byte[] report = fingerprint.reportId().getBytes(StandardCharsets.UTF_8);
        put(fingerprints, Bytes.wrap(report), Binary.fingerprint(fingerprint));
        for (final long bandKey : bandKeys) {
            put(postings, postingKey(prefix, bandKey, fingerprint.receivedAtMillis(), report), EMPTY);
        }
        counts.count(desk, fingerprint.terms(), +1);
        final ByteBuffer keys = ByteBuffer.allocate(bandKeys.length * 8);
        for (final long bandKey : bandKeys) {
            keys.putLong(bandKey);
        }
        put(retention, retentionKey(fingerprint.receivedAtMillis(), prefix, report), keys.array());
    }

    @Override
    public int expire(final long notBefore, final int max) {
        final List<KeyValue<Bytes, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> oldest = retention.range(Bytes.wrap(new byte[8]), Bytes.wrap(time(notBefore)))) {
            while (oldest.hasNext() && due.size() < max) {
                due.add(oldest.next());
            }
        }
        for (final KeyValue<Bytes, byte[]> entry : due) {
            final Bytes key = entry.key;
            final ByteBuffer bandKeys = ByteBuffer.wrap(entry.value);
            final Retained retained = Retained.of(key);
            final long receivedAt = retained.receivedAt();
            final byte[] prefix = retained.deskPrefix();
            final byte[] report = retained.report();
            final byte[] stored = fingerprints.get(Bytes.wrap(report));
            if (stored != null) {
                final Fingerprint fingerprint = Binary.fingerprint(stored);
                while (bandKeys.remaining() >= 8) {
                    delete(postings, postingKey(prefix, bandKeys.getLong(), receivedAt, report));
                }
                counts.count(retained.desk(), fingerprint.terms(), -1);
                delete(fingerprints, Bytes.wrap(report));
            }
            delete(retention, key);
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

    private static Bytes postingKey(final byte[] prefix, final long bandKey, final long receivedAt, final byte[] report) {
        return Bytes.wrap(ByteBuffer.allocate(prefix.length + 16 + report.length).put(prefix).putLong(bandKey)
                .putLong(Long.MAX_VALUE - receivedAt).put(report).array());
    }

    private static Bytes retentionKey(final long receivedAt, final byte[] prefix, final byte[] report) {
        return Bytes.wrap(ByteBuffer.allocate(8 + prefix.length + report.length).put(time(receivedAt)).put(prefix).put(report).array());
    }

    /** Time as 8 bytes that sort as the numbers do (sign bit flipped, big-endian). */
    private static byte[] time(final long millis) {
        return ByteBuffer.allocate(8).putLong(millis ^ Long.MIN_VALUE).array();
    }
}
