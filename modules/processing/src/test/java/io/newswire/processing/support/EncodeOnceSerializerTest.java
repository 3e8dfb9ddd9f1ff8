package io.newswire.processing.support;

import io.newswire.serde.ConfluentWireFormat;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EncodeOnceSerializerTest {

    /** Frames a value's text under a schema id per topic, counting encodings. */
    private static final class CountingSerializer implements Serializer<StringBuilder> {
        private final Map<String, Integer> ids;
        private final AtomicInteger encodings = new AtomicInteger();

        CountingSerializer(final Map<String, Integer> ids) {
            this.ids = ids;
        }

        @Override
        public byte[] serialize(final String topic, final StringBuilder data) {
            encodings.incrementAndGet();
            return ConfluentWireFormat.frame(ids.get(topic), data.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private final CountingSerializer inner = new CountingSerializer(Map.of("store", 7, "updates", 7, "latest", 9));
    private final EncodeOnceSerializer<StringBuilder> serializer = new EncodeOnceSerializer<>(inner);

    @Test
    void shouldEncodeTheSameInstanceOnceForEveryTopicOnceEachTopicIdIsKnown() {
        // Given each topic's id learnt from a first encoding
        warmUp();
        inner.encodings.set(0);
        // When one new version goes to the store and both topics
        final StringBuilder version = new StringBuilder("version 2");
        final byte[] store = serializer.serialize("store", version);
        final byte[] updates = serializer.serialize("updates", version);
        final byte[] latest = serializer.serialize("latest", version);
        // Then it was encoded once; the same id gives the same bytes, another id the same body under its header
        assertThat(inner.encodings).hasValue(1);
        assertThat(updates).isSameAs(store);
        assertThat(ConfluentWireFormat.schemaId(latest)).isEqualTo(9);
        assertThat(Arrays.copyOfRange(latest, 5, latest.length)).isEqualTo(Arrays.copyOfRange(store, 5, store.length));
        assertThat(latest).isEqualTo(inner.serialize("latest", version));
    }

    @Test
    void shouldEncodeAnotherInstanceAgainEvenWhenEqual() {
        warmUp();
        inner.encodings.set(0);
        serializer.serialize("updates", new StringBuilder("same text"));
        final byte[] second = serializer.serialize("updates", new StringBuilder("other text"));
        assertThat(inner.encodings).hasValue(2);
        assertThat(new String(second, 5, second.length - 5, StandardCharsets.UTF_8)).isEqualTo("other text");
    }

    @Test
    void shouldEncodeForATopicWhoseIdItHasNotSeenYet() {
        final StringBuilder version = new StringBuilder("v1");
        serializer.serialize("store", version);
        final byte[] latest = serializer.serialize("latest", version);
        assertThat(ConfluentWireFormat.schemaId(latest)).isEqualTo(9);
        assertThat(inner.encodings).hasValue(2);
    }

    @Test
    void shouldKeepANullATombstone() {
        assertThat(serializer.serialize("latest", null)).isNull();
    }

    private void warmUp() {
        for (final String topic : new String[] {"store", "updates", "latest"}) {
            serializer.serialize(topic, new StringBuilder("warm-up " + topic));
        }
    }
}
