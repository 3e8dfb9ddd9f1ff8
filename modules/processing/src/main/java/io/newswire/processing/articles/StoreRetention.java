package io.newswire.processing.articles;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes the articles step's entries once they have not been touched for the retention, so its stores hold a
 * bounded window of history instead of all of it. One index store serves all of them:
 * <ul>
 *   <li>{@code t|<time>|<store>|<key>}: the time ordered index; the time is zero-padded so the store's byte order is
 *       time order and a purge reads only what is due</li>
 *   <li>{@code k|<store>|<key>} → time: the entry's current index time, so touching it again moves it</li>
 * </ul>
 * Purging costs what it deletes (plus one read past the cutoff), never a scan of everything kept.
 */
final class StoreRetention {

    private static final String INDEX = "t|";
    private static final String CURRENT = "k|";
    private static final int TIME_DIGITS = 15;

    private final KeyValueStore<String, Long> index;
    private final Map<String, KeyValueStore<String, ?>> stores;
    private final Forgotten forgotten;

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
    }

    /** Marks the store's key as used at this time: it is deleted once the retention has passed after the last touch. */
    void touch(final String store, final String key, final long timeMillis) {
        final String current = CURRENT + store + "|" + key;
        final Long previous = index.get(current);
        if (previous != null) {
            if (previous >= timeMillis) {
                return;
            }
            index.delete(indexKey(previous, store, key));
        }
        index.put(current, timeMillis);
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
            index.delete(CURRENT + store + "|" + key);
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
