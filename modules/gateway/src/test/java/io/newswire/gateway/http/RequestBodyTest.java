package io.newswire.gateway.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyTest {

    @Test
    void shouldRefuseByDeclaredLengthBeforeReadingAnything() {
        final ByteArrayInputStream never = new ByteArrayInputStream(new byte[0]) {
            @Override
            public synchronized int read(final byte[] b, final int off, final int len) {
                throw new AssertionError("the body must not be read when Content-Length is already too large");
            }
        };

        assertThatThrownBy(() -> RequestBody.readUtf8(never, 10_000, 1_024))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().status()).isEqualTo(413));
    }

    @Test
    void shouldRefuseAChunkedBodyThatGrowsPastTheLimit() {
        assertThatThrownBy(() -> RequestBody.readUtf8(new ByteArrayInputStream(new byte[2_000]), -1, 1_024))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().status()).isEqualTo(413));
    }

    @Test
    void shouldNameTheByteWhereUtf8Breaks() {
        final byte[] bytes = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> RequestBody.readUtf8(new ByteArrayInputStream(bytes), bytes.length, 1_024))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.problem().status()).isEqualTo(400);
                    assertThat(f.problem().detail()).contains("byte 2");
                });
    }

    @Test
    void shouldReadArabicUtf8Intact() {
        final byte[] bytes = "{\"h\":\"الرقة\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(RequestBody.readUtf8(new ByteArrayInputStream(bytes), bytes.length, 1_024)).isEqualTo("{\"h\":\"الرقة\"}");
    }

    @Test
    void shouldAcceptJsonWithUtf8CharsetAndRefuseOtherTypesAndCharsets() {
        RequestBody.checkMediaType("application/json; charset=UTF-8", "application/json");
        assertThatThrownBy(() -> RequestBody.checkMediaType("text/plain", "application/json"))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().status()).isEqualTo(415));
        assertThatThrownBy(() -> RequestBody.checkMediaType("application/json; charset=windows-1256", "application/json"))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().detail()).contains("windows-1256"));
        assertThatThrownBy(() -> RequestBody.checkMediaType(null, "application/json"))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().status()).isEqualTo(415));
    }

    @Test
    void shouldDropOneLeadingByteOrderMarkAndKeepEverythingElse() {
        // Given UTF-8 with a BOM, as some Windows editors save it, and a BOM inside the text
        final byte[] bytes = "\uFEFF{\"h\":\"\uFEFFالرقة\"}".getBytes(StandardCharsets.UTF_8);

        // Then only the leading one goes
        assertThat(RequestBody.readUtf8(new ByteArrayInputStream(bytes), bytes.length, 1_024)).isEqualTo("{\"h\":\"\uFEFFالرقة\"}");
    }

    @Test
    void shouldRefuseATruncatedMultiByteCharacterAtTheEnd() {
        // the first byte of a two-byte Arabic letter, and nothing after it
        final byte[] bytes = {'{', '}', (byte) 0xD8};

        assertThatThrownBy(() -> RequestBody.readUtf8(new ByteArrayInputStream(bytes), bytes.length, 1_024))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.INVALID_UTF8));
    }

    @Test
    void shouldAnswerIncompleteBodyWhenTheConnectionBreaks() {
        final java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.EOFException("early EOF");
            }
        };

        assertThatThrownBy(() -> RequestBody.readUtf8(broken, 500, 1_024))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.INCOMPLETE_BODY));
    }
}
