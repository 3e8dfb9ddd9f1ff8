package io.newswire.alerter.stream;

import io.newswire.alerter.rules.ArticleText;
import io.newswire.alerter.rules.CompiledRule;
import io.newswire.alerter.rules.RuleBook;
import io.newswire.alerter.rules.RuleMatch;
import io.newswire.alerter.rules.RuleMatcher;
import io.newswire.alerter.suppression.EscalationPolicy;
import io.newswire.alerter.suppression.StoryAlerts;
import io.newswire.model.Alert;
import io.newswire.model.ArticleUpdate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every rule in force over one article version and alerts as {@link EscalationPolicy} decides, remembering per
 * story (the store {@value AlerterTopology#SUPPRESSION_STORE}, keyed by article id) what each rule last saw.
 * Input {@code newswire.articles.updates.v1}, keyed by article id (so a story's versions come to one task, in
 * order); output {@code newswire.alerts.v1}, keyed by alert id. Exactly-once: the store and the alerts commit together.
 *
 * <p>Retention: a rule's state on a story is dropped once its last alert is older than the window (by record time),
 * when the story is next seen and by a purge every minute; so the store holds the stories alerted on within one
 * window. The purge reads the whole store, costing one pass over one window of alerted stories a minute.
 */
final class AlertProcessor implements Processor<String, ArticleUpdate, String, Alert> {

    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final RuleBook rules;
    private final long windowMs;
    private final AlertListener listener;
    private final RecordClock clock = new RecordClock(Clock.systemUTC());
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, StoryAlerts> stories;

    AlertProcessor(final RuleBook rules, final Duration window, final AlertListener listener) {
        this.rules = rules;
        this.windowMs = window.toMillis();
        this.listener = listener;
    }

    @Override
    public void init(final ProcessorContext<String, Alert> context) {
        this.context = context;
        this.stories = context.getStateStore(AlerterTopology.SUPPRESSION_STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> purgeExpired());
    }

    @Override
    public void process(final Record<String, ArticleUpdate> record) {
        final ArticleUpdate update = record.value();
        if (update == null) {
            return; // the updates topic carries no tombstones; nothing to judge
        }
        clock.observe(record.timestamp());
        final String story = update.getArticleId().toString();
        final StoryAlerts stored = stories.get(story);
        final StoryAlerts known = stored == null ? StoryAlerts.empty() : stored.withoutAlertsBefore(record.timestamp() - windowMs);
        StoryAlerts next = known;
        final ArticleText text = ArticleText.of(update, rules.normalizer());
        for (final CompiledRule rule : rules.all()) {
            final Optional<RuleMatch> match = RuleMatcher.match(rule, text);
            final var previous = known.rules().get(rule.ruleId());
            if (previous == null && match.isEmpty()) {
                continue;
            }
            final EscalationPolicy.Decision decision = EscalationPolicy.decide(previous, update, match.isPresent(),
                    rule.rule().getEscalateOnCorroboration(), record.timestamp());
            if (decision.state().isPresent()) {
                next = next.with(rule.ruleId(), decision.state().get());
            }
            decision.alert().ifPresent(escalation -> {
                final Alert alert = AlertFactory.alert(rule, update, match.orElse(null), escalation, record.timestamp());
                context.forward(new Record<>(alert.getAlertId(), alert, record.timestamp()));
                listener.onAlert(alert);
            });
        }
        if (next.rules().isEmpty()) {
            if (stored != null) {
                stories.delete(story);
            }
        } else if (!next.equals(stored)) {
            stories.put(story, next);
        }
    }

    private void purgeExpired() {
        if (!clock.started()) {
            return; // no record time yet: nothing to measure the window by
        }
        final long cutoff = clock.now() - windowMs;
        final List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, StoryAlerts> all = stories.all()) {
            while (all.hasNext()) {
                final KeyValue<String, StoryAlerts> entry = all.next();
                if (entry.value.newestAlertAt() < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(stories::delete);
    }
}
