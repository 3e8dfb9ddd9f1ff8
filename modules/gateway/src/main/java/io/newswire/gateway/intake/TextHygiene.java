package io.newswire.gateway.intake;

import java.text.Normalizer;
import java.util.List;

/**
 * Makes submitted text safe to store and to show in right-to-left and left-to-right pages, and otherwise leaves it
 * exactly as written:
 * <ul>
 *   <li>Unicode NFC, so the same word is always the same code points (Arabic keyboards and pasted text differ in
 *       how they order harakat and compose letters);</li>
 *   <li>C0/C1 control characters removed. Multi-line fields (body paragraphs, claims) keep {@code \n} and tab, with
 *       {@code \r\n} and a lone {@code \r} made {@code \n}; single-line fields (headline, byline...) get a space
 *       for a line break or tab, so two words are never glued together;</li>
 *   <li>the bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069, the "Trojan
 *       Source" set) stripped and reported, because they can make a rendered headline read differently from its
 *       text. The marks U+200E (LRM), U+200F (RLM) and U+061C (ALM) stay: Arabic typing uses them legitimately and
 *       they change the direction of nothing beyond the neighbouring character. ZWJ/ZWNJ stay too (shaping);</li>
 *   <li>unpaired UTF-16 surrogates (only a JSON {@code \uD800}-style escape can produce one) are reported: such
 *       text is not Unicode and could not be stored byte for byte, so the caller rejects it rather than let a
 *       {@code ?} replace it silently.</li>
 * </ul>
 */
public final class TextHygiene {

    /**
     * The result.
     *
     * @param text                      the clean text
     * @param strippedBidiControls      bidi embedding/override/isolate controls were removed
     * @param strippedControlCharacters control characters other than line breaks and tabs were removed
     * @param unpairedSurrogates        the input held an unpaired surrogate (kept out of {@code text}); the caller should reject it
     */
    public record Cleaned(String text, boolean strippedBidiControls, boolean strippedControlCharacters, boolean unpairedSurrogates) {
    }

    private TextHygiene() {
    }

    /**
     * @param raw           the text as received
     * @param allowNewlines keep line breaks and tabs (multi-line fields); single-line fields get a space instead
     */
    public static Cleaned clean(final String raw, final boolean allowNewlines) {
        final boolean surrogates = hasUnpairedSurrogate(raw);
        final String nfc = Normalizer.normalize(surrogates ? Echo.of(raw, raw.length()) : raw, Normalizer.Form.NFC);
        final StringBuilder out = new StringBuilder(nfc.length());
        boolean bidi = false;
        boolean control = false;
        for (int i = 0; i < nfc.length(); ) {
            final int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (isBidiControl(cp)) {
                bidi = true;
            } else if (cp == '\r' || cp == '\n' || cp == '\t') {
                final boolean crlf = cp == '\r' && i < nfc.length() && nfc.charAt(i) == '\n';
                if (crlf) {
                    i++;
                }
                if (allowNewlines) {
                    out.append(cp == '\t' ? '\t' : '\n');
                } else {
                    out.append(' ');
                }
            } else if (Character.getType(cp) == Character.CONTROL) {
                control = true;
            } else {
                out.appendCodePoint(cp);
            }
        }
        return new Cleaned(out.toString(), bidi, control, surrogates);
    }

    /** The embedding, override and isolate controls: LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. */
    static boolean isBidiControl(final int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    static boolean hasUnpairedSurrogate(final String text) {
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The characters {@link #clean} strips as bidi controls, for documentation and tests. */
    public static List<Integer> bidiControls() {
        return List.of(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069);
    }
}
