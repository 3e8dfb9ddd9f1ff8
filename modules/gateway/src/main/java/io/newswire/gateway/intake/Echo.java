package io.newswire.gateway.intake;

/**
 * Client text quoted back in an error message: shortened, and with unpaired surrogates replaced, so an answer
 * can always be written as UTF-8 and never grows with the input.
 */
public final class Echo {

    private Echo() {
    }

    /** @param text may be null */
    public static String of(final String text, final int maxChars) {
        if (text == null) {
            return "null";
        }
        final String shown = text.length() <= maxChars ? text : text.substring(0, maxChars) + "…";
        final StringBuilder safe = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            final char c = shown.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(i + 1))) {
                safe.append(c).append(shown.charAt(++i));
            } else {
                safe.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return safe.toString();
    }
}
