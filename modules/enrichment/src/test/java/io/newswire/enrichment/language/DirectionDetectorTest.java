package io.newswire.enrichment.language;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.TextDirection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectionDetectorTest {

    @Test
    void shouldGiveEachFieldItsDirectionWhenAnEnglishHeadlineIsOverAnArabicBody() {
        final ReportText text = new ReportText(List.of(
                new ReportText.Field(ReportText.HEADLINE, "Aid convoy reaches besieged town near Daraa"),
                new ReportText.Field(ReportText.DATELINE, "درعا"),
                new ReportText.Field(ReportText.BODY, "وصلت قافلة مساعدات أممية مساء أمس إلى بلدة محاصرة.\nوضمت القافلة عشرين شاحنة."),
                new ReportText.Field(ReportText.CAPTION, "Trucks at the town entrance"),
                new ReportText.Field("caption.2", "٢٠ شاحنة")));
        final Map<String, TextDirection> directions = DirectionDetector.directions(text);
        assertThat(directions).containsExactly(
                Map.entry("headline", TextDirection.LTR), Map.entry("dateline", TextDirection.RTL),
                Map.entry("body", TextDirection.RTL), Map.entry("caption", TextDirection.LTR),
                Map.entry("caption.2", TextDirection.RTL));
        assertThat(DirectionDetector.bodyDirection(text)).isEqualTo(TextDirection.RTL);
    }

    @Test
    void shouldSkipDigitsAndPunctuationWhenLookingForTheFirstStrongCharacter() {
        // Arabic that opens with a figure and a quotation mark is still right-to-left
        assertThat(DirectionDetector.direction("250 \"مدنياً\" خرجوا")).isEqualTo(TextDirection.RTL);
        assertThat(DirectionDetector.direction("٢٥٠ - Civilians left")).isEqualTo(TextDirection.LTR);
        // a right-to-left mark is a strong character: the writer asked for RTL
        assertThat(DirectionDetector.direction("\u200f2017")).isEqualTo(TextDirection.RTL);
    }

    @Test
    void shouldLookPastAnIsolateWhenItOpensTheText() {
        // a Latin name isolated (LRI ... PDI) at the start of an Arabic sentence does not decide (UAX #9 P2)
        assertThat(DirectionDetector.direction("\u2066YPG\u2069 تعلن")).isEqualTo(TextDirection.RTL);
        // not isolated, the Latin word comes first and decides
        assertThat(DirectionDetector.direction("YPG تعلن")).isEqualTo(TextDirection.LTR);
    }

    @Test
    void shouldGiveNoDirectionWhenThereIsNoStrongCharacter() {
        assertThat(DirectionDetector.direction(null)).isNull();
        assertThat(DirectionDetector.direction("")).isNull();
        assertThat(DirectionDetector.direction("12/10/2017 - ١٥")).isNull();
        final ReportText digits = new ReportText(List.of(new ReportText.Field(ReportText.HEADLINE, "عاجل"),
                new ReportText.Field(ReportText.BODY, "2017")));
        assertThat(DirectionDetector.directions(digits)).containsOnlyKeys("headline");
        assertThat(DirectionDetector.bodyDirection(digits)).isNull();
    }
}
