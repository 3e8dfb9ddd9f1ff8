package io.newswire.processing.articles;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes the articles step's entries once they have not been touched for the retention, so its stores hold a
 * bounded window of history instead of all of it. One index store serves all of them:
 * <ul>
 *   <li>{@code t|<time>|<store>|<key>}: the time ordered index, one entry per retained key at its last touch; the time
 *       is zero-padded so the store's byte order is time order and a purge reads only what is due</li>
 * </ul>
 * Which index entry a key has now (to move it when the key is touched again) is kept in memory, not in the store: it
 * is exactly what the index entries say, so it is rebuilt from them when the task starts (after restoration), as
 * dedup's posting lists are. That saves a RocksDB read and a put, and so a changelog record, per touch. The memory
 * is one entry per retained key, about 100 bytes each (the articles step retains articles only: 100k articles are
 * about 10 MB).
 * An index written before this also holds {@code k|<store>|<key>} entries, and entries of stores it no longer
 * serves (the articles step once retained reports and digests one by one); they are deleted at the first start.
 * Purging costs what it deletes (plus one read past the cutoff), never a scan of everything kept.
 */
final class StoreRetention {

    private static final String INDEX = "t|";
    /** The index entries of an older layout: store|key → time. Deleted at start (see the class comment). */
    private static final String OLD_CURRENT = "k|";
    private static final int TIME_DIGITS = 15;

    private final KeyValueStore<String, Long> index;
    private final Map<String, KeyValueStore<String, ?>> stores;
    private final Forgotten forgotten;
    /** store|key → the time of its index entry: derived from the index, rebuilt at construction. */
    private final Map<String, Long> current = new HashMap<>();

    /** Told of each deletion, to tell others what was forgotten. */
    interface Forgotten {
        void deleted(String store, String key, long indexTimeMillis);
    }

    /**
     * @param index     the retention index store
     * @param stores    the stores it deletes from, by a short code that goes into the index keys (no '|' in it)
     * @param forgotten told of each entry deleted
     */
    StoreRetention(final KeyValueStore<String, Long> index, final Map<String, KeyValueStore<String, ?>> stores, final Forgotten forgotten) {
        this.index = index;
        this.stores = stores;
        this.forgotten = forgotten;
        rebuild();
    }

    /**
     * The last touch of every retained key, from the index; entries of older layouts (k| entries, stores no longer
     * in the map) go, once, at the first start.
     */
    private void rebuild() {
        final List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = index.range(OLD_CURRENT, OLD_CURRENT + '\uffff')) {
            all.forEachRemaining(entry -> old.add(entry.key));
        }
        try (KeyValueIterator<String, Long> all = index.range(INDEX, INDEX + '\uffff')) {
            while (all.hasNext()) {
                final KeyValue<String, Long> entry = all.next();
                final String storeAndKey = entry.key.substring(INDEX.length() + TIME_DIGITS + 1);
                if (stores.containsKey(storeAndKey.substring(0, storeAndKey.indexOf('|')))) {
                    current.merge(storeAndKey, entry.value, Math::max);
                } else {
                    old.add(entry.key); // a store no longer retained this way (an older layout): its entries go
                }
            }
        }
        old.forEach(index::delete);
    }

    /** Marks the store's key as used at this time: it is deleted once the retention has passed after the last touch. */
    void touch(final String store, final String key, final long timeMillis) {
        final String entry = store + "|" + key;
        final Long previous = current.get(entry);
        if (previous != null) {
            if (previous >= timeMillis) {
                return;
            }
            index.delete(indexKey(previous, store, key));
        }
        current.put(entry, timeMillis);
        index.put(indexKey(timeMillis, store, key), timeMillis);
    }

    /**
     * Deletes every entry last touched before the cutoff, oldest first, at most {@code limit} of them (so one purge
     * never stalls the stream thread; the rest go at the next).
     *
     * @return how many entries were deleted
     */
    int purgeBefore(final long cutoffMillis, final int limit) {
        final List<KeyValue<String, Long>> due = new ArrayList<>();
        // "t|<cutoff - 1>||" sorts after every key of that millisecond (store codes sort before '|') and before the next
        try (KeyValueIterator<String, Long> oldest = index.range(INDEX, indexKey(Math.max(0, cutoffMillis - 1), "", ""))) {
            while (oldest.hasNext() && due.size() < limit) {
                due.add(oldest.next());
            }
        }
        for (final KeyValue<String, Long> item : due) {
            final String entry = item.key;
            final int storeStart = INDEX.length() + TIME_DIGITS + 1;
            final int keyStart = entry.indexOf('|', storeStart) + 1;
            final String store = entry.substring(storeStart, keyStart - 1);
            final String key = entry.substring(keyStart);
            stores.get(store).delete(key);
            current.remove(store + "|" + key);
            index.delete(entry);
            forgotten.deleted(store, key, item.value);
        }
        return due.size();
    }

    static String indexKey(final long timeMillis, final String store, final String key) {
        // zero-padded by hand: String.format was a twentieth of the articles step's time
        final String digits = Long.toString(timeMillis);
        final StringBuilder out = new StringBuilder(INDEX.length() + TIME_DIGITS + store.length() + key.length() + 2).append(INDEX);
        for (int i = digits.length(); i < TIME_DIGITS; i++) {
            out.append('0');
        }
        return out.append(digits).append('|').append(store).append('|').append(key).toString();
    }
}
