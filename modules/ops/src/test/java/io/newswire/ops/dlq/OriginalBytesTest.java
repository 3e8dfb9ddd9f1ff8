package io.newswire.ops.dlq;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OriginalBytesTest {

    @Test
    void shouldShowHexAndTextWhenTheBytesAreNotWireFormatAvro() {
        // Given bytes without the wire format's magic byte: the decoder must not even be asked
        final OriginalBytes shown = OriginalBytes.of("{not avro".getBytes(StandardCharsets.UTF_8), b -> {
            throw new AssertionError("asked to decode non-wire-format bytes");
        });

        assertThat(shown.encoding()).isEqualTo("hex");
        assertThat(shown.hex()).isEqualTo("7b6e6f74206176726f");
        assertThat(shown.text()).isEqualTo("{not avro");
    }

    @Test
    void shouldDecodeWhenTheRegistryKnowsTheSchemaAndFallBackToHexWhenNot() {
        final byte[] framed = {0, 0, 0, 0, 7, 2, 'a'};

        assertThat(OriginalBytes.of(framed, b -> Optional.of("{\"a\":1}")).decoded()).isEqualTo("{\"a\":1}");
        final OriginalBytes unknown = OriginalBytes.of(framed, b -> Optional.empty());
        assertThat(unknown.encoding()).isEqualTo("hex");
        assertThat(unknown.hex()).isEqualTo("00000000070261");
        assertThat(OriginalBytes.of(null, b -> Optional.empty()).encoding()).isEqualTo("none");
    }

    @Test
    void shouldLeaveTextOutWhenTheBytesAreNotUtf8() {
        assertThat(OriginalBytes.of(new byte[]{(byte) 0xff, (byte) 0xfe, 1}, b -> Optional.empty()).text()).isNull();
    }
}
