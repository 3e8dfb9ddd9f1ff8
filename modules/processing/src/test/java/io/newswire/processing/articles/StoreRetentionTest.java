package io.newswire.processing.articles;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
}
