package io.newswire.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.ReportKind;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Processing's own meters, every name and label beside its meaning. Prometheus shows them as
 * {@code newswire_processing_records_total{step}}, {@code newswire_processing_dead_letters_total{stage,reason}},
 * {@code newswire_processing_dedup_outcomes_total{outcome}} and {@code newswire_processing_article_versions_total{signal}}.
 *
 * <p>Streams builds the processors and the dead-letter handlers itself, so {@link ProcessingApp} hands this object to
 * them in the Streams configuration under {@link #CONFIG_KEY}; each finds it with {@link #from}, and one built without
 * it (a unit test's topology) counts into nothing. Labels are bounded: steps, outcomes and signals are the enums below;
 * a dead letter's stage is a step's name and its reason the code it is dead-lettered with (a validation code or an
 * exception class), never its message.
 *
 * <p>Counted as records are handled: a record handled again after its transaction aborted (a stream thread
 * replaced, see {@code FailedThreadHandler}) counts twice, so these are rates to watch, not exact totals.
 */
public final class ProcessingMetrics {

    /** The Streams configuration key under which {@link ProcessingApp} passes the meters to the topology. */
    public static final String CONFIG_KEY = "newswire.processing.metrics";

    public static final String RECORDS = "newswire.processing.records";
    private static final String RECORDS_DESC = "Records each processing step handled: validate (every report read), normalize (the valid ones), "
            + "enrich, articles (reports reaching the articles step)";
    public static final String DEAD_LETTERS = "newswire.processing.dead.letters";
    private static final String DEAD_LETTERS_DESC = "Dead letters processing wrote to newswire.dlq.v1, by the stage that refused the record "
            + "and the reason code (the dead letter's errorClass: a validation code or an exception class)";
    public static final String DEDUP_OUTCOMES = "newswire.processing.dedup.outcomes";
    private static final String DEDUP_OUTCOMES_DESC = "What the articles step decided for each report: new-article, duplicate (same text), "
            + "corroboration (near-duplicate by another correspondent), refile (near-duplicate by the same one), update, correction, "
            + "withdrawal, waiting (its reference not seen yet; counted again once decided), retry (same id and content again: nothing new), "
            + "refused (dead-lettered)";
    public static final String ARTICLE_VERSIONS = "newswire.processing.article.versions";
    private static final String ARTICLE_VERSIONS_DESC = "Article versions the articles step wrote, by signal";

    public static final String STEP_TAG = "step";
    public static final String STAGE_TAG = "stage";
    public static final String REASON_TAG = "reason";
    public static final String OUTCOME_TAG = "outcome";
    public static final String SIGNAL_TAG = "signal";

    /** The steps whose records are counted. */
    public enum Step { VALIDATE, NORMALIZE, ENRICH, ARTICLES }

    /** What the articles step decides for a report. */
    public enum Outcome { NEW_ARTICLE, DUPLICATE, CORROBORATION, REFILE, UPDATE, CORRECTION, WITHDRAWAL, WAITING, RETRY, REFUSED }

    private final MeterRegistry registry;
    private final Map<Step, Counter> records = new EnumMap<>(Step.class);
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Map<Signal, Counter> versions = new EnumMap<>(Signal.class);

    /** Registers every step, outcome and signal at zero, so a rate over them exists from the start. */
    public ProcessingMetrics(final MeterRegistry registry) {
        this.registry = registry;
        for (final Step step : Step.values()) {
            records.put(step, Counter.builder(RECORDS).description(RECORDS_DESC).tag(STEP_TAG, label(step)).register(registry));
        }
        for (final Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder(DEDUP_OUTCOMES).description(DEDUP_OUTCOMES_DESC).tag(OUTCOME_TAG, label(outcome)).register(registry));
        }
        for (final Signal signal : Signal.values()) {
            versions.put(signal, Counter.builder(ARTICLE_VERSIONS).description(ARTICLE_VERSIONS_DESC).tag(SIGNAL_TAG, label(signal)).register(registry));
        }
    }

    /** The meters {@link ProcessingApp} put in the Streams configuration, or {@link #none()} when there are none. */
    public static ProcessingMetrics from(final Map<String, ?> configs) {
        return configs.get(CONFIG_KEY) instanceof ProcessingMetrics meters ? meters : none();
    }

    /** Meters counting into nothing (a registry with no backend). */
    public static ProcessingMetrics none() {
        return new ProcessingMetrics(new CompositeMeterRegistry());
    }

    /** One record handled by a step. */
    public void processed(final Step step) {
        records.get(step).increment();
    }

    /** One dead letter written. @param reason the dead letter's error class or code (bounded; not its message) */
    public void deadLettered(final String stage, final String reason) {
        Counter.builder(DEAD_LETTERS).description(DEAD_LETTERS_DESC).tag(STAGE_TAG, stage).tag(REASON_TAG, reason)
                .register(registry).increment();
    }

    /** One decision of the articles step that wrote no version. */
    public void decided(final Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    /** One article version written for a report of this kind: counted by its signal, and as the decision it stands for. */
    public void versioned(final ReportKind kind, final ArticleUpdate version) {
        versions.get(version.getSignal()).increment();
        decided(outcomeOf(kind, version));
    }

    /** The decision a version stands for: a change's kind, or for a NEW report a new article, a corroboration or a re-file. */
    static Outcome outcomeOf(final ReportKind kind, final ArticleUpdate version) {
        return switch (kind) {
            case UPDATE -> Outcome.UPDATE;
            case CORRECTION -> Outcome.CORRECTION;
            case WITHDRAWAL -> Outcome.WITHDRAWAL;
            case NEW -> {
                final List<ArticleSource> sources = version.getSources();
                if (version.getSignal() == Signal.NEW || sources.isEmpty()) {
                    yield Outcome.NEW_ARTICLE;
                }
                yield sources.get(sources.size() - 1).getRole() == SourceRole.CORROBORATION ? Outcome.CORROBORATION : Outcome.REFILE;
            }
        };
    }

    /** An enum constant as a label value: {@code NEW_ARTICLE} is {@code new-article}. */
    static String label(final Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
