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

    @Test
    void shouldFindTheSameWhetherTheWordsCarryTheirKeysOrNot() {
        // given several dictionaries over one field's tokens, as the steps run them (the keys worked out once)
        final PhraseMatcher<String> places = PhraseMatcher.<String>builder(NORMALIZER).add("الرقة", "raqqa").add("ريف حلب", "aleppo-countryside")
                .add("Aleppo", "aleppo").build();
        final PhraseMatcher<String> verbs = PhraseMatcher.<String>builder(NORMALIZER).add("قال", "said").add("بحسب", "according-to").build();
        final String text = "وقال مصدر إن القصف طال وبالرقة وريف حلب، بحسب ما أفاد Aleppo's residents";
        final List<Token> tokens = NORMALIZER.tokens("body", text);
        assertThat(tokens).isInstanceOf(TokenList.class);
        final List<Token> plain = new java.util.ArrayList<>(tokens);
        for (final PhraseMatcher<String> matcher : List.of(places, verbs, places)) {
            // then a plain list of the same tokens, and a sublist of them, give the very same matches
            assertThat(matcher.find(tokens)).isEqualTo(matcher.find(plain)).isNotEmpty();
            assertThat(matcher.find(tokens.subList(3, tokens.size()))).isEqualTo(matcher.find(plain.subList(3, plain.size())));
        }
        assertThat(places.find(tokens)).extracting(m -> m.entries().get(0)).containsExactly("raqqa", "aleppo-countryside", "aleppo");
        assertThat(places.find(tokens)).extracting(PhraseMatcher.Match::proclitic).containsExactly("\u0648\u0628\u0627\u0644", "\u0648", "");
    }
}
