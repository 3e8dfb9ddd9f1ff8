package io.newswire.enrichment.subjects;

import io.newswire.enrichment.EnrichmentInput;
import io.newswire.enrichment.EnrichmentStep;
import io.newswire.model.Enrichment;

/** The subjects step: {@link SubjectClassifier}'s IPTC Media Topics, into {@code subjects}. */
public final class SubjectsStep implements EnrichmentStep {

    private final SubjectClassifier classifier;

    public SubjectsStep(final SubjectClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public String name() {
        return "subjects";
    }

    @Override
    public void enrich(final EnrichmentInput input, final Enrichment.Builder enrichment) {
        enrichment.setSubjects(classifier.classify(input.text()));
    }
}
