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
        assertThat(TextHygiene.clean("a\nb\tc", false).text()).isEqualTo("abc");
        assertThat(TextHygiene.clean("a\u0000b", true).strippedControlCharacters()).isTrue();
    }

    @Test
    void shouldLeaveArabicTextExactlyAsWritten() {
        final String text = "وتابع المراسل أنّ \"قسد\" سيطرت على ٣ أحياء، والتنظيم انسحب.";

        assertThat(TextHygiene.clean(text, true).text()).isEqualTo(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC));
    }
}
