/**
 * Text shared by every enrichment step and by dedup: a report's fields ({@link io.newswire.enrichment.text.ReportText}),
 * their words in matching form with spans ({@link io.newswire.enrichment.text.MatchingTextNormalizer#tokens}) and an
 * Arabic-aware dictionary matcher ({@link io.newswire.enrichment.text.PhraseMatcher}).
 */
package io.newswire.enrichment.text;
