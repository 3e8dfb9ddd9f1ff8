/**
 * Subjects as IPTC Media Topics (CC BY 4.0, IPTC): the part of the vocabulary Newswire uses
 * ({@link io.newswire.enrichment.subjects.MediaTopics}, {@code enrichment/subjects/mediatopics.json}) and weighted
 * Arabic and English terms per topic ({@code subject-rules.json}), scored by
 * {@link io.newswire.enrichment.subjects.SubjectClassifier} into {@link io.newswire.model.Subject} values with
 * evidence.
 */
package io.newswire.enrichment.subjects;
