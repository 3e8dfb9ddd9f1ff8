package io.newswire.bench;

import io.newswire.alerter.rules.ArticleText;
import io.newswire.alerter.rules.CompiledRule;
import io.newswire.alerter.rules.RuleBook;
import io.newswire.alerter.rules.RuleIndex;
import io.newswire.alerter.rules.RuleMatch;
import io.newswire.alerter.rules.RuleMatcher;
import io.newswire.alerter.suppression.EscalationPolicy;
import io.newswire.enrichment.BuiltInEnrichment;
import io.newswire.enrichment.ReportEnricher;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.AlertRule;
import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.Enrichment;
import io.newswire.model.GeoArea;
import io.newswire.model.Place;
import io.newswire.model.PubStatus;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Article updates per second through the alerter's core with N rules: for each version, its words analysed once
 * ({@link ArticleText}), the rules matched and each match decided ({@link EscalationPolicy}), two ways in the same
 * run: every rule tried ({@link RuleMatcher} on each, as before the index) and the candidates of a {@link RuleIndex}
 * (what the alerter runs), on one thread (thread CPU time, so noisy neighbours do not count). The versions are the enrichment evaluation set's
 * Arabic reports (about 2 KB each) enriched by the real built-in enrichment; the rules are drawn from the same data
 * (seed 42): each has 5 watch-list terms taken from the reports' words, or 2 place ids, or an area of 25 km around a
 * place, or a party id, or an urgency level; a quarter combine two conditions. No Kafka: the stream's own cost
 * (deserialising, the store, the transaction) is in the processing benchmarks' byte-copy ceiling, not here.
 *
 * <p>Run: {@code modules/bench/run AlerterBenchmark [--held-out] [N...]} (default 10 100 1000). With {@code --held-out}
 * the rules are drawn from half of the versions and the other half is timed: rules watching other stories, as most of
 * a newsroom's rules are for any one story.
 */
public final class AlerterBenchmark {

