package io.newswire.enrichment;

import io.newswire.enrichment.dates.DateExtractor;
import io.newswire.enrichment.dates.DatesStep;
import io.newswire.enrichment.language.LanguageStep;
import io.newswire.enrichment.language.ReportLanguageDetector;
import io.newswire.enrichment.parties.PartiesStep;
import io.newswire.enrichment.places.Gazetteer;
import io.newswire.enrichment.places.PlaceResolver;
import io.newswire.enrichment.places.PlacesStep;
import io.newswire.enrichment.parties.PartyMatcher;
import io.newswire.enrichment.parties.PartyTable;
import io.newswire.enrichment.sources.AttributionCues;
import io.newswire.enrichment.sources.AttributionExtractor;
import io.newswire.enrichment.sources.SourcesStep;
import io.newswire.enrichment.subjects.SubjectClassifier;
import io.newswire.enrichment.subjects.SubjectsStep;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.urgency.CasualtyCounter;
import io.newswire.enrichment.urgency.UrgencyScorer;
import io.newswire.enrichment.urgency.UrgencyStep;
import io.newswire.enrichment.urgency.UrgencyRules;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The enrichment Newswire runs: every step, in order, with the data shipped in this module or loaded from the
 * paths a deployment configures. Loading takes a few seconds (the gazetteer, the language models), so processing
 * builds it once per instance and shares it between stream threads; every step is thread-safe (no mutable state,
 * Lucene analyzers keep per-thread token streams).
 */
public final class BuiltInEnrichment {

    /**
     * Where a deployment's own data replaces what is built in.
     *
     * @param gazetteer   a gazetteer written by {@code newswire gazetteer import}; null for the built-in extract
     * @param parties     an alias table of the built-in table's format; null for the built-in table
     * @param defaultZone the zone of a report that names none
     */
    public record Settings(Path gazetteer, Path parties, ZoneId defaultZone) {
        public static Settings defaults() {
            return new Settings(null, null, ZoneOffset.UTC);
        }
    }

    private static volatile ReportEnricher shared;

    private BuiltInEnrichment() {
    }

    /** The enricher with the built-in data, built once per JVM (tests and benchmarks share it). */
    public static ReportEnricher shared() {
        ReportEnricher enricher = shared;
        if (enricher == null) {
            synchronized (BuiltInEnrichment.class) {
                enricher = shared;
                if (enricher == null) {
                    enricher = build(Settings.defaults());
                    shared = enricher;
                }
            }
        }
        return enricher;
    }

    /** The shared enricher when the settings are the defaults, else one built for them. */
    public static ReportEnricher forSettings(final Settings settings) {
        return settings.equals(Settings.defaults()) ? shared() : build(settings);
    }

    private static Gazetteer gazetteer(final Path path) {
        try {
            return Gazetteer.loadOrBuiltIn(path);
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the gazetteer " + path, e);
        }
    }

    public static ReportEnricher build(final Settings settings) {
        final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();
        final PartyTable parties = settings.parties() == null ? PartyTable.fromClasspath() : PartyTable.fromPath(settings.parties());
        final CasualtyCounter casualties = CasualtyCounter.fromClasspath(normalizer);
        return new ReportEnricher(List.of(
                new LanguageStep(new ReportLanguageDetector(ReportLanguageDetector.Settings.defaults())),
                new DatesStep(new DateExtractor(normalizer)),
                new PlacesStep(new PlaceResolver(gazetteer(settings.gazetteer()))),
                new PartiesStep(new PartyMatcher(parties, normalizer)),
                new SourcesStep(new AttributionExtractor(AttributionCues.fromClasspath(normalizer), casualties, normalizer)),
                new SubjectsStep(SubjectClassifier.withShippedRules(normalizer)),
                new UrgencyStep(new UrgencyScorer(UrgencyRules.fromClasspath(), normalizer))),
                settings.defaultZone());
    }
}
