package io.newswire.serde;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfluentWireFormatTest {

    @Test
    void shouldWriteMagicByteThenBigEndianIdThenBody() {
        final byte[] framed = ConfluentWireFormat.frame(0x01020304, new byte[] {42, 43});

        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 42, 43);
        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(0x01020304);
        assertThat(ConfluentWireFormat.body(framed).remaining()).isEqualTo(2);
    }

    @Test
    void shouldRejectAWrongMagicByteNamingIt() {
        // 0x7b is '{': JSON written to an Avro topic by mistake
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0x7b, 0, 0, 0, 1, 2}))
                .isInstanceOf(ConfluentWireFormat.WireFormatException.class)
                .hasMessageContaining("0x7b");
    }

    @Test
    void shouldRejectDataShorterThanTheHeader() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 0, 1}))
                .isInstanceOf(ConfluentWireFormat.WireFormatException.class)
                .hasMessageContaining("got 3");
    }
}
