package io.newswire.alerter.health;

import io.newswire.model.Alert;
import io.newswire.model.AlertEvidence;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.DeadLetter;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.kafka.TopicFollower;
import io.newswire.runtime.metrics.AlerterMetrics;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Feeds {@link HealthConditions} and writes its transitions to {@code newswire.alerts.v1} as HEALTH alerts (FIRING,
 * then CLEARED). Reads {@code newswire.reports.v1} (who files, to which desk, when), {@code newswire.dlq.v1} (dead
 * letters by stage and error class) and the committed offsets of every consumer group whose id starts with
 * {@code newswire}, every {@code alerter.health.check.interval.ms}; and polls the {@code /ready} of each gateway of
 * {@code alerter.gateway.urls} every {@code alerter.gateway.poll.interval.ms} ({@link GatewayProber}). At start it reads its own past health alerts
 * back, so a condition that fired before a restart and still holds does not fire again.
 *
 * <p>Run it on one alerter instance: two would each write the same transitions (with the same alert ids, so a
 * consumer can tell, but twice).
 */
public final class HealthWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthWatcher.class);
    /** How much history of the reports topic feeds the quiet conditions: enough gaps to learn a rhythm. */
    private static final Duration REPORT_HISTORY = Duration.ofDays(7);
    public static final String CATEGORY_HEALTH = "HEALTH";
    private static final String NIL_UUID = "00000000-0000-0000-0000-000000000000";

    private final HealthConditions conditions;
    private final KafkaProducer<String, Alert> producer;
    private final Admin admin;
    private final List<TopicFollower<?, ?>> followers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread thread = new Thread(r, "alerter-health");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Integer> occurrences = new ConcurrentHashMap<>();
    private final AlerterMetrics metrics;

    private HealthWatcher(final HealthConditions conditions, final KafkaProducer<String, Alert> producer, final Admin admin,
                          final List<TopicFollower<?, ?>> followers, final AlerterMetrics metrics) {
        this.conditions = conditions;
        this.metrics = metrics;
        this.producer = producer;
        this.admin = admin;
        this.followers = followers;
    }

    /** @param metrics counts each health alert written */
    public static HealthWatcher start(final NewswireConfig config, final NewswireSerdes serdes, final AlerterMetrics metrics) throws InterruptedException {
        final HealthConditions conditions = new HealthConditions(config.getLong(NewswireConfig.ALERTER_QUIET_INTERVAL_MS_CONFIG),
                config.getInt(NewswireConfig.ALERTER_DEAD_LETTER_THRESHOLD_CONFIG), config.getLong(NewswireConfig.ALERTER_DEAD_LETTER_WINDOW_MS_CONFIG),
                config.getLong(NewswireConfig.ALERTER_LAG_THRESHOLD_CONFIG), config.getLong(NewswireConfig.ALERTER_GATEWAY_UNAVAILABLE_MS_CONFIG));
        final GatewayProber gateways = new GatewayProber(config.getList(NewswireConfig.ALERTER_GATEWAY_URLS_CONFIG));
        final Map<String, Object> reader = KafkaClientConfigs.committedReader(config, null, "newswire-alerter-health");
        final long deadLetterWindow = config.getLong(NewswireConfig.ALERTER_DEAD_LETTER_WINDOW_MS_CONFIG);

        // past health alerts first: what is firing now, and how often each condition has fired
        final Map<String, Alert> lastHealth = new ConcurrentHashMap<>();
        final Map<String, Integer> fired = new ConcurrentHashMap<>();
        final TopicFollower<String, Alert> past = new TopicFollower<>(Topics.ALERTS.name(), reader, NewswireSerdes.keySerde().deserializer(),
                serdes.valueSerde(Alert.class).deserializer(), r -> {
                    final Alert alert = r.value();
                    if (alert != null && CATEGORY_HEALTH.equals(alert.getCategory())) {
                        lastHealth.put(alert.getRuleId(), alert);
                        if ("FIRING".equals(alert.getEscalation())) {
                            fired.merge(alert.getRuleId(), 1, Integer::sum);
                        }
                    }
                }, () -> Instant.now().minus(REPORT_HISTORY)).start();
        final boolean read = past.awaitCaughtUp(Duration.ofSeconds(60));
        past.close();
        if (!read) {
            throw new IllegalStateException("Could not read past health alerts from " + Topics.ALERTS.name() + " within 60 s");
        }
        conditions.restoreFiring(lastHealth.values().stream().filter(a -> "FIRING".equals(a.getEscalation()))
                .map(a -> new HealthCondition(a.getRuleId(), kindOf(a.getRuleId()), a.getRuleId(), a.getHeadline(), 0)).toList());

        final TopicFollower<String, CorrespondentReport> reports = new TopicFollower<>(Topics.REPORTS.name(), reader,
                NewswireSerdes.keySerde().deserializer(), serdes.valueSerde(CorrespondentReport.class).deserializer(), r -> {
                    if (r.value() != null) {
                        conditions.filed(r.value().getCorrespondentId(), r.value().getDesk(), r.timestamp());
                    }
                }, () -> Instant.now().minus(REPORT_HISTORY)).start();
        final TopicFollower<String, DeadLetter> deadLetters = new TopicFollower<>(Topics.DEAD_LETTERS.name(), reader,
                NewswireSerdes.keySerde().deserializer(), serdes.valueSerde(DeadLetter.class).deserializer(), r -> {
                    if (r.value() != null) {
                        conditions.deadLettered(r.value().getStage(), r.value().getErrorClass(), r.timestamp());
                    }
                }, () -> Instant.now().minusMillis(deadLetterWindow)).start();
        final KafkaProducer<String, Alert> producer = new KafkaProducer<>(KafkaClientConfigs.durableProducer(config, "newswire-alerter-health", 10_000),
                NewswireSerdes.keySerde().serializer(), serdes.valueSerde(Alert.class).serializer());
        final HealthWatcher watcher = new HealthWatcher(conditions, producer, Admin.create(KafkaClientConfigs.admin(config)),
                List.of(reports, deadLetters), metrics);
        watcher.occurrences.putAll(fired);
        reports.awaitCaughtUp(Duration.ofSeconds(60));
        deadLetters.awaitCaughtUp(Duration.ofSeconds(60));
        final long interval = config.getLong(NewswireConfig.ALERTER_HEALTH_CHECK_INTERVAL_MS_CONFIG);
        if (!gateways.gateways().isEmpty()) {
            // first, before any check: a gateway alert restored as firing must see a probe before it can clear
            final long poll = config.getLong(NewswireConfig.ALERTER_GATEWAY_POLL_INTERVAL_MS_CONFIG);
            watcher.timer.scheduleWithFixedDelay(() -> watcher.probe(gateways), 0, poll, TimeUnit.MILLISECONDS);
        }
        watcher.timer.scheduleWithFixedDelay(watcher::check, interval, interval, TimeUnit.MILLISECONDS);
        return watcher;
    }

    private static String kindOf(final String id) {
        final String[] parts = id.split(":", 3);
        return parts.length > 1 ? parts[1] : id;
    }

    /** One evaluation: lag read from the cluster, then every transition written. */
    void check() {
        try {
            readLag();
            writeTransitions();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final Exception e) {
            // a passing fault (broker away) must not end health checks: the next round tries again
            LOG.warn("Health check failed: {}", e.toString());
        }
    }

    /**
     * One poll of the gateways, then every transition written (so a gateway alert goes out on its own poll, not
     * up to a check interval later). Runs on the same thread as {@link #check()}.
     */
    void probe(final GatewayProber gateways) {
        try {
            gateways.probeAll().forEach((gateway, probe) -> conditions.gatewayProbed(gateway, probe, System.currentTimeMillis()));
            writeTransitions();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final Exception e) {
            LOG.warn("Gateway health probe failed: {}", e.toString());
        }
    }

    private void writeTransitions() throws Exception {
        final long now = System.currentTimeMillis();
        for (final HealthConditions.Transition transition : conditions.transitions(now)) {
            final Alert alert = alert(transition, now);
            producer.send(record(alert)).get(15, TimeUnit.SECONDS);
            metrics.fired(alert.getEscalation(), null, true);
        }
    }

    private static ProducerRecord<String, Alert> record(final Alert alert) {
        return new ProducerRecord<>(Topics.ALERTS.name(), alert.getAlertId(), alert);
    }

    private Alert alert(final HealthConditions.Transition transition, final long now) {
        final HealthCondition condition = transition.condition();
        final int occurrence = transition.firing() ? occurrences.merge(condition.id(), 1, Integer::sum) : occurrences.getOrDefault(condition.id(), 1);
        final String state = transition.firing() ? "FIRING" : "CLEARED";
        final Alert alert = Alert.newBuilder()
                .setAlertId(condition.id() + ":" + occurrence + ":" + state)
                .setRuleId(condition.id())
                .setArticleId(java.util.UUID.fromString(NIL_UUID))
                .setVersion(occurrence)
                .setHeadline(transition.firing() ? condition.detail() : "Cleared: " + condition.detail())
                .setReason((transition.firing() ? "Health: " : "Health cleared: ") + condition.detail())
                .setMatched(List.of(condition.subject()))
                .setCategory(CATEGORY_HEALTH)
                .setEscalation(state)
                .setEvidence(List.of(AlertEvidence.newBuilder().setKind("health").setValue(condition.kind()).setLabel(condition.subject())
                        .setText(Long.toString(condition.measure())).build()))
                .setRaisedAt(Instant.ofEpochMilli(now))
                .build();
        LOG.info("{}", alert.getReason());
        return alert;
    }

    /**
     * Lag of every Newswire group (consumer, classic or Kafka Streams groups alike): end offsets minus committed
     * offsets, summed over its partitions.
     */
    private void readLag() throws Exception {
        final List<org.apache.kafka.clients.admin.GroupListing> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                .filter(g -> g.groupId().startsWith("newswire")).toList();
        for (final org.apache.kafka.clients.admin.GroupListing group : groups) {
            final boolean streams = group.type().map(t -> t == org.apache.kafka.common.GroupType.STREAMS).orElse(false);
            final Map<TopicPartition, OffsetAndMetadata> committed = streams
                    ? admin.listStreamsGroupOffsets(Map.of(group.groupId(), new org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec()))
                            .partitionsToOffsetAndMetadata(group.groupId()).get(10, TimeUnit.SECONDS)
                    : admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                continue;
            }
            // every partition of the topics the group reads: one it has committed nothing on yet lags from its start
            final java.util.Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            final List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
            final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS);
            final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(partitions.stream()
                    .filter(p -> committed.get(p) == null).collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (final TopicPartition partition : partitions) {
                final OffsetAndMetadata at = committed.get(partition);
                final long from = at != null ? at.offset() : starts.get(partition).offset();
                lag += Math.max(0, ends.get(partition).offset() - from);
            }
            conditions.lag(group.groupId(), lag);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        followers.forEach(TopicFollower::close);
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
