package io.newswire.enrichment.parties;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small dictionary the rules look up at one token: phrases in matching form keyed by their first word (a hash
 * lookup, never a scan), longest first. Unlike {@link io.newswire.enrichment.text.PhraseMatcher} it is asked about
 * one position, with the first word as the caller read it (proclitic already taken off, or a possessive).
 *
 * @param <T> what a phrase stands for
 */
final class PhrasesAt<T> {

    /** A phrase found at a position: what it stands for and the index of the token after it. */
    record Hit<T>(T value, int next) {
    }

    private record Phrase<T>(List<String> forms, T value) {
    }

    private final MatchingTextNormalizer normalizer;
    private final Map<String, List<Phrase<T>>> byFirst = new HashMap<>();

    PhrasesAt(final MatchingTextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** Adds a phrase as written (any orthography); the first one added for a phrase wins. */
    PhrasesAt<T> add(final String text, final T value) {
        final List<String> forms = forms(normalizer, text);
        if (forms.isEmpty()) {
            return this;
        }
        final List<Phrase<T>> list = byFirst.computeIfAbsent(forms.get(0), k -> new ArrayList<>());
        for (final Phrase<T> phrase : list) {
            if (phrase.forms().equals(forms)) {
                return this;
            }
        }
        list.add(new Phrase<>(List.copyOf(forms), value));
        list.sort(Comparator.comparingInt((Phrase<T> p) -> p.forms().size()).reversed());
        return this;
    }

    static List<String> forms(final MatchingTextNormalizer normalizer, final String text) {
        final List<String> forms = new ArrayList<>();
        for (final Token token : normalizer.tokens("dictionary", text)) {
            forms.add(token.form());
        }
        return forms;
    }

    /** The first words of every phrase, for indexing what starts with this dictionary. */
    Set<String> firstForms() {
        return byFirst.keySet();
    }

    /** Whether a one-word phrase is this form. */
    boolean isWord(final String form) {
        final List<Phrase<T>> list = byFirst.get(form);
        return list != null && list.get(list.size() - 1).forms().size() == 1;
    }

    /** The longest phrase at token {@code at}, its first word read as {@code first}; null if none. */
    Hit<T> at(final List<Token> tokens, final int at, final String first) {
        return at(tokens, at, first, false);
    }

    /**
     * @param possessive the phrase's last word must carry an English possessive ("Iraq's", "Kurdistan Region's")
     */
    Hit<T> at(final List<Token> tokens, final int at, final String first, final boolean possessive) {
        if (at >= tokens.size()) {
            return null;
        }
        final String bare = possessive ? withoutPossessive(first) : first;
        final List<Phrase<T>> list = byFirst.get(bare == null ? first : bare);
        if (list == null) {
            return null;
        }
        for (final Phrase<T> phrase : list) {
            final int n = phrase.forms().size();
            if (at + n > tokens.size()) {
                continue;
            }
            if (possessive && n == 1 && bare == null) {
                continue;
            }
            if (possessive && n > 1 && bare != null) {
                continue; // "Kurdistan's Region" is not a possessive of "Kurdistan Region"
            }
            if (restMatches(phrase.forms(), tokens, at, possessive)) {
                return new Hit<>(phrase.value(), at + n);
            }
        }
        return null;
    }

    private static boolean restMatches(final List<String> forms, final List<Token> tokens, final int at, final boolean possessive) {
        for (int k = 1; k < forms.size(); k++) {
            final String form = tokens.get(at + k).form();
            final boolean last = k == forms.size() - 1;
            if (possessive && last) {
                if (!forms.get(k).equals(withoutPossessive(form))) {
                    return false;
                }
            } else if (!forms.get(k).equals(form)) {
                return false;
            }
        }
        return true;
    }

    /** "iraq's" without "'s", or null when the word carries no possessive. */
    static String withoutPossessive(final String form) {
        if (form.length() > 2 && (form.endsWith("'s") || form.endsWith("\u2019s"))) {
            return form.substring(0, form.length() - 2);
        }
        return null;
    }
}
