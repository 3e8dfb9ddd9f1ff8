package io.newswire.enrichment.urgency;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CasualtyCounterTest {

    private static final CasualtyCounter COUNTER = CasualtyCounter.fromClasspath(new MatchingTextNormalizer());

    private static List<Casualty> find(final String text) {
        return COUNTER.find("body", text);
    }

    @Test
    void shouldGiveEachNumberToTheNearestCasualtyWordWhenKilledAndWoundedShareASentence() {
        final String text = "أسفر القصف عن مقتل 5 مدنيين وإصابة 7 آخرين";
        final List<Casualty> found = find(text);
        assertThat(found).extracting(Casualty::kind, Casualty::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Casualty.Kind.KILLED, 5L), org.assertj.core.groups.Tuple.tuple(Casualty.Kind.WOUNDED, 7L));
        assertThat(found.get(0).text()).isEqualTo("مقتل 5");
        assertThat(text.substring(found.get(1).start(), found.get(1).end())).isEqualTo("وإصابة 7");
    }

    @Test
    void shouldReadEasternDigitsAndThousandsSeparators() {
        assertThat(find("قُتل ١٢ شخصاً")).singleElement().satisfies(c -> {
            assertThat(c.count()).isEqualTo(12);
            assertThat(c.figure()).isEqualTo("١٢");
        });
        assertThat(find("the death toll rose to 1,200")).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(1200));
    }

    @Test
    void shouldCountNumberWordsAtTheirLowerBound() {
        assertThat(find("سقوط عشرات القتلى والجرحى")).extracting(Casualty::count).first().isEqualTo(20L);
        assertThat(find("hundreds were wounded")).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Casualty.Kind.WOUNDED);
            assertThat(c.count()).isEqualTo(200);
        });
        assertThat(find("ثلاثة قتلى")).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(3));
    }

    @Test
    void shouldNotCountYearsDatesDistancesOrAges() {
        // a year, a date, a distance and an age next to casualty words are not tolls
        assertThat(find("قتلى عام 2017")).isEmpty();
        assertThat(find("قتلى بتاريخ 12/10/2017")).isEmpty();
        assertThat(find("سقط قتلى على بعد 12 كم من المدينة")).isEmpty();
        assertThat(find("killed, aged 30 years")).isEmpty();
    }

    @Test
    void shouldNotReachAcrossASentenceOrBeyondTheWindow() {
        assertThat(find("وصل 40 عنصراً. قتل القائد")).isEmpty();
        assertThat(find("وصل 40 عنصراً من الفصيل الى القرية حيث قتل")).isEmpty();
        assertThat(find("at least 30 people were killed")).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(30));
    }

    @Test
    void shouldReadDigitsAsTheTokenizerGivesThem() {
        assertThat(CasualtyCounter.digits("250")).isEqualTo(250);
        assertThat(CasualtyCounter.digits("1.200")).isEqualTo(1200);
        assertThat(CasualtyCounter.digits("5.5")).isEqualTo(5);
        assertThat(CasualtyCounter.digits("3rd")).isEqualTo(-1);
        assertThat(CasualtyCounter.digits("قتلى")).isEqualTo(-1);
    }
}
