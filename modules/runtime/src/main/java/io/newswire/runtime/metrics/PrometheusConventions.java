package io.newswire.runtime.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The renames and drops that make every meter of a {@link NewswireMetrics} registry follow Prometheus' naming
 * conventions (base units spelt out in names, {@code _total} only on counters, no {@code _count}/{@code _sum}/
 * {@code _bucket} on anything but histograms and summaries, a help text on each), as {@code promtool check metrics}
 * checks them.
 *
 * <p>Input: a meter's Micrometer name (dotted, before the Prometheus naming convention turns dots into underscores
 * and adds {@code _total} to counters), its type and description. Output: the name it is exported under, or none
 * (dropped), and a description. Our own meters are named right at their source; the rules are for the binders' meters
 * we cannot name:
 * <ul>
 *   <li>{@code system.cpu.count} (a gauge; Prometheus reads {@code _count} as part of a histogram): renamed
 *       {@code system.available.processors}.</li>
 *   <li>any other gauge ending {@code .count}, e.g. Kafka's {@code kafka.producer.connection.count}: the count
 *       becomes a plural, {@code kafka.producer.connections}.</li>
 *   <li>a name with an abbreviated time unit as a word ({@code ns}, {@code ms}, {@code us}), e.g. Micrometer's
 *       {@code process.cpu.time} (exported {@code process_cpu_time_ns_total}) and Kafka's
 *       {@code kafka.producer.io.wait.time.ns.total}: dropped (a binder's meter only; ours, {@code newswire.*}, are
 *       never dropped, so a bad name of ours fails the metrics test instead of vanishing), because a filter can rename a meter but not rescale
 *       its values to seconds. {@link NewswireMetrics} registers {@code process_cpu_seconds_total} instead of the
 *       first; Kafka's are io and wait times whose ratios ({@code *_ratio}) stay.</li>
 *   <li>a meter without a description (some of Kafka's node metrics): described by its name.</li>
 * </ul>
 */
public final class PrometheusConventions {

    private static final Map<String, String> RENAMED = Map.of(
            "system.cpu.count", "system.available.processors");

    /** Micrometer's CPU time binder names its unit in its Prometheus name only (base unit "ns"). */
    private static final Set<String> DROPPED = Set.of("process.cpu.time");

    private static final Set<String> ABBREVIATED_UNITS = Set.of("ns", "us", "ms");

    /** Names of the meters Newswire itself registers; those are named right at their source. */
    private static final String OWN_PREFIX = "newswire.";

    private PrometheusConventions() {
    }

    /**
     * The name a meter is exported under.
     *
     * @param name a Micrometer meter name
     * @param type the meter's type
     * @return the name to register it under, or empty to drop it
     */
    public static Optional<String> exportedName(final String name, final Meter.Type type) {
        // our own meters are never dropped: a badly named one must fail MetricsEndpointsIntegrationTest, not vanish
        final boolean ours = name.startsWith(OWN_PREFIX);
        if (DROPPED.contains(name) || !ours && Arrays.stream(name.split("[._-]")).anyMatch(ABBREVIATED_UNITS::contains)) {
            return Optional.empty();
        }
        if (RENAMED.containsKey(name)) {
            return Optional.of(RENAMED.get(name));
        }
        if (type == Meter.Type.GAUGE && name.endsWith(".count") && name.length() > ".count".length()) {
            return Optional.of(name.substring(0, name.length() - ".count".length()) + "s");
        }
        return Optional.of(name);
    }

    /** A meter's help text: its own, or, where it has none, one naming the meter. May not be blank. */
    public static String description(final String name, final String description) {
        return description == null || description.isBlank() ? name + " (its source gives no description)" : description;
    }

    /** The filters applying {@link #exportedName} and {@link #description}; add them before any meter is registered. */
    public static List<MeterFilter> filters() {
        return List.of(new MeterFilter() {
            @Override
            public MeterFilterReply accept(final Meter.Id id) {
                return exportedName(id.getName(), id.getType()).isPresent() ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
            }

            @Override
            public Meter.Id map(final Meter.Id id) {
                final String exported = exportedName(id.getName(), id.getType()).orElse(id.getName());
                final String description = description(id.getName(), id.getDescription());
                if (exported.equals(id.getName()) && description.equals(id.getDescription())) {
                    return id;
                }
                return new Meter.Id(exported, io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
                        description, id.getType());
            }
        });
    }
}
