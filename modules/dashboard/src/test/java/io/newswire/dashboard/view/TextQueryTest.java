package io.newswire.dashboard.view;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextQueryTest {

    private final ArticleUpdate article = Versions.aleppo(1, Signal.NEW, "نزوح عائلات من ريف حلب الجنوبي",
            "وصلت العائلات إلى مخيمات قرب بلدة الأتارب يوم ١٢ الشهر");

    @Test
    void shouldMatchOtherSpellingsWhenTheNormalisedFormsAgree() {
        // no hamza on alef, Eastern digits as Western ones, a clitic joined to the word, diacritics
        assertThat(TextQuery.of("الاتارب", Versions.NORMALIZER)).accepts(article);
        assertThat(TextQuery.of("12", Versions.NORMALIZER)).accepts(article);
        assertThat(TextQuery.of("حَلَب", Versions.NORMALIZER)).accepts(article);
        assertThat(TextQuery.of("مخيمات حلب", Versions.NORMALIZER)).accepts(article);
    }

    @Test
    void shouldRefuseWhenAnyWordIsMissingOrTheVersionIsNotEnriched() {
        assertThat(TextQuery.of("حلب دمشق", Versions.NORMALIZER)).rejects(article);
        final ArticleUpdate bare = ArticleUpdate.newBuilder(article).setEnrichment(null).build();
        assertThat(TextQuery.of("حلب", Versions.NORMALIZER)).rejects(bare);
        assertThat(TextQuery.of("  ", Versions.NORMALIZER)).accepts(bare);
    }
}
