package io.newswire.enrichment.urgency;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.ReportText;
import io.newswire.enrichment.text.Token;
import io.newswire.model.Subject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Urgency 1-9 (IPTC/AP: 1 flash, 3 urgent, 5 normal) from {@link UrgencyRules}. Deterministic: the same report,
 * desk, flag and subjects always give the same level and the same reasons in the same order.
 *
 * <p>Rules (levels from the data):
 * <ul>
 *   <li>{@code headline-flash}, {@code headline-breaking}: a breaking word in the headline or subheadline
 *   ("عاجل", "breaking", "urgent").</li>
 *   <li>{@code event-*}: an event named in the headline/subheadline at its level, in the lead paragraph one level
 *   lower; a lead mention that would not beat the default does not fire (a story that merely mentions a raid is
 *   not urgent).</li>
 *   <li>{@code casualties-killed}, {@code casualties-wounded}: the largest figure of each kind from
 *   {@link CasualtyCounter} against the thresholds ("عشرات القتلى" counts 20).</li>
 *   <li>{@code desk}: a desk whose name (or a part of it between - or _) is in the table ("breaking", "features").</li>
 *   <li>{@code correspondent-flagged-urgent}: the correspondent's own flag.</li>
 *   <li>{@code subject}: a subject in the table (massacre, coup, earthquake...).</li>
 *   <li>{@code headline-analysis} and other lowering rules: count only when nothing above raised the report.</li>
 *   <li>{@code undated}: a report in which no dated event was found (a feature, a profile) is lowered to
 *   {@code undated}, again only when nothing raised it.</li>
 * </ul>
 * The level is the most urgent (lowest) of the raising rules, else the least urgent of the lowering rules, else the
 * default. Reasons read "rule: what fired (field start-end) → level", the deciding one first.
 */
public final class UrgencyScorer {

    private record Rule(String name, int level) {
    }

    /** A rule that fired: its level and the reason line; order keeps equal levels in rule order. */
    private record Fired(int level, int order, String reason) {
    }

    private final MatchingTextNormalizer normalizer;
    private final PhraseMatcher<Rule> headlineTerms;
    private final PhraseMatcher<Rule> eventTerms;
    private final PhraseMatcher<Rule> loweringTerms;
    private final CasualtyCounter casualties;
    private final Map<Casualty.Kind, List<int[]>> thresholds = new HashMap<>();
    private final Map<String, Integer> desks = new LinkedHashMap<>();
    private final Map<String, Integer> subjects = new LinkedHashMap<>();
    private final int flaggedUrgent;
    private final int defaultLevel;
    private final int undatedLevel;

    public UrgencyScorer(final UrgencyRules rules, final MatchingTextNormalizer normalizer) {
        final JsonNode root = rules.root();
        this.normalizer = normalizer;
        this.defaultLevel = root.path("default").asInt(5);
        this.headlineTerms = terms(root.path("headline"), normalizer);
        this.eventTerms = terms(root.path("events").path("rules"), normalizer);
        this.loweringTerms = terms(root.path("lowering"), normalizer);
        this.casualties = new CasualtyCounter(root.path("casualties"), normalizer);
        for (final Casualty.Kind kind : Casualty.Kind.values()) {
            final List<int[]> steps = new ArrayList<>();
            for (final JsonNode step : root.path("casualties").path(kind.label()).path("thresholds")) {
                steps.add(new int[] {step.path("min").asInt(), step.path("level").asInt()});
            }
            steps.sort(Comparator.comparingInt((int[] s) -> s[0]).reversed());
            thresholds.put(kind, steps);
        }
        levels(root.path("desks"), desks);
        levels(root.path("subjects"), subjects);
        this.flaggedUrgent = root.path("flaggedUrgent").asInt(3);
        this.undatedLevel = root.path("undated").asInt(0);
    }

    public static UrgencyScorer withShippedRules() {
        return new UrgencyScorer(UrgencyRules.fromClasspath(), new MatchingTextNormalizer());
    }

    /**
     * @param report        the report's fields; never null
     * @param desk          the desk filed to; may be null
     * @param flaggedUrgent the correspondent's own flag
     * @param found         subjects the classifier gave the report; never null, possibly empty
     */
    public Urgency score(final ReportText report, final String desk, final boolean flaggedUrgent, final List<Subject> found) {
        return score(report, desk, flaggedUrgent, found, true);
    }

