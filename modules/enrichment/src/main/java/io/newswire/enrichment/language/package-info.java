/**
 * Language and script direction of a report: which language its text is in, how sure we are, whether that
 * contradicts the language the correspondent declared
 * ({@link io.newswire.enrichment.language.ReportLanguageDetector}), and which way each field's text runs
 * ({@link io.newswire.enrichment.language.DirectionDetector}). Pure: text in, model values
 * ({@link io.newswire.model.Warning}, {@link io.newswire.model.TextDirection}) out; no Kafka types.
 */
package io.newswire.enrichment.language;
