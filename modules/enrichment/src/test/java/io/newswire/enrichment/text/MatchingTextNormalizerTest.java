package io.newswire.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingTextNormalizerTest {

    private final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();

    @Test
    void shouldFoldAlefVariantsTehMarbutaAndAlefMaqsura() {
        // إ أ آ -> ا ; ة -> ه ; ى -> ي : spellings correspondents mix freely
        assertThat(normalizer.matchingForm("إدلب أريحا آمنة مدينة مستشفى"))
                .isEqualTo(normalizer.matchingForm("ادلب اريحا امنه مدينه مستشفي"));
    }

    @Test
    void shouldRemoveDiacriticsAndTatweel() {
        assertThat(normalizer.matchingForm("مُـــراسِلُنا")).isEqualTo(normalizer.matchingForm("مراسلنا"));
    }

    @Test
    void shouldTurnEasternArabicAndPersianDigitsIntoAscii() {
        assertThat(normalizer.matchingForm("٢٥٠ مدنياً و۱۲ طفلاً")).contains("250").contains("12");
    }

    @Test
    void shouldCaseFoldLatinText() {
        assertThat(normalizer.matchingForm("SDF Forces in RAQQA")).isEqualTo("sdf forces in raqqa");
    }

    @Test
    void shouldStemCliticsSoInflectedFormsMeet() {
        // "and the civilians" and "civilian": the conjunction, article and plural suffix come off
        assertThat(normalizer.features("والمدنيين")).isEqualTo(normalizer.features("مدنيين"));
        assertThat(normalizer.features("reported reports")).containsExactly("report", "report");
    }

    @Test
    void shouldDropStopWordsFromFeatures() {
        assertThat(normalizer.features("قال إن الوضع في المدينة")).doesNotContain("في", "ان");
        assertThat(normalizer.features("the water in the city")).containsExactly("water", "citi");
    }

    @Test
    void shouldFoldHamzaOnWawAndYehSeats() {
        // a writer who skips the hamza puts the bare seat: "سايق" for "سائق", "موسسة" for "مؤسسة"
        assertThat(normalizer.matchingForm("سائق مؤسسة")).isEqualTo(normalizer.matchingForm("سايق موسسة"));
    }

    @Test
    void shouldMeetWordsWithAndWithoutProcliticsOrPronouns() {
        // "in Damascus" written attached or apart, "their shops" and "shops"
        assertThat(normalizer.features("بدمشق وبالقصف")).isEqualTo(normalizer.features("دمشق القصف"));
        assertThat(normalizer.features("محالهم")).isEqualTo(normalizer.features("المحال"));
    }
}
