package io.newswire.gateway.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {

    @Test
    void shouldRefuseAKeyRepeatedInOneObject() {
        // two headlines: a proxy, a log viewer and we might each pick a different one, so none is picked
        assertThatThrownBy(() -> JsonBody.parse("{\"headline\":\"أ\",\"body\":[\"x\"],\"headline\":\"ب\"}", ""))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.problem().type()).isEqualTo(ProblemType.MALFORMED_JSON);
                    assertThat(f.problem().detail()).contains("headline").contains("line 1");
                });
    }

    @Test
    void shouldRefuseContentAfterTheDocumentAndAnEmptyBody() {
        assertThatThrownBy(() -> JsonBody.parse("{\"a\":1} {\"b\":2}", ""))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().type()).isEqualTo(ProblemType.MALFORMED_JSON));
        assertThatThrownBy(() -> JsonBody.parse("   ", ""))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().detail()).contains("empty"));
    }

    @Test
    void shouldFailFastOnHostileNestingInsteadOfOverflowingTheStack() {
        // Given 100,000 nested arrays: far past Jackson's nesting limit
        final String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> JsonBody.parse(deep, ""))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.problem().status()).isEqualTo(400));
    }

    @Test
    void shouldKeepTheLocationShortWhenTheMessageQuotesHugeInput() {
        final String huge = "{\"a\": tru" + "e".repeat(50_000) + "}";

        assertThatThrownBy(() -> JsonBody.parse(huge, "line 7: "))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.problem().detail()).startsWith("line 7: malformed JSON at line 1");
                    assertThat(f.problem().detail().length()).isLessThan(400);
                });
    }
}
