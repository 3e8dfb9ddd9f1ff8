package io.newswire.enrichment.text;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The tokens of one field as {@link MatchingTextNormalizer#tokens} makes them, immutable, with the dictionary keys
 * each token is looked up under ({@link PhraseMatcher.LookupKeys}: the form, the form with each proclitic it can carry
 * taken off, without an English possessive). Every enrichment step runs its own {@link PhraseMatcher} over the same
 * tokens; the keys are worked out once per token, the first time a matcher asks, and shared by the others (their
 * strings keep their hash codes, so a second matcher's lookup computes nothing).
 *
 * <p>Safe to read from several threads: a key set is immutable and the same whoever computes it first.
 */
public final class TokenList extends AbstractList<Token> implements RandomAccess {

    private final Token[] tokens;
    private final PhraseMatcher.LookupKeys[] keys;
    private final int from;
    private final int size;

    TokenList(final List<Token> tokens) {
        this(tokens.toArray(new Token[0]), new PhraseMatcher.LookupKeys[tokens.size()], 0, tokens.size());
        for (final Token token : this.tokens) {
            Objects.requireNonNull(token, "token");
        }
    }

    private TokenList(final Token[] tokens, final PhraseMatcher.LookupKeys[] keys, final int from, final int size) {
        this.tokens = tokens;
        this.keys = keys;
        this.from = from;
        this.size = size;
    }

    @Override
    public Token get(final int index) {
        Objects.checkIndex(index, size);
        return tokens[from + index];
    }

    @Override
    public int size() {
        return size;
    }

    /** A view of a range that shares the keys already computed (the urgency step reads a body's lead alone). */
    @Override
    public TokenList subList(final int fromIndex, final int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        return new TokenList(tokens, keys, from + fromIndex, toIndex - fromIndex);
    }

    /** The dictionary keys of the token at {@code index}, computed on first use. */
    PhraseMatcher.LookupKeys keys(final int index) {
        Objects.checkIndex(index, size);
        PhraseMatcher.LookupKeys known = keys[from + index];
        if (known == null) {
            known = PhraseMatcher.LookupKeys.of(tokens[from + index].form());
            keys[from + index] = known;
        }
        return known;
    }
}
