package io.newswire.enrichment.language;

import io.newswire.enrichment.EnrichmentInput;
import io.newswire.enrichment.EnrichmentStep;
import io.newswire.model.Enrichment;

/**
 * The language step: the detected language and its confidence ({@link ReportLanguageDetector}; a mismatch with
 * the declared language is a warning, never an error) and the script direction of every field
 * ({@link DirectionDetector}).
 */
public final class LanguageStep implements EnrichmentStep {

    private final ReportLanguageDetector detector;

    public LanguageStep(final ReportLanguageDetector detector) {
        this.detector = detector;
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public void enrich(final EnrichmentInput input, final Enrichment.Builder enrichment) {
        final LanguageDetection detection = detector.detect(input.text(), input.report().getLanguage());
        enrichment.setDetectedLanguage(detection.language()).setLanguageConfidence(detection.confidence())
                .setDirections(DirectionDetector.directions(input.text()))
                .setDirection(DirectionDetector.bodyDirection(input.text()));
        enrichment.getWarnings().addAll(detection.warnings());
    }
}
