package io.newswire.alerter.admin;

import io.newswire.alerter.rules.RuleBook;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.AlertRule;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.kafka.TopicFollower;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Adds, replaces, removes and lists alert rules on the compacted {@code newswire.alerts.rules.v1}
 * ({@code newswire alerts rules add|list|remove}, and the alerter's {@code /v1/alerts/rules}). A write returns once
 * the rule book it reads has the change, so a rule added through a running alerter's API is in force when the answer
 * comes, and a listing after an add shows it.
 */
public final class RuleAdmin implements AutoCloseable {

    private static final Duration EFFECTIVE_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, AlertRule> producer;
    private final RuleBook book;
    private final TopicFollower<String, AlertRule> follower;

    private RuleAdmin(final KafkaProducer<String, AlertRule> producer, final RuleBook book, final TopicFollower<String, AlertRule> follower) {
        this.producer = producer;
        this.book = book;
        this.follower = follower;
    }

    /** An admin with a rule book of its own, read from the topic (up to 30 s): for the CLI. */
    public static RuleAdmin following(final NewswireConfig config, final NewswireSerdes serdes, final MatchingTextNormalizer normalizer)
            throws InterruptedException {
        final RuleBook book = new RuleBook(normalizer);
        final TopicFollower<String, AlertRule> follower = follow(config, serdes, book, "newswire-alerts-admin");
        final RuleAdmin admin = new RuleAdmin(producer(config, serdes), book, follower);
        if (!follower.awaitCaughtUp(Duration.ofSeconds(30))) {
            admin.close();
            throw new IllegalStateException("Could not read " + Topics.ALERT_RULES.name() + " within 30 s: is Kafka at "
                    + config.bootstrapServers() + " reachable, and does the topic exist (newswire topics create)?");
        }
        return admin;
    }

    /** An admin over a rule book someone else follows (the running alerter's). */
    public static RuleAdmin over(final NewswireConfig config, final NewswireSerdes serdes, final RuleBook book) {
        return new RuleAdmin(producer(config, serdes), book, null);
    }

    /** Follows the rules topic into the book; the caller starts waiting on it and closes it. */
    public static TopicFollower<String, AlertRule> follow(final NewswireConfig config, final NewswireSerdes serdes, final RuleBook book,
                                                          final String clientId) {
        final Serde<AlertRule> serde = serdes.valueSerde(AlertRule.class);
        return new TopicFollower<>(Topics.ALERT_RULES.name(), KafkaClientConfigs.committedReader(config, null, clientId),
                NewswireSerdes.keySerde().deserializer(), serde.deserializer(), r -> book.apply(r.key(), r.value())).start();
    }

    private static KafkaProducer<String, AlertRule> producer(final NewswireConfig config, final NewswireSerdes serdes) {
        return new KafkaProducer<>(KafkaClientConfigs.durableProducer(config, "newswire-alerts-admin", 10_000),
                NewswireSerdes.keySerde().serializer(), serdes.valueSerde(AlertRule.class).serializer());
    }

    /**
     * Writes the rule (a new one, or a new version of the rule with its id) and waits until it is in force.
     *
     * @return true when the rule replaced one of the same id
     */
    public boolean put(final AlertRule rule) {
        final boolean replaced = book.byId(rule.getRuleId()).isPresent();
        send(rule.getRuleId(), rule);
        await(() -> book.holds(rule), "rule " + rule.getRuleId() + " to be in force");
        return replaced;
    }

    /** Removes the rule (a tombstone); false when there is none of that id. */
    public boolean remove(final String ruleId) {
        if (book.byId(ruleId).isEmpty()) {
            return false;
        }
        send(ruleId, null);
        await(() -> book.byId(ruleId).isEmpty(), "rule " + ruleId + " to be removed");
        return true;
    }

    /** The rules in force, by desk then id; only the desk's when one is given (may be null). */
    public List<AlertRule> list(final String desk) {
        return book.all().stream().map(c -> c.rule()).filter(r -> desk == null || desk.equals(r.getDesk()))
                .sorted(Comparator.comparing(AlertRule::getDesk).thenComparing(AlertRule::getRuleId)).toList();
    }

    public Optional<AlertRule> get(final String ruleId) {
        return book.byId(ruleId).map(c -> c.rule());
    }

    private void send(final String ruleId, final AlertRule rule) {
        try {
            producer.send(new ProducerRecord<>(Topics.ALERT_RULES.name(), ruleId, rule)).get(15, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write rule " + ruleId + " to " + Topics.ALERT_RULES.name() + ": " + e, e);
        }
    }

    private static void await(final BooleanSupplier condition, final String what) {
        final long deadline = System.nanoTime() + EFFECTIVE_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Written, but timed out after " + EFFECTIVE_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        if (follower != null) {
            follower.close();
        }
    }
}
