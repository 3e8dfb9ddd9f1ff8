package io.newswire.enrichment.language;

/**
 * Letters and words of a sample by script, counted in one pass: how much evidence a text carries, which script most
 * of its words are in, and which Arabic-script letters beyond the Arabic alphabet its words use.
 *
 * <ul>
 *   <li>Letters of Persian, Urdu and Kurdish (پ چ ژ گ ی ک ے ہ ھ ں ٹ ڈ ڑ, ڕ ڵ ێ ۆ ە ...) are "extended": an Arabic
 *       word never needs them (a foreign name sometimes borrows گ or ڤ), while Persian and Urdu text has them in
 *       nearly every line, because their keyboards type ی and ک rather than Arabic ي and ك.</li>
 *   <li>Central Kurdish (Sorani) letters, ڕ ڵ ێ ۆ ە, are not used in Arabic, Persian or Urdu; Lingua has no Kurdish
 *       model, so without this count a Sorani report would come out as Persian.</li>
 * </ul>
 */
record ScriptProfile(int letters, int words, int arabicScriptWords, int latinWords, int extendedWords, int kurdishWords) {

    private static final String KURDISH_LETTERS = "\u0695\u06B5\u06CE\u06C6\u06D5"; // ڕ ڵ ێ ۆ ە

    static ScriptProfile of(final CharSequence text) {
        final Counter counter = new Counter();
        for (int i = 0; i < text.length(); ) {
            final int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                counter.letter(cp);
            } else if (Character.getType(cp) != Character.NON_SPACING_MARK && cp != '\u0640') {
                counter.endWord();
            }
        }
        counter.endWord();
        return new ScriptProfile(counter.letters, counter.words, counter.arabicWords, counter.latinWords,
                counter.extendedWords, counter.kurdishWords);
    }

    /** Most words are in Arabic script (at least half of all words, and more than are Latin). */
    boolean mostlyArabicScript() {
        return arabicScriptWords * 2 >= words && arabicScriptWords > latinWords;
    }

    /** Mostly Arabic script, and none of those words has a letter outside the Arabic alphabet: Arabic by its letters. */
    boolean arabicByLetters() {
        return mostlyArabicScript() && extendedWords == 0;
    }

    /** Mostly Arabic script, and at least a fifth of those words (two at least) have a Sorani letter. */
    boolean looksSorani() {
        return mostlyArabicScript() && kurdishWords >= 2 && kurdishWords * 5 >= arabicScriptWords;
    }

    /** The letters of the Arabic alphabet as Arabic writes it: hamza to yeh, feh to yeh, and alef wasla. */
    static boolean isArabicAlphabet(final int cp) {
        return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) || cp == 0x0671;
    }

    private static final class Counter {
        private int letters;
        private int words;
        private int arabicWords;
        private int latinWords;
        private int extendedWords;
        private int kurdishWords;
        private boolean inWord;
        private boolean arabic;
        private boolean latin;
        private boolean extended;
        private boolean kurdish;

        void letter(final int cp) {
            letters++;
            inWord = true;
            final Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.ARABIC) {
                arabic = true;
                extended |= !isArabicAlphabet(cp);
                kurdish |= KURDISH_LETTERS.indexOf(cp) >= 0;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin = true;
            }
        }

        void endWord() {
            if (!inWord) {
                return;
            }
            words++;
            // a word is counted in one script: the Arabic one if it has any Arabic letter ("لـReuters" is rare)
            arabicWords += arabic ? 1 : 0;
            latinWords += latin && !arabic ? 1 : 0;
            extendedWords += arabic && extended ? 1 : 0;
            kurdishWords += arabic && kurdish ? 1 : 0;
            inWord = false;
            arabic = false;
            latin = false;
            extended = false;
            kurdish = false;
        }
    }
}
