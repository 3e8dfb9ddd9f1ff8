package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.enrichment.BuiltInEnrichment;
import io.newswire.enrichment.EnrichmentInput;
import io.newswire.enrichment.EnrichmentStep;
import io.newswire.enrichment.ReportEnricher;
import io.newswire.enrichment.places.Gazetteer;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.Enrichment;
import io.newswire.model.ReportKind;
import io.newswire.runtime.metrics.HeapUsage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What enrichment costs: heap held by its data (gazetteer, language models, dictionaries) and load time, measured in
 * a fresh JVM, and the gazetteer's own (a second load, as {@code newswire gazetteer check} reports it); then CPU time per report, on one thread, of every step alone and of all of them, over Arabic reports
 * of about 2 KB (the evaluation set's Arabic reports, each body doubled with the next report's to reach the size).
 *
 * <p>Run: {@code modules/bench/run EnrichmentBenchmark [path to reports.jsonl] [passes per round]}
 */
public final class EnrichmentBenchmark {

    /** Passes of every step over every report before timing. */
    private static final int WARM_UP_PASSES = 40;
    private static final int ROUNDS = 5;

    private EnrichmentBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final Path set = Path.of(args.length > 0 ? args[0] : "modules/enrichment/src/test/resources/evaluation/reports.jsonl");
        final int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        final List<CorrespondentReport> reports = arabicReports(set);
        final double bytes = reports.stream().mapToInt(r -> (r.getHeadline() + String.join("\n", r.getBody())).getBytes(StandardCharsets.UTF_8).length)
                .average().orElse(0);

        final long heapBefore = HeapUsage.usedAfterGc();
        final long loadStart = System.nanoTime();
        final ReportEnricher enricher = BuiltInEnrichment.build(BuiltInEnrichment.Settings.defaults());
        final double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        final long heapHeld = HeapUsage.usedAfterGc() - heapBefore;
        System.out.printf(Locale.ROOT, "loaded every step in %.1f s; heap held by enrichment's data: %,.0f MB%n", loadSeconds, heapHeld / 1e6);
        gazetteerLoad();
        System.out.printf(Locale.ROOT, "%d Arabic reports, %.0f bytes of headline and body on average (UTF-8)%n", reports.size(), bytes);

        final Enrichment empty = Enrichment.newBuilder().setMatchingHeadline("").setMatchingBody("").build();
        final List<EnrichmentInput> inputs = reports.stream().map(r -> EnrichmentInput.of(r, ZoneOffset.UTC)).toList();
        final Map<String, Runnable> runs = new LinkedHashMap<>();
        for (final EnrichmentStep step : enricher.steps()) {
            runs.put(step.name(), () -> inputs.forEach(input -> step.enrich(input, Enrichment.newBuilder(empty).setWarnings(new ArrayList<>()))));
        }
        runs.put("all steps (ReportEnricher)", () -> reports.forEach(r -> enricher.enrich(r, empty)));
        // warm up every step until the JIT has compiled them (on a loaded machine its threads lag: a short warm-up
        // times the interpreter), then time each alone and all together, the median of ROUNDS rounds of thread CPU
        // time (noisy neighbours do not count)
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            runs.values().forEach(Runnable::run);
        }
        final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        final Map<String, double[]> rounds = new LinkedHashMap<>();
        runs.keySet().forEach(name -> rounds.put(name, new double[ROUNDS]));
        for (int round = 0; round < ROUNDS; round++) {
            for (final Map.Entry<String, Runnable> run : runs.entrySet()) {
                final long start = cpu.getCurrentThreadCpuTime();
                for (int p = 0; p < passes; p++) {
                    run.getValue().run();
                }
                rounds.get(run.getKey())[round] = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / passes / inputs.size();
            }
        }
        System.out.printf(Locale.ROOT, "| step | CPU µs per report (median of %d rounds of %d passes; min-max) |%n", ROUNDS, passes);
        System.out.println("|---|---|");
        rounds.forEach((name, micros) -> {
            Arrays.sort(micros);
            final double median = micros[ROUNDS / 2];
            final String rate = name.startsWith("all") ? String.format(Locale.ROOT, " = %,.0f reports/s per core", 1e6 / median) : "";
            System.out.printf(Locale.ROOT, "| %s | %.0f%s (%.0f-%.0f) |%n", name, median, rate, micros[0], micros[ROUNDS - 1]);
        });
    }

    static List<CorrespondentReport> arabicReports(final Path set) throws Exception {
        final ObjectMapper json = new ObjectMapper();
        final List<JsonNode> lines = new ArrayList<>();
        for (final String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
            final JsonNode node = line.isBlank() ? null : json.readTree(line);
            if (node != null && "ar".equals(node.get("language").asText())) {
                lines.add(node);
            }
        }
        final List<CorrespondentReport> reports = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            final JsonNode line = lines.get(i);
            final List<String> body = new ArrayList<>();
            line.get("body").forEach(p -> body.add(p.asText()));
            lines.get((i + 1) % lines.size()).get("body").forEach(p -> body.add(p.asText()));
            final Instant filed = Instant.parse(line.get("filedAt").asText());
            reports.add(CorrespondentReport.newBuilder().setReportId(UUID.randomUUID()).setCorrespondentId("bench")
                    .setDesk(line.path("desk").asText(null)).setLanguage("ar").setKind(ReportKind.NEW)
                    .setHeadline(line.get("headline").asText()).setDateline(line.path("dateline").isNull() ? null : line.path("dateline").asText(null))
                    .setBody(body).setTimeZone(line.path("timeZone").asText(null)).setFiledAt(filed).setReceivedAt(filed)
                    .setContentDigest("bench").build());
        }
        return reports;
    }

    /** The built-in gazetteer alone, loaded a second time (its classes loaded and compiled by the first). */
    private static void gazetteerLoad() {
        final long before = HeapUsage.usedAfterGc();
        final long started = System.nanoTime();
        final Gazetteer gazetteer = Gazetteer.builtIn();
        final double seconds = (System.nanoTime() - started) / 1e9;
        final long held = HeapUsage.usedAfterGc() - before;
        System.out.printf(Locale.ROOT, "gazetteer alone: %,d entries, %,d names, loaded in %.2f s, %.1f MB held%n",
                gazetteer.size(), gazetteer.names(), seconds, held / 1e6);
    }
}
