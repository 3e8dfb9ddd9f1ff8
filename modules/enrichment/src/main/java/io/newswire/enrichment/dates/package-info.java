/**
 * Dates named or implied in a report, resolved to calendar dates, and the one taken as the date of the event
 * ({@link io.newswire.enrichment.dates.DateExtractor}). Pure: a report's text, its filed instant and the
 * correspondent's zone in, {@link io.newswire.model.DateMention} values out; no Kafka types. Month and weekday names
 * come from the JDK's CLDR data (both Arabic month sets, the Maghreb ones, English, French, Hijri) with the spellings
 * CLDR lacks added in {@link io.newswire.enrichment.dates.DateVocabulary}.
 */
package io.newswire.enrichment.dates;
