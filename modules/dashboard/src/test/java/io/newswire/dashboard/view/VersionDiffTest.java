package io.newswire.dashboard.view;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VersionDiffTest {

    @Test
    void shouldMarkTheReplacedWordsWhenACorrectionChangesAFigure() {
        // Given a correction from 60 families to 80
        final List<Map<String, String>> runs = VersionDiff.runs("نزحت 60 عائلة من ريف حلب", "نزحت 80 عائلة من ريف حلب");

        // Then only the figure is removed and added, and each side can be rebuilt from the runs
        assertThat(runs).extracting(r -> r.get("op") + ":" + r.get("text"))
                .containsExactly("same:نزحت ", "removed:60", "added:80", "same: عائلة من ريف حلب");
        assertThat(side(runs, "removed")).isEqualTo("نزحت 60 عائلة من ريف حلب");
        assertThat(side(runs, "added")).isEqualTo("نزحت 80 عائلة من ريف حلب");
        assertThat(VersionDiff.changed(runs)).isTrue();
    }

    @Test
    void shouldReportNoChangeWhenTheTextsAreEqual() {
        assertThat(VersionDiff.changed(VersionDiff.runs("same text", "same text"))).isFalse();
        assertThat(VersionDiff.runs("", "new paragraph")).extracting(r -> r.get("op")).containsExactly("added");
    }

    private static String side(final List<Map<String, String>> runs, final String op) {
        return runs.stream().filter(r -> r.get("op").equals("same") || r.get("op").equals(op)).map(r -> r.get("text")).reduce("", String::concat);
    }
}
