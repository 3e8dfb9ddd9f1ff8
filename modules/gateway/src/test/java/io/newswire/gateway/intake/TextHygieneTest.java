package io.newswire.gateway.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextHygieneTest {

    @Test
    void shouldComposeToNfcWhenTextArrivesDecomposed() {
        // "é" as e + combining acute: NFC makes it one code point, so the same word always compares equal
        final TextHygiene.Cleaned cleaned = TextHygiene.clean("Ce\u0301sar", false);

        assertThat(cleaned.text()).isEqualTo("C\u00e9sar");
    }

    @Test
    void shouldStripBidiOverridesAndIsolatesWithAFlag() {
        // U+202E (RLO) would make "evil" render reversed in a headline: the "Trojan Source" trick
        final TextHygiene.Cleaned cleaned = TextHygiene.clean("عاجل \u202Elive\u202C \u2066x\u2069", false);

        assertThat(cleaned.text()).isEqualTo("عاجل live x");
        assertThat(cleaned.strippedBidiControls()).isTrue();
    }

    @Test
    void shouldKeepDirectionMarksArabicTypingUses() {
        final String text = "قال \u200Fمراسلنا\u200E NSO \u061C";

        final TextHygiene.Cleaned cleaned = TextHygiene.clean(text, false);

        assertThat(cleaned.text()).isEqualTo(text);
        assertThat(cleaned.strippedBidiControls()).isFalse();
    }

    @Test
    void shouldRemoveControlCharactersButKeepNewlinesWhereAllowed() {
        assertThat(TextHygiene.clean("a\u0000b\u0007c\r\nd", true).text()).isEqualTo("abc\nd");
        assertThat(TextHygiene.clean("a\nb\tc", false).text()).as("a single-line field gets spaces, not glued words").isEqualTo("a b c");
        assertThat(TextHygiene.clean("a\u0000b", true).strippedControlCharacters()).isTrue();
    }

    @Test
    void shouldLeaveArabicTextExactlyAsWritten() {
        final String text = "وتابع المراسل أنّ \"قسد\" سيطرت على ٣ أحياء، والتنظيم انسحب.";

        assertThat(TextHygiene.clean(text, true).text()).isEqualTo(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC));
    }

    @Test
    void shouldPutASpaceForALineBreakInASingleLineFieldSoWordsStayApart() {
        final TextHygiene.Cleaned cleaned = TextHygiene.clean("نزوح العائلات\r\nمن ريف حلب\tاليوم", false);

        assertThat(cleaned.text()).isEqualTo("نزوح العائلات من ريف حلب اليوم");
        assertThat(cleaned.strippedControlCharacters()).isFalse();
    }

    @Test
    void shouldReportAnUnpairedSurrogateAndKeepAPairedOne() {
        // a lone high surrogate can only come from a JSON escape; an emoji is a proper pair
        assertThat(TextHygiene.clean("a\uD800b", true).unpairedSurrogates()).isTrue();
        assertThat(TextHygiene.clean("b\uDC00", true).unpairedSurrogates()).isTrue();
        final TextHygiene.Cleaned emoji = TextHygiene.clean("عاجل \uD83D\uDCF7", true);
        assertThat(emoji.unpairedSurrogates()).isFalse();
        assertThat(emoji.text()).isEqualTo("عاجل \uD83D\uDCF7");
    }

    @Test
    void shouldStripEveryTrojanSourceControlAndNothingElseOfTheFormatCharacters() {
        for (final int control : TextHygiene.bidiControls()) {
            assertThat(TextHygiene.clean("a" + Character.toString(control) + "b", false).text()).as("U+%04X", control).isEqualTo("ab");
        }
        // ZWNJ and ZWJ shape Arabic and Persian letters; they are kept
        assertThat(TextHygiene.clean("می\u200Cخواهم \u200D", false).text()).isEqualTo("می\u200Cخواهم \u200D");
    }
}
