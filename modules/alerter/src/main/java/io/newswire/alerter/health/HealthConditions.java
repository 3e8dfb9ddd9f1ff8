package io.newswire.alerter.health;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure core of health alerts: observations in (a report filed, a dead letter, a group's lag), conditions out,
 * and {@link #transitions} turns "what is wrong now" into alerts that fire once when a condition starts and clear
 * once when it ends. No Kafka, no clock of its own: every call says what time it is.
 *
 * <ul>
 *   <li>Quiet: a desk or correspondent that has filed and then files nothing for its interval. A desk's interval is
 *       the configured one; a correspondent's is three times the median of their last gaps between filings once
 *       three gaps are known (their own rhythm; gaps under a minute are one burst and do not count), else the configured one.</li>
 *   <li>Dead letters: at least the threshold of one stage and error class within the sliding window.</li>
 *   <li>Lag: a group more records behind than the threshold, over all its partitions.</li>
 *   <li>Gateway: a gateway whose {@code /ready} has answered anything but 2xx (503 when Kafka or the registry does
 *       not answer or its state is not loaded), or nothing at all, on every probe for the threshold. One normal
 *       answer ends the outage, so flapping shorter than the threshold never fires; once firing, it clears only on
 *       a normal answer.</li>
 * </ul>
 */
public final class HealthConditions {

    /** Gaps of a correspondent's history kept to learn their rhythm. */
    static final int GAPS_KEPT = 10;
    static final int GAPS_TO_LEARN = 3;
    /** Gaps shorter than this are one burst (an offline queue flushed), not the correspondent's rhythm. */
    static final long BURST_MS = 60_000;

    /** A change of a condition: it started (firing) or ended (cleared). */
    public record Transition(HealthCondition condition, boolean firing) {
    }

    private record Activity(long last, Deque<Long> gaps) {
    }

    /** A gateway not answering normally since {@code since}, with what it said last. */
    private record Outage(long since, GatewayProbe latest) {
    }

    private final long quietIntervalMs;
    private final int deadLetterThreshold;
    private final long deadLetterWindowMs;
    private final long lagThreshold;
    private final long gatewayUnavailableMs;
    private final Map<String, Activity> correspondents = new HashMap<>();
    private final Map<String, Long> desks = new HashMap<>();
    private final Map<String, Deque<Long>> deadLetters = new HashMap<>();
    private final Map<String, Long> lags = new HashMap<>();
    /** Only gateways not answering normally now: one entry per configured gateway at most. */
    private final Map<String, Outage> gatewayOutages = new LinkedHashMap<>();
    private final Map<String, HealthCondition> firing = new LinkedHashMap<>();

    /** @param gatewayUnavailableMs how long a gateway must fail every probe before it fires */
    public HealthConditions(final long quietIntervalMs, final int deadLetterThreshold, final long deadLetterWindowMs, final long lagThreshold,
                            final long gatewayUnavailableMs) {
        this.quietIntervalMs = quietIntervalMs;
        this.deadLetterThreshold = deadLetterThreshold;
        this.deadLetterWindowMs = deadLetterWindowMs;
        this.lagThreshold = lagThreshold;
        this.gatewayUnavailableMs = gatewayUnavailableMs;
    }

    /** What the gateway (its base URL) answered to a readiness probe at that time. */
    public synchronized void gatewayProbed(final String gateway, final GatewayProbe probe, final long at) {
        if (probe.normal()) {
            gatewayOutages.remove(gateway);
        } else {
            final Outage before = gatewayOutages.get(gateway);
            gatewayOutages.put(gateway, new Outage(before == null ? at : before.since(), probe));
        }
    }

    /** A report filed by the correspondent to the desk at that time (either may be null). */
    public synchronized void filed(final String correspondent, final String desk, final long at) {
        if (correspondent != null) {
            final Activity before = correspondents.get(correspondent);
            if (before == null) {
                correspondents.put(correspondent, new Activity(at, new ArrayDeque<>()));
            } else if (at > before.last()) {
                if (at - before.last() >= BURST_MS) {
                    before.gaps().addLast(at - before.last());
                }
                if (before.gaps().size() > GAPS_KEPT) {
                    before.gaps().removeFirst();
                }
                correspondents.put(correspondent, new Activity(at, before.gaps()));
            }
        }
        if (desk != null) {
            desks.merge(desk, at, Math::max);
        }
    }

    /** A dead letter of that stage and error class at that time. */
    public synchronized void deadLettered(final String stage, final String errorClass, final long at) {
        deadLetters.computeIfAbsent(stage + ":" + errorClass, k -> new ArrayDeque<>()).addLast(at);
    }

    /** A group's current lag, over all its partitions. */
    public synchronized void lag(final String group, final long records) {
        lags.put(group, records);
    }

    /** The interval after which the correspondent is quiet: their own rhythm once known, else the configured one. */
    public synchronized long quietIntervalOf(final String correspondent) {
        final Activity activity = correspondents.get(correspondent);
        if (activity == null || activity.gaps().size() < GAPS_TO_LEARN) {
            return quietIntervalMs;
        }
        final List<Long> sorted = new ArrayList<>(activity.gaps());
        sorted.sort(Long::compare);
        return Math.max(1_000, 3 * sorted.get(sorted.size() / 2));
    }

    /** Everything wrong at that time. */
    public synchronized List<HealthCondition> current(final long now) {
        final List<HealthCondition> conditions = new ArrayList<>();
        correspondents.forEach((id, activity) -> {
            final long silence = now - activity.last();
            final long interval = quietIntervalOf(id);
            if (silence > interval) {
                conditions.add(new HealthCondition("health:quiet-correspondent:" + id, "quiet-correspondent", id,
                        "Correspondent " + id + " has filed nothing for " + minutes(silence) + " (expected within " + minutes(interval) + ")", silence));
            }
        });
        desks.forEach((desk, last) -> {
            final long silence = now - last;
            if (silence > quietIntervalMs) {
                conditions.add(new HealthCondition("health:quiet-desk:" + desk, "quiet-desk", desk,
                        "Desk " + desk + " has had no report for " + minutes(silence) + " (expected within " + minutes(quietIntervalMs) + ")", silence));
            }
        });
        deadLetters.forEach((key, times) -> {
            while (!times.isEmpty() && times.peekFirst() < now - deadLetterWindowMs) {
                times.removeFirst();
            }
            if (times.size() >= deadLetterThreshold) {
                conditions.add(new HealthCondition("health:dead-letters:" + key, "dead-letters", key,
                        times.size() + " dead letters of " + key + " within " + minutes(deadLetterWindowMs) + " (threshold " + deadLetterThreshold + ")",
                        times.size()));
            }
        });
        lags.forEach((group, lag) -> {
            if (lag > lagThreshold) {
                conditions.add(new HealthCondition("health:lag:" + group, "lag", group,
                        "Consumer group " + group + " is " + lag + " records behind (threshold " + lagThreshold + ")", lag));
            }
        });
        gatewayOutages.forEach((gateway, outage) -> {
            final String id = "health:gateway:" + gateway;
            final long down = now - outage.since();
            // once firing (also when restored after a restart) only a normal answer clears it
            if (down >= gatewayUnavailableMs || firing.containsKey(id)) {
                conditions.add(new HealthCondition(id, "gateway", gateway,
                        "Gateway " + gateway + " " + outage.latest().describe() + " for " + minutes(down)
                                + " (threshold " + minutes(gatewayUnavailableMs) + ")", down));
            }
        });
        return conditions;
    }

    /**
     * What changed since the last call: conditions that started fire, conditions that ended clear; one that goes on
     * says nothing again.
     */
    public synchronized List<Transition> transitions(final long now) {
        final Map<String, HealthCondition> active = new LinkedHashMap<>();
        current(now).forEach(c -> active.put(c.id(), c));
        final List<Transition> changes = new ArrayList<>();
        active.forEach((id, condition) -> {
            if (!firing.containsKey(id)) {
                changes.add(new Transition(condition, true));
            }
        });
        for (final HealthCondition was : List.copyOf(firing.values())) {
            if (!active.containsKey(was.id())) {
                changes.add(new Transition(was, false));
            }
        }
        firing.clear();
        firing.putAll(active);
        return changes;
    }

    /** Restores a condition known to be firing (read back from the alerts topic after a restart), so it does not fire twice. */
    public synchronized void restoreFiring(final Collection<HealthCondition> conditions) {
        conditions.forEach(c -> firing.put(c.id(), c));
    }

    private static String minutes(final long ms) {
        return ms >= 120_000 ? (ms / 60_000) + " min" : (ms / 1_000) + " s";
    }
}
