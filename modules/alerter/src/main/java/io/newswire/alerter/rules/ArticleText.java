package io.newswire.alerter.rules;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.ReportText;
import io.newswire.enrichment.text.Token;
import io.newswire.model.ArticleUpdate;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of one article version in matching form, analysed once and read by every rule's watch-list. Fields and
 * offsets as {@link io.newswire.model.Evidence} names them: headline, subheadline, dateline, body (paragraphs joined
 * with a newline).
 *
 * @param update the version
 * @param fields each field's tokens, in reading order
 */
public record ArticleText(ArticleUpdate update, List<List<Token>> fields) {

    public static ArticleText of(final ArticleUpdate update, final MatchingTextNormalizer normalizer) {
        final List<List<Token>> fields = new ArrayList<>(4);
        add(fields, normalizer, ReportText.HEADLINE, update.getHeadline());
        add(fields, normalizer, ReportText.SUBHEADLINE, update.getSubheadline());
        add(fields, normalizer, ReportText.DATELINE, update.getDateline());
        add(fields, normalizer, ReportText.BODY, String.join("\n", update.getBody()));
        return new ArticleText(update, List.copyOf(fields));
    }

    private static void add(final List<List<Token>> fields, final MatchingTextNormalizer normalizer, final String name, final String text) {
        if (text != null && !text.isBlank()) {
            fields.add(normalizer.tokens(name, text));
        }
    }

    /** The text of a field as written, for the evidence. */
    public String text(final String field) {
        return switch (field) {
            case ReportText.HEADLINE -> update.getHeadline();
            case ReportText.SUBHEADLINE -> update.getSubheadline() == null ? "" : update.getSubheadline();
            case ReportText.DATELINE -> update.getDateline() == null ? "" : update.getDateline();
            case ReportText.BODY -> String.join("\n", update.getBody());
            default -> "";
        };
    }
}
