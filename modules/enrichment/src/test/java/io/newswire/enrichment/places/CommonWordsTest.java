package io.newswire.enrichment.places;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommonWordsTest {

    private static final MatchingTextNormalizer NORMALIZER = new MatchingTextNormalizer();
    private static final CommonWords BUILT_IN = CommonWords.builtIn(NORMALIZER);

    private static CommonWords.Level level(final CommonWords words, final String text) {
        return words.level(NORMALIZER.matchingForm(text));
    }

    @Test
    void shouldListMonthsAndWeekdaysFromCldrInBothArabicSetsAndEnglish() {
        assertThat(level(BUILT_IN, "الخميس")).isEqualTo(CommonWords.Level.STOP);
        assertThat(level(BUILT_IN, "كانون الثاني")).isEqualTo(CommonWords.Level.STOP);
        assertThat(level(BUILT_IN, "أيار")).isEqualTo(CommonWords.Level.STOP);
        assertThat(level(BUILT_IN, "يونيو")).isEqualTo(CommonWords.Level.STOP);
        assertThat(level(BUILT_IN, "March")).isEqualTo(CommonWords.Level.STOP);
    }

    @Test
    void shouldMeetTheListInAnyOrthography() {
        // listed as السلام and الجديدة; written with a hamza variant, heh for teh marbuta
        assertThat(level(BUILT_IN, "السلام")).isEqualTo(CommonWords.Level.STOP);
        assertThat(level(BUILT_IN, "الجديده")).isEqualTo(CommonWords.Level.WEAK);
        assertThat(level(BUILT_IN, "إبراهيم")).isEqualTo(CommonWords.Level.STOP);
        // Lucene's function words and the dictionary-derived list are in too
        assertThat(level(BUILT_IN, "بين")).isEqualTo(CommonWords.Level.STOP);
        assertThat(level(BUILT_IN, "الاتحاد")).isEqualTo(CommonWords.Level.WEAK);
        // and a city is not
        assertThat(level(BUILT_IN, "حلب")).isNull();
    }

    @Test
    void shouldLetStopWinOverWeakAndRejectAMalformedLine() throws IOException {
        final CommonWords words = CommonWords.read(new ByteArrayInputStream("نور\tweak\nنور\tstop # twice\n".getBytes(StandardCharsets.UTF_8)), NORMALIZER);
        assertThat(level(words, "نور")).isEqualTo(CommonWords.Level.STOP);
        assertThatThrownBy(() -> CommonWords.read(new ByteArrayInputStream("نور\n".getBytes(StandardCharsets.UTF_8)), NORMALIZER))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1");
    }
}
