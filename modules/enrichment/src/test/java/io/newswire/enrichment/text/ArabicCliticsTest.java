package io.newswire.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArabicCliticsTest {

    private static String withoutSuffix(final String word) {
        return word.substring(0, ArabicClitics.withoutSuffix(word.toCharArray(), word.length()));
    }

    private static String withoutProclitic(final String word) {
        return word.substring(ArabicClitics.procliticLength(word.toCharArray(), word.length()));
    }

    @Test
    void shouldTakeAttachedPronounsAndVerbPluralEndingsOff() {
        assertThat(withoutSuffix("محالهم")).isEqualTo("محال");
        assertThat(withoutSuffix("اغلقوا")).isEqualTo("اغلق");
        assertThat(withoutSuffix("مراسلنا")).isEqualTo("مراسل");
    }

    @Test
    void shouldTakeOneProcliticOff() {
        assertThat(withoutProclitic("بدمشق")).isEqualTo("دمشق");
        assertThat(withoutProclitic("لقصف")).isEqualTo("قصف");
        assertThat(withoutProclitic("كمدينه")).isEqualTo("مدينه");
        // what Lucene's one prefix (و) leaves of "وبالقصف" and "وللمدينه"
        assertThat(withoutProclitic("بالقصف")).isEqualTo("قصف");
        assertThat(withoutProclitic("للمدينه")).isEqualTo("مدينه");
    }

    @Test
    void shouldNeverLeaveAStemShorterThanThreeLetters() {
        assertThat(withoutProclitic("بيت")).isEqualTo("بيت");
        assertThat(withoutSuffix("فهم")).isEqualTo("فهم");
        assertThat(withoutSuffix("هنا")).isEqualTo("هنا");
    }
}
