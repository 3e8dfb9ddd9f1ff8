package io.newswire.enrichment.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PhraseMatcherTest {

    private static final MatchingTextNormalizer NORMALIZER = new MatchingTextNormalizer();

    private static List<PhraseMatcher.Match<String>> find(final PhraseMatcher<String> matcher, final String text) {
        return matcher.find(new ReportText(List.of(new ReportText.Field("body", text))));
    }

    @Test
    void shouldFindANameUnderProcliticsAndTheArticle() {
        final PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(NORMALIZER).add("الرقة", "raqqa").build();
        // و + ب + ال, ل + ال written لل, ب alone, and the article dropped by the writer
        for (final String written : List.of("وبالرقة", "للرقة", "بالرقة", "والرقة", "الرقة")) {
            assertThat(find(matcher, "قصف على " + written + " اليوم")).as(written)
                    .singleElement().satisfies(m -> assertThat(m.entries()).containsExactly("raqqa"));
        }
    }

    @Test
    void shouldMeetOtherOrthographies() {
        // given a name written with hamza and teh marbuta, and a text without hamza, with heh and tatweel
        final PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(NORMALIZER).add("الأتارب", "atarib").add("الرقة", "raqqa").build();
        final List<PhraseMatcher.Match<String>> matches = find(matcher, "من الاتارب الى الرقـــه");
        assertThat(matches).extracting(m -> m.entries().get(0)).containsExactly("atarib", "raqqa");
    }

    @Test
    void shouldPreferTheLongestPhraseAndGiveTheSpanAsWritten() {
        final PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(NORMALIZER)
                .add("حلب", "aleppo").add("ريف حلب", "aleppo-countryside").add("ريف حلب الشمالي", "aleppo-north").build();
        final String text = "في ريف حلب الشمالي وفي حلب";
        final ReportText report = new ReportText(List.of(new ReportText.Field("body", text)));
        final List<PhraseMatcher.Match<String>> matches = matcher.find(report);
        assertThat(matches).extracting(m -> m.entries().get(0)).containsExactly("aleppo-north", "aleppo");
        assertThat(matches.get(0).text(report)).isEqualTo("ريف حلب الشمالي");
        assertThat(matches.get(1).text(report)).isEqualTo("وفي حلب".substring(4));
        assertThat(matches.get(1).proclitic()).isEmpty();
    }

    @Test
    void shouldPreferTheWordAsWrittenOverAShorterNameInsideIt() {
        // "لبنان" is a country, not ل + a place called "بنان"
        final PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(NORMALIZER).add("لبنان", "lebanon").add("بنان", "other").build();
        assertThat(find(matcher, "عاد الى لبنان")).singleElement().satisfies(m -> assertThat(m.entries()).containsExactly("lebanon"));
    }

    @Test
    void shouldKeepEveryEntryOfAnAmbiguousPhrase() {
        final PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(NORMALIZER).add("الرقة", "raqqa-sy").add("الرقه", "raqqa-kw").build();
        assertThat(find(matcher, "الرقة")).singleElement().satisfies(m -> assertThat(m.entries()).containsExactly("raqqa-sy", "raqqa-kw"));
    }

    @Test
    void shouldMatchEnglishCaseFoldedAndPossessive() {
        final PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(NORMALIZER).add("Deir ez-Zor", "deir").add("Aleppo", "aleppo").build();
        assertThat(find(matcher, "In DEIR EZ-ZOR and Aleppo's east")).extracting(m -> m.entries().get(0)).containsExactly("deir", "aleppo");
    }

    @Test
    void shouldNotMatchAcrossFieldsOrPartialPhrases() {
        final PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(NORMALIZER).add("تل أبيض", "tal-abyad").build();
        assertThat(find(matcher, "تل الزعتر وأبيض")).isEmpty();
        final ReportText two = new ReportText(List.of(new ReportText.Field("headline", "تل"), new ReportText.Field("body", "أبيض")));
        assertThat(matcher.find(two)).isEmpty();
    }
}
