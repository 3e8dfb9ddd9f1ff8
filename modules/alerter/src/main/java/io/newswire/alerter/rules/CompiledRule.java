package io.newswire.alerter.rules;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.Token;
import io.newswire.model.AlertRule;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule ready to run: its watch-list compiled once into a {@link PhraseMatcher} (each term's matching form, so the
 * article is never compared letter by letter with what the editor typed), its lists as sets.
 *
 * @param rule      the rule as stored
 * @param terms     the watch-list; each match's entry is the term as the rule wrote it. Null when the rule has no terms
 * @param placeIds  gazetteer ids
 * @param partyIds  party ids
 * @param subjects  IPTC codes
 * @param languages lower-case BCP 47 tags
 * @param signals   signal names
 * @param termKeys  the first word of each watch-list term in matching form, and that word without the article ال:
 *                  a term can only be found where a word of the text ends with one of these (see {@link RuleIndex})
 */
public record CompiledRule(AlertRule rule, PhraseMatcher<String> terms, Set<String> placeIds, Set<String> partyIds,
                           Set<String> subjects, Set<String> languages, Set<String> signals, Set<String> termKeys) {

    /** The Arabic article, which the phrase matcher also lets a text leave off a term's first word. */
    private static final String ARTICLE = "\u0627\u0644";

    public static CompiledRule compile(final AlertRule rule, final MatchingTextNormalizer normalizer) {
        PhraseMatcher<String> terms = null;
        final Set<String> termKeys = new HashSet<>();
        if (!rule.getTerms().isEmpty()) {
            final PhraseMatcher.Builder<String> builder = PhraseMatcher.builder(normalizer);
            for (final String term : rule.getTerms()) {
                builder.add(term, term);
                final List<Token> words = normalizer.tokens("dictionary", term);
                if (!words.isEmpty()) {
                    final String first = words.get(0).form();
                    termKeys.add(first);
                    if (first.startsWith(ARTICLE) && first.length() > ARTICLE.length()) {
                        termKeys.add(first.substring(ARTICLE.length()));
                    }
                }
            }
            terms = builder.build();
        }
        return new CompiledRule(rule, terms, Set.copyOf(rule.getPlaceIds()), Set.copyOf(rule.getPartyIds()), Set.copyOf(rule.getSubjects()),
                rule.getLanguages().stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                Set.copyOf(rule.getSignals()), Set.copyOf(termKeys));
    }

    public String ruleId() {
        return rule.getRuleId();
    }

    public String desk() {
        return rule.getDesk();
    }
}
