package io.newswire.processing.articles;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreRetentionTest {

    @Test
    void shouldWriteIndexKeysWhoseByteOrderIsTimeOrder() {
        // the purge reads the index as a range of its first keys: string order must be time order
        final long[] times = {0, 9, 10, 1_764_000_000_000L, 1_764_000_000_001L, 99_999_999_999_999L};
        final List<String> keys = new ArrayList<>();
        for (final long time : times) {
            keys.add(StoreRetention.indexKey(time, "a", "k"));
        }
        assertThat(keys).isSorted();
        assertThat(StoreRetention.indexKey(1_764_000_000_000L, "r", "report-1")).isEqualTo("t|001764000000000|r|report-1");
        assertThat(StoreRetention.indexKey(7, "d", "x")).isEqualTo("t|000000000000007|d|x");
    }

    @Test
    void shouldMoveAKeysIndexEntryWhenTouchedAgainAfterARestart() {
        // Given a key touched at 100, then the task restarted (a new StoreRetention over the same stores)
        final KeyValueStore<String, Long> index = store("index");
        final KeyValueStore<String, Long> articles = store("articles");
        articles.put("x", 1L);
        new StoreRetention(index, Map.of("a", articles), (store, key, time) -> { }).touch("a", "x", 100);
        final StoreRetention restarted = new StoreRetention(index, Map.of("a", articles), (store, key, time) -> { });

        // When it is touched again at 200
        restarted.touch("a", "x", 200);

        // Then its one index entry is the new one (the last touch was rebuilt from the index, so the old entry moved):
        // a purge before 150 keeps it, one before 201 deletes it
        assertThat(keys(index)).containsExactly(StoreRetention.indexKey(200, "a", "x"));
        assertThat(restarted.purgeBefore(150, 10)).isZero();
        assertThat(articles.get("x")).isEqualTo(1L);
        final List<String> forgotten = new ArrayList<>();
        final StoreRetention again = new StoreRetention(index, Map.of("a", articles), (store, key, time) -> forgotten.add(store + key + "@" + time));
        assertThat(again.purgeBefore(201, 10)).isEqualTo(1);
        assertThat(articles.get("x")).isNull();
        assertThat(forgotten).containsExactly("ax@200");
        assertThat(keys(index)).isEmpty();
    }

    @Test
    void shouldDeleteTheOlderLayoutsEntriesAndKeepItsIndexWhenStarted() {
        // Given an index written by the older layout: each key's current time in a k| entry beside its t| entry
        final KeyValueStore<String, Long> index = store("index");
        final KeyValueStore<String, Long> reports = store("reports");
        reports.put("r1", 1L);
        index.put("k|r|r1", 100L);
        index.put(StoreRetention.indexKey(100, "r", "r1"), 100L);

        // When the step starts and touches the key again
        final StoreRetention retention = new StoreRetention(index, Map.of("r", reports), (store, key, time) -> { });
        retention.touch("r", "r1", 300);

        // Then the k| entry is gone (it would otherwise stay forever) and the t| entry moved to the new touch
        assertThat(keys(index)).containsExactly(StoreRetention.indexKey(300, "r", "r1"));
    }

    @Test
    void shouldDropEntriesOfStoresItNoLongerRetainsWhenStarted() {
        // Given an index that also retained reports and digests one by one, as the articles step once did
        final KeyValueStore<String, Long> index = store("index");
        final KeyValueStore<String, Long> articles = store("articles");
        articles.put("a1", 1L);
        index.put(StoreRetention.indexKey(100, "r", "r1"), 100L);
        index.put(StoreRetention.indexKey(100, "d", "desk|digest"), 100L);
        index.put(StoreRetention.indexKey(100, "a", "a1"), 100L);

        // When the step starts retaining articles only, and purges
        final List<String> forgotten = new java.util.ArrayList<>();
        final StoreRetention retention = new StoreRetention(index, Map.of("a", articles), (store, key, time) -> forgotten.add(store + ":" + key));
        retention.purgeBefore(200, 10);

        // Then the other stores' entries went at start (a purge would not know their stores), and the article went
        assertThat(keys(index)).isEmpty();
        assertThat(forgotten).containsExactly("a:a1");
        assertThat(articles.get("a1")).isNull();
    }

    private static KeyValueStore<String, Long> store(final String name) {
        final KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    private static List<String> keys(final KeyValueStore<String, Long> store) {
        final List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining((final KeyValue<String, Long> entry) -> keys.add(entry.key));
        }
        return keys;
    }
}