    /**
     * As {@link #score(ReportText, String, boolean, List)}, knowing whether the dates step found a dated event.
     *
     * @param datedEvent a date mention was chosen as the event date; without one the {@code undated} rule may lower
     */
    public Urgency score(final ReportText report, final String desk, final boolean flaggedUrgent, final List<Subject> found,
                         final boolean datedEvent) {
        final List<Fired> raising = new ArrayList<>();
        final List<Fired> lowering = new ArrayList<>();
        final List<Casualty> figures = new ArrayList<>();
        int order = 0;
        // each field is tokenised once; every rule reads those tokens
        for (final ReportText.Field field : report.fields()) {
            if (ReportText.BIO.equals(field.name())) {
                continue;
            }
            final List<Token> tokens = normalizer.tokens(field.name(), field.text());
            figures.addAll(casualties.find(field.name(), field.text(), tokens));
            if (ReportText.HEADLINE.equals(field.name()) || ReportText.SUBHEADLINE.equals(field.name())) {
                for (final PhraseMatcher.Match<Rule> match : headlineTerms.find(tokens)) {
                    order = fire(raising, order, match.entries().get(0).level(), match.entries().get(0).name(), field, match);
                }
                for (final PhraseMatcher.Match<Rule> match : eventTerms.find(tokens)) {
                    order = fire(raising, order, match.entries().get(0).level(), match.entries().get(0).name(), field, match);
                }
                for (final PhraseMatcher.Match<Rule> match : loweringTerms.find(tokens)) {
                    order = fire(lowering, order, match.entries().get(0).level(), match.entries().get(0).name(), field, match);
                }
            } else if (ReportText.BODY.equals(field.name())) {
                final int leadEnd = field.text().indexOf('\n') < 0 ? field.text().length() : field.text().indexOf('\n');
                int leadTokens = 0;
                while (leadTokens < tokens.size() && tokens.get(leadTokens).end() <= leadEnd) {
                    leadTokens++;
                }
                for (final PhraseMatcher.Match<Rule> match : eventTerms.find(tokens.subList(0, leadTokens))) {
                    final int level = match.entries().get(0).level() + 1;
                    if (level < defaultLevel) {
                        order = fire(raising, order, level, match.entries().get(0).name() + "-lead", field, match);
                    }
                }
            }
        }
        for (final Casualty.Kind kind : Casualty.Kind.values()) {
            final Casualty largest = largest(figures, kind);
            if (largest != null) {
                for (final int[] step : thresholds.get(kind)) {
                    if (largest.count() >= step[0]) {
                        raising.add(new Fired(step[1], order++, "casualties-" + kind.label() + ": " + largest.text() + " ("
                                + largest.field() + " " + largest.start() + "-" + largest.end() + ") count " + largest.count()
                                + " ≥ " + step[0] + " → " + step[1]));
                        break;
                    }
                }
            }
        }
        if (desk != null && !desk.isBlank()) {
            final Integer level = deskLevel(desk);
            if (level != null) {
                (level < defaultLevel ? raising : lowering).add(new Fired(level, order++, "desk: " + desk + " → " + level));
            }
        }
        if (flaggedUrgent) {
            raising.add(new Fired(this.flaggedUrgent, order++, "correspondent-flagged-urgent → " + this.flaggedUrgent));
        }
        for (final Subject subject : found) {
            final Integer level = subjects.get(subject.getCode());
            if (level != null) {
                (level < defaultLevel ? raising : lowering).add(new Fired(level, order++,
                        "subject: " + subject.getCode() + " " + subject.getName() + " → " + level));
            }
        }
        if (!datedEvent && undatedLevel > defaultLevel) {
            lowering.add(new Fired(undatedLevel, order++, "undated: no dated event → " + undatedLevel));
        }
        return decide(raising, lowering);
    }

    private static int fire(final List<Fired> into, final int order, final int level, final String rule,
                            final ReportText.Field field, final PhraseMatcher.Match<Rule> match) {
        into.add(new Fired(level, order, where(rule, field, match) + " → " + level));
        return order + 1;
    }

    private Urgency decide(final List<Fired> raising, final List<Fired> lowering) {
        final Comparator<Fired> byLevel = Comparator.comparingInt(Fired::level).thenComparingInt(Fired::order);
        if (!raising.isEmpty()) {
            raising.sort(byLevel);
            final List<String> reasons = new ArrayList<>();
            raising.forEach(f -> reasons.add(f.reason()));
            lowering.forEach(f -> reasons.add(f.reason() + " (not applied: raised)"));
            return new Urgency(raising.get(0).level(), reasons);
        }
        if (!lowering.isEmpty()) {
            lowering.sort(Comparator.comparingInt(Fired::level).reversed().thenComparingInt(Fired::order));
            final List<String> reasons = new ArrayList<>();
            lowering.forEach(f -> reasons.add(f.reason()));
            return new Urgency(lowering.get(0).level(), reasons);
        }
        return new Urgency(defaultLevel, List.of("default → " + defaultLevel));
    }

    private Integer deskLevel(final String desk) {
        final String name = desk.toLowerCase(Locale.ROOT).trim();
        final Integer whole = desks.get(name);
        if (whole != null) {
            return whole;
        }
        for (final String part : name.split("[-_ /]")) {
            final Integer level = desks.get(part);
            if (level != null) {
                return level;
            }
        }
        return null;
    }

    private static Casualty largest(final List<Casualty> found, final Casualty.Kind kind) {
        Casualty best = null;
        for (final Casualty casualty : found) {
            if (casualty.kind() == kind && (best == null || casualty.count() > best.count())) {
                best = casualty;
            }
        }
        return best;
    }




    private static String where(final String rule, final ReportText.Field field, final PhraseMatcher.Match<Rule> match) {
        return rule + ": " + field.text().substring(match.start(), match.end()) + " (" + field.name() + " "
                + match.start() + "-" + match.end() + ")";
    }

    private static PhraseMatcher<Rule> terms(final JsonNode rules, final MatchingTextNormalizer normalizer) {
        final PhraseMatcher.Builder<Rule> builder = PhraseMatcher.builder(normalizer);
        for (final JsonNode node : rules) {
            final Rule rule = new Rule(node.path("rule").asText(), node.path("level").asInt());
            for (final JsonNode term : node.path("terms")) {
                builder.add(term.asText(), rule);
            }
        }
        return builder.build();
    }

    private static void levels(final JsonNode table, final Map<String, Integer> into) {
        final Iterator<Map.Entry<String, JsonNode>> fields = table.fields();
        while (fields.hasNext()) {
            final Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isInt()) {
                into.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue().asInt());
            }
        }
    }
}
