package io.newswire.serde;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfluentWireFormatTest {

    @Test
    void shouldWriteMagicByteThenBigEndianIdThenBody() {
        final byte[] framed = ConfluentWireFormat.frame(0x01020304, new byte[] {42, 43});

        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 42, 43);
        assertThat(ConfluentWireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(0x01020304);
    }

    @Test
    void shouldReadTheBodyWithoutTheHeaderWhenAskedForIt() {
        final ByteBuffer body = ConfluentWireFormat.body(ConfluentWireFormat.frame(7, new byte[] {42, 43}));

        assertThat(body.remaining()).isEqualTo(2);
        assertThat(body.get(0)).isEqualTo((byte) 42);
        assertThat(body.isReadOnly()).isTrue();
    }

    @Test
    void shouldRoundTripTheLargestId() {
        assertThat(ConfluentWireFormat.schemaId(ConfluentWireFormat.frame(Integer.MAX_VALUE, new byte[0]))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldRejectAWrongMagicByteNamingItAndTheFirstBytes() {
        // 0x7b is '{': JSON written to an Avro topic by mistake
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0x7b, 0x22, 0, 0, 1, 2}))
                .isInstanceOf(ConfluentWireFormat.WireFormatException.class)
                .hasMessageContaining("magic byte 0x7b")
                .hasMessageContaining("0x7b2200000102");
    }

    @Test
    void shouldNameConfluentsGuidFramingWhenTheMagicByteIsOne() {
        final byte[] guid = new byte[17];
        guid[0] = 1;
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(guid))
                .isInstanceOf(ConfluentWireFormat.WireFormatException.class)
                .hasMessageContaining("GUID");
    }

    @Test
    void shouldRejectDataShorterThanTheHeader() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 0, 1}))
                .isInstanceOf(ConfluentWireFormat.WireFormatException.class)
                .hasMessageContaining("Truncated")
                .hasMessageContaining("got 3");
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[0]))
                .isInstanceOf(ConfluentWireFormat.WireFormatException.class)
                .hasMessageContaining("Empty");
    }
}