    private AlerterBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final List<Integer> sizes = new ArrayList<>();
        boolean heldOut = false;
        for (final String arg : args) {
            if (arg.equals("--held-out")) {
                heldOut = true;
            } else {
                sizes.add(Integer.parseInt(arg));
            }
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(10, 100, 1000));
        }
        final List<ArticleUpdate> all = updates(EnrichmentBenchmark.arabicReports(
                Path.of("modules/enrichment/src/test/resources/evaluation/reports.jsonl")));
        // held out: rules drawn from the first half of the versions watch other stories than the second half, timed
        final List<ArticleUpdate> ruleSource = heldOut ? all.subList(0, all.size() / 2) : all;
        final List<ArticleUpdate> updates = heldOut ? all.subList(all.size() / 2, all.size()) : all;
        final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();
        System.out.printf(Locale.ROOT, "%d article versions (Arabic, enriched); rules drawn from %s%n", updates.size(),
                heldOut ? "the other " + ruleSource.size() : "the same versions");
        System.out.println("| rules | matching | µs per version | versions/s (one core) | matches per version | rules tried per version |");
        System.out.println("|---|---|---|---|---|---|");
        for (final int n : sizes) {
            final RuleBook book = new RuleBook(normalizer);
            rules(ruleSource, n, new Random(42)).forEach(r -> book.apply(r.getRuleId(), r));
            final List<CompiledRule> compiled = List.copyOf(book.all());
            final RuleIndex index = book.index();
            final double tried = updates.stream().mapToInt(u -> index.candidateCount(ArticleText.of(u, normalizer))).average().orElse(0);
            measure("every rule", n, updates, n, () -> everyRule(updates, compiled, normalizer));
            measure("indexed", n, updates, tried, () -> indexed(updates, index, normalizer));
        }
    }

    private static void measure(final String how, final int n, final List<ArticleUpdate> updates, final double tried, final LongSupplier pass) {
        final int warmUp = Math.max(3, 3_000 / Math.max(1, n));
        for (int i = 0; i < warmUp; i++) {
            pass.getAsLong();
        }
        final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        final int passes = Math.max(3, 20_000 / Math.max(10, n));
        long matches = 0;
        final long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < passes; i++) {
            matches += pass.getAsLong();
        }
        final double perVersionUs = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / ((double) passes * updates.size());
        System.out.printf(Locale.ROOT, "| %,d | %s | %.1f | %,.0f | %.2f | %.1f |%n", n, how, perVersionUs, 1e6 / perVersionUs,
                matches / ((double) passes * updates.size()), tried);
    }

    private static long indexed(final List<ArticleUpdate> updates, final RuleIndex index, final MatchingTextNormalizer normalizer) {
        long matches = 0;
        for (final ArticleUpdate update : updates) {
            for (final RuleMatch match : index.matches(ArticleText.of(update, normalizer))) {
                matches++;
                EscalationPolicy.decide(null, update, true, false, update.getVersionCreated().toEpochMilli());
            }
        }
        return matches;
    }

    private static long everyRule(final List<ArticleUpdate> updates, final List<CompiledRule> rules, final MatchingTextNormalizer normalizer) {
        long matches = 0;
        for (final ArticleUpdate update : updates) {
            final ArticleText text = ArticleText.of(update, normalizer);
            for (final CompiledRule rule : rules) {
                final Optional<RuleMatch> match = RuleMatcher.match(rule, text);
                if (match.isPresent()) {
                    matches++;
                    EscalationPolicy.decide(null, update, true, false, update.getVersionCreated().toEpochMilli());
                }
            }
        }
        return matches;
    }

    private static List<ArticleUpdate> updates(final List<CorrespondentReport> reports) {
        final ReportEnricher enricher = BuiltInEnrichment.shared();
        final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();
        final List<ArticleUpdate> updates = new ArrayList<>();
        for (final CorrespondentReport report : reports) {
            final Enrichment normalised = Enrichment.newBuilder().setMatchingHeadline(normalizer.matchingForm(report.getHeadline()))
                    .setMatchingBody(normalizer.matchingForm(String.join("\n", report.getBody()))).build();
            final Enrichment enrichment = enricher.enrich(report, normalised);
            updates.add(ArticleUpdate.newBuilder().setArticleId(UUID.randomUUID()).setVersion(1).setSignal(Signal.NEW)
                    .setPubStatus(PubStatus.USABLE).setLanguage("ar").setHeadline(report.getHeadline()).setDateline(report.getDateline())
                    .setBody(report.getBody()).setUrgency(enrichment.getUrgency()).setEnrichment(enrichment)
                    .setTriggeringReportId(report.getReportId())
                    .setSources(List.of(ArticleSource.newBuilder().setReportId(report.getReportId()).setCorrespondentId("bench")
                            .setRole(SourceRole.ORIGIN).build()))
                    .setFirstCreated(Instant.now()).setVersionCreated(Instant.now()).build());
        }
        return updates;
    }

    private static List<AlertRule> rules(final List<ArticleUpdate> updates, final int n, final Random random) {
        final List<String> words = new ArrayList<>(new LinkedHashSet<>(updates.stream()
                .flatMap(u -> List.of(String.join(" ", u.getBody()).split("[\\s،.]+")).stream()).filter(w -> w.length() > 3).toList()));
        final List<Place> places = updates.stream().flatMap(u -> u.getEnrichment().getPlaces().stream()).toList();
        final List<String> parties = updates.stream().flatMap(u -> u.getEnrichment().getEntities().stream()).map(e -> e.getId()).distinct().toList();
        final List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final AlertRule.Builder rule = AlertRule.newBuilder().setRuleId("rule-" + i).setDesk("desk-" + (i % 8)).setCreatedAt(Instant.now());
            final int kinds = random.nextInt(4) == 0 ? 2 : 1;
            for (int k = 0; k < kinds; k++) {
                switch (random.nextInt(5)) {
                    case 0 -> rule.setTerms(List.of(pick(words, random), pick(words, random), pick(words, random), pick(words, random), pick(words, random)));
                    case 1 -> rule.setPlaceIds(List.of(pick(places, random).getId(), pick(places, random).getId()));
                    case 2 -> {
                        final Place centre = pick(places, random);
                        rule.setAreas(List.of(new GeoArea(centre.getLatitude(), centre.getLongitude(), 25.0, null)));
                    }
                    case 3 -> rule.setPartyIds(List.of(parties.isEmpty() ? "none" : pick(parties, random)));
                    default -> rule.setUrgencyAtLeast(1 + random.nextInt(5));
                }
            }
            rules.add(rule.build());
        }
        return rules;
    }

    private static <T> T pick(final List<T> values, final Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
