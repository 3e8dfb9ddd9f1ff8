package io.newswire.processing.dedup;

/**
 * How each correspondent of the labelled set writes, applied to their reports before filing: the orthographic
 * habits a wire sees from different hands. c1 writes the standard form; the others each have two or three habits.
 */
final class Hands {

    private Hands() {
    }

    static String write(final String correspondent, final String text) {
        return switch (correspondent) {
            case "c2" -> easternDigits(tehMarbutaAsHeh(text));
            case "c3" -> finalYehAsAlefMaqsura(withoutHamza(text));
            case "c4" -> finalAlefMaqsuraAsYeh(tatweel(text));
            case "c5" -> easternDigits(typos(text));
            case "c6" -> tatweel(withoutHamza(tehMarbutaAsHeh(text)));
            default -> text;
        };
    }

    static String easternDigits(final String s) {
        final StringBuilder out = new StringBuilder(s.length());
        s.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('\u0660' + (c - '0')) : (char) c));
        return out.toString();
    }

    static String tehMarbutaAsHeh(final String s) {
        return s.replace('\u0629', '\u0647');
    }

    static String withoutHamza(final String s) {
        return s.replace('\u0623', '\u0627').replace('\u0625', '\u0627').replace('\u0622', '\u0627')
                .replace('\u0624', '\u0648').replace('\u0626', '\u064a');
    }

    static String finalYehAsAlefMaqsura(final String s) {
        return s.replaceAll("\u064a(?=[\\s\\p{Punct}،.]|$)", "\u0649");
    }

    static String finalAlefMaqsuraAsYeh(final String s) {
        return s.replaceAll("\u0649(?=[\\s\\p{Punct}،.]|$)", "\u064a");
    }

    /** Tatweel after the second letter of every third long word. */
    static String tatweel(final String s) {
        return everyNthLongWord(s, 3, w -> w.substring(0, 2) + "\u0640" + w.substring(2));
    }

    /** Two middle letters swapped in every ninth long word. */
    static String typos(final String s) {
        return everyNthLongWord(s, 9, w -> w.substring(0, 2) + w.charAt(3) + w.charAt(2) + w.substring(4));
    }

    private static String everyNthLongWord(final String s, final int n, final java.util.function.UnaryOperator<String> change) {
        final String[] words = s.split(" ", -1);
        int long_ = 0;
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 5 && words[i].chars().allMatch(Character::isLetter) && ++long_ % n == 0) {
                words[i] = change.apply(words[i]);
            }
        }
        return String.join(" ", words);
    }
}
