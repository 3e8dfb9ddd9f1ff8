package io.newswire.enrichment.dates;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DateVocabularyTest {

    @Test
    void shouldCoverEveryArabicMonthNameTheJdkHasWhenAnotherLocaleIsAdded() {
        // if a JDK update brings an Arabic locale with a naming of its own, this says so
        final Set<String> known = new HashSet<>();
        DateVocabulary.arabicMonths().values().forEach(set -> known.addAll(set.keySet()));
        assertThat(known).containsAll(DateVocabulary.everyCldrArabicMonthName());
    }

    @Test
    void shouldKeepBothMonthSetsApartWhenDerivedFromCldr() {
        final Map<String, Map<String, Integer>> sets = DateVocabulary.arabicMonths();
        assertThat(sets.get(DateVocabulary.LEVANT)).containsEntry("كانون الثاني", 1).containsEntry("آب", 8).containsEntry("كانون الأول", 12);
        assertThat(sets.get(DateVocabulary.EGYPT_GULF)).containsEntry("يناير", 1).containsEntry("أغسطس", 8).containsEntry("ديسمبر", 12);
        assertThat(sets.get(DateVocabulary.MAGHREB)).containsEntry("ماي", 5).containsEntry("يوليوز", 7).containsEntry("جانفي", 1)
                .doesNotContainKey("مارس"); // shared with the Egyptian naming, kept there
    }

    @Test
    void shouldNameEveryDayOfAMonthWhenBuildingOrdinals() {
        final Map<String, Integer> ordinals = DateVocabulary.ordinals();
        assertThat(new HashSet<>(ordinals.values())).hasSize(31);
        assertThat(ordinals).containsEntry("الخامس عشر", 15).containsEntry("العشرين", 20).containsEntry("الحادي والعشرين", 21)
                .containsEntry("الحادي والثلاثين", 31).doesNotContainValue(32);
    }

    @Test
    void shouldTakeHijriMonthNamesFromTheJdk() {
        assertThat(DateVocabulary.hijriMonths()).containsEntry("رمضان", 9).containsEntry("ذو الحجة", 12).containsEntry("ذي الحجة", 12);
    }
}
