package io.newswire.alerter.stream;

import io.newswire.alerter.rules.ArticleText;
import io.newswire.alerter.rules.CompiledRule;
import io.newswire.alerter.rules.RuleBook;
import io.newswire.alerter.rules.RuleIndex;
import io.newswire.alerter.rules.RuleMatch;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Runs the rules in force that can fire on one article version (a {@link RuleIndex} finds them) and alerts as {@link EscalationPolicy} decides, remembering per
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
        final RuleIndex index = rules.index();
        final Map<String, RuleMatch> matches = new LinkedHashMap<>();
        index.matches(text).forEach(match -> matches.put(match.rule().ruleId(), match));
        for (final RuleMatch match : matches.values()) {
            next = judge(match.rule(), Optional.of(match), known, next, update, record.timestamp());
        }
        // a rule that alerted on the story is told of its corrections and withdrawals even when the text no longer matches
        for (final String ruleId : new TreeSet<>(known.rules().keySet())) {
            if (!matches.containsKey(ruleId)) {
                final Optional<CompiledRule> rule = index.rule(ruleId);
                if (rule.isPresent()) {
                    next = judge(rule.get(), Optional.empty(), known, next, update, record.timestamp());
                }
            }
        }
        if (next.rules().isEmpty()) {
            if (stored != null) {
                stories.delete(story);
            }
        } else if (!next.equals(stored)) {
            stories.put(story, next);
        }
    }

    /** What the rule's state on the story becomes, forwarding the alert the policy decides on, if any. */
    private StoryAlerts judge(final CompiledRule rule, final Optional<RuleMatch> match, final StoryAlerts known, final StoryAlerts next,
                              final ArticleUpdate update, final long timestamp) {
        final EscalationPolicy.Decision decision = EscalationPolicy.decide(known.rules().get(rule.ruleId()), update, match.isPresent(),
                rule.rule().getEscalateOnCorroboration(), timestamp);
        decision.alert().ifPresent(escalation -> {
            final Alert alert = AlertFactory.alert(rule, update, match.orElse(null), escalation, timestamp);
            context.forward(new Record<>(alert.getAlertId(), alert, timestamp));
            listener.onAlert(alert);
        });
        return decision.state().map(state -> next.with(rule.ruleId(), state)).orElse(next);
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
