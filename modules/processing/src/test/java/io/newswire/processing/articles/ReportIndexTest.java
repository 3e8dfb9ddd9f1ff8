package io.newswire.processing.articles;

import io.newswire.processing.support.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportIndexTest {

    private static final String DIGEST_A = "a".repeat(64);
    private static final String DIGEST_B = "b".repeat(64);

    @Test
    void shouldFindTheFirstReportOfADeskWithATextAndRebuildThatFromTheStore() {
        // Given two reports of one text on one desk, and the same text on another desk
        final KeyValueStore<String, ReportMemory> store = store();
        final ReportIndex index = new ReportIndex(store);
        remember(store, index, memory("r1", "art1", DIGEST_A, "syria"));
        remember(store, index, memory("r2", "art1", DIGEST_A, "syria"));
        remember(store, index, memory("r3", "art2", DIGEST_A, "iraq"));

        // Then each desk finds its own first report of the text, and no report of a text it has not seen
        assertThat(index.withText("syria", DIGEST_A).reportId()).isEqualTo("r1");
        assertThat(index.withText("iraq", DIGEST_A).reportId()).isEqualTo("r3");
        assertThat(index.withText("syria", DIGEST_B)).isNull();
        assertThat(index.withText("lebanon", DIGEST_A)).isNull();

        // and a task started on the same store (a restart, a moved task) knows the same
        final ReportIndex rebuilt = new ReportIndex(store);
        assertThat(rebuilt.withText("syria", DIGEST_A).reportId()).isEqualTo("r1");
        assertThat(rebuilt.reportsHeld()).isEqualTo(3);
    }

    @Test
    void shouldForgetAnArticlesReportsFromTheStoreAndTheIndex() {
        final KeyValueStore<String, ReportMemory> store = store();
        final ReportIndex index = new ReportIndex(store);
        remember(store, index, memory("r1", "art1", DIGEST_A, "syria"));
        remember(store, index, memory("r2", "art1", DIGEST_B, "syria"));
        remember(store, index, memory("r3", "art2", "c".repeat(64), "syria"));

        assertThat(index.forgetArticle("art1")).containsExactly("r1", "r2");

        assertThat(store.get("r1")).isNull();
        assertThat(store.get("r2")).isNull();
        assertThat(store.get("r3")).isNotNull();
        assertThat(index.withText("syria", DIGEST_A)).isNull();
        assertThat(index.forgetArticle("art1")).isEmpty();
        assertThat(new ReportIndex(store).reportsHeld()).isEqualTo(1);
    }

    @Test
    void shouldKnowTheTextOfMemoriesWrittenBeforeDesksWereKeptFromTheReportDesksTable() {
        final KeyValueStore<String, ReportMemory> store = store();
        store.put("old", new ReportMemory("old", "art1", "reem", "c1", DIGEST_A, 1L, null));
        store.put("older", new ReportMemory("older", "art2", "reem", "c2", DIGEST_B, 1L, null));

        final ReportIndex index = new ReportIndex(store, id -> "old".equals(id) ? "syria" : null);

        assertThat(index.withText("syria", DIGEST_A).reportId()).isEqualTo("old");
        assertThat(index.withText("syria", DIGEST_B)).isNull(); // the table no longer knows its desk: not scoped
        assertThat(index.forgetArticle("art1")).containsExactly("old");
        assertThat(index.withText("syria", DIGEST_A)).isNull();
        assertThat(index.forgetArticle("art2")).containsExactly("older"); // still forgotten with its article
        assertThat(store.get("old")).isNull();
        assertThat(store.get("older")).isNull();
    }

    @Test
    void shouldNotTakeADifferentTextWithTheSameKeyForAResend() {
        // the index keys texts by 64 bits; a hit is checked against the report's own memory
        final KeyValueStore<String, ReportMemory> store = store();
        final ReportIndex index = new ReportIndex(store);
        final String sameFirstBits = DIGEST_A.substring(0, 16) + "f".repeat(48);
        remember(store, index, memory("r1", "art1", DIGEST_A, "syria"));

        assertThat(ReportIndex.textKey("syria", sameFirstBits)).isEqualTo(ReportIndex.textKey("syria", DIGEST_A));
        assertThat(index.withText("syria", sameFirstBits)).isNull();
    }

    private static void remember(final KeyValueStore<String, ReportMemory> store, final ReportIndex index, final ReportMemory memory) {
        store.put(memory.reportId(), memory);
        index.add(memory);
    }

    private static ReportMemory memory(final String id, final String article, final String digest, final String desk) {
        return new ReportMemory(id, article, "reem", "content-" + id, digest, 1_000L, desk);
    }

    private static KeyValueStore<String, ReportMemory> store() {
        final KeyValueStore<String, ReportMemory> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("reports"),
                Serdes.String(), new JsonSerde<>(ReportMemory.class)).withLoggingDisabled().build();
        final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
