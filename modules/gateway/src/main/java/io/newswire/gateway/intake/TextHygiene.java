package io.newswire.gateway.intake;

import java.text.Normalizer;
import java.util.List;

/**
 * Makes submitted text safe to store and show in right-to-left and left-to-right pages, and otherwise leaves it
 * exactly as written: Unicode NFC; C0/C1 control characters removed (tab and newline kept where a field allows
 * them); the bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069, the "Trojan
 * Source" set) stripped with a warning, because they can make a rendered headline read differently from its text.
 * The marks U+200E, U+200F and U+061C stay: Arabic typing uses them legitimately and they reorder nothing beyond
 * one character's direction.
 */
public final class TextHygiene {

    /** The result: clean text, and whether bidi controls were removed. */
    public record Cleaned(String text, boolean strippedBidiControls, boolean strippedControlCharacters) {
    }

    private TextHygiene() {
    }

    /**
     * @param allowNewlines keep {@code \n} and {@code \t} (multi-line fields); other fields lose them too
     */
    public static Cleaned clean(final String raw, final boolean allowNewlines) {
        final String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        final StringBuilder out = new StringBuilder(nfc.length());
        boolean bidi = false;
        boolean control = false;
        for (int i = 0; i < nfc.length(); ) {
            final int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (isBidiControl(cp)) {
                bidi = true;
            } else if (cp == '\r') {
                control = control || !allowNewlines; // \r\n and lone \r become \n below, or nothing
                if (allowNewlines && (i >= nfc.length() || nfc.charAt(i) != '\n')) {
                    out.append('\n');
                }
            } else if ((cp == '\n' || cp == '\t') && allowNewlines) {
                out.appendCodePoint(cp);
            } else if (Character.getType(cp) == Character.CONTROL) {
                control = true;
            } else {
                out.appendCodePoint(cp);
            }
        }
        return new Cleaned(out.toString(), bidi, control);
    }

    /** The embedding, override and isolate controls: LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. */
    static boolean isBidiControl(final int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** The characters {@link #clean} strips as bidi controls, for documentation and tests. */
    public static List<Integer> bidiControls() {
        return List.of(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069);
    }
}
