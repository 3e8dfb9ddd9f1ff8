package io.newswire.dashboard.view;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Enrichment;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The dashboard's free-text filter ({@code q}): every word of the query, in the normalised form the pipeline computes
 * ({@link MatchingTextNormalizer#matchingForm}: Arabic letters unified, diacritics and tatweel gone, digits Western,
 * lower case), must occur in the version's normalised headline or body. So {@code حلب} finds {@code حَلَب}, {@code ١٢}
 * finds {@code 12}, and {@code اعلان} finds {@code إعلان}. A word matches inside a longer one (Arabic joins
 * prepositions and conjunctions to the word: {@code وحلب}); a version without enrichment matches no query.
 */
public final class TextQuery implements Predicate<ArticleUpdate> {

    private final List<String> words;

    private TextQuery(final List<String> words) {
        this.words = words;
    }

    /** The query's filter; a blank query matches everything. */
    public static TextQuery of(final String query, final MatchingTextNormalizer normalizer) {
        if (query == null || query.isBlank()) {
            return new TextQuery(List.of());
        }
        return new TextQuery(Arrays.stream(normalizer.matchingForm(query).split(" ")).filter(w -> !w.isEmpty()).toList());
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    @Override
    public boolean test(final ArticleUpdate version) {
        if (words.isEmpty()) {
            return true;
        }
        final Enrichment enrichment = version.getEnrichment();
        if (enrichment == null) {
            return false;
        }
        final String text = enrichment.getMatchingHeadline() + " " + enrichment.getMatchingBody();
        return words.stream().allMatch(text::contains);
    }
}
