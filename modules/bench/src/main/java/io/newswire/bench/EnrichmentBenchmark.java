package io.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.enrichment.BuiltInEnrichment;
import io.newswire.enrichment.EnrichmentInput;
import io.newswire.enrichment.EnrichmentStep;
import io.newswire.enrichment.ReportEnricher;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.Enrichment;
import io.newswire.model.ReportKind;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What enrichment costs: heap held by its data (gazetteer, language models, dictionaries) and load time, measured in
 * a fresh JVM; then CPU time per report, on one thread, of every step alone and of all of them, over Arabic reports
 * of about 2 KB (the evaluation set's Arabic reports, each body doubled with the next report's to reach the size).
 *
 * <p>Run: {@code modules/bench/run EnrichmentBenchmark [path to reports.jsonl] [passes]}
 */
public final class EnrichmentBenchmark {

    private EnrichmentBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final Path set = Path.of(args.length > 0 ? args[0] : "modules/enrichment/src/test/resources/evaluation/reports.jsonl");
        final int passes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final List<CorrespondentReport> reports = arabicReports(set);
        final double bytes = reports.stream().mapToInt(r -> (r.getHeadline() + String.join("\n", r.getBody())).getBytes(StandardCharsets.UTF_8).length)
                .average().orElse(0);

        final long heapBefore = usedAfterGc();
        final long loadStart = System.nanoTime();
        final ReportEnricher enricher = BuiltInEnrichment.build(BuiltInEnrichment.Settings.defaults());
        final double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        final long heapHeld = usedAfterGc() - heapBefore;
        System.out.printf(Locale.ROOT, "loaded every step in %.1f s; heap held by enrichment's data: %,.0f MB%n", loadSeconds, heapHeld / 1e6);
        System.out.printf(Locale.ROOT, "%d Arabic reports, %.0f bytes of headline and body on average (UTF-8)%n", reports.size(), bytes);

        final Enrichment empty = Enrichment.newBuilder().setMatchingHeadline("").setMatchingBody("").build();
        final List<EnrichmentInput> inputs = reports.stream().map(r -> EnrichmentInput.of(r, ZoneOffset.UTC)).toList();
        // warm up every step, then time each alone and all together (thread CPU time: noisy neighbours do not count)
        for (int i = 0; i < 5; i++) {
            reports.forEach(r -> enricher.enrich(r, empty));
        }
        final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        final Map<String, Double> perStep = new LinkedHashMap<>();
        for (final EnrichmentStep step : enricher.steps()) {
            final long start = cpu.getCurrentThreadCpuTime();
            for (int p = 0; p < passes; p++) {
                for (final EnrichmentInput input : inputs) {
                    final Enrichment.Builder builder = Enrichment.newBuilder(empty).setWarnings(new ArrayList<>());
                    step.enrich(input, builder);
                }
            }
            perStep.put(step.name(), (cpu.getCurrentThreadCpuTime() - start) / 1e3 / passes / inputs.size());
        }
        final long start = cpu.getCurrentThreadCpuTime();
        for (int p = 0; p < passes; p++) {
            reports.forEach(r -> enricher.enrich(r, empty));
        }
        final double all = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / passes / reports.size();
        System.out.println("| step | CPU µs per report |");
        System.out.println("|---|---|");
        perStep.forEach((name, micros) -> System.out.printf(Locale.ROOT, "| %s | %.0f |%n", name, micros));
        System.out.printf(Locale.ROOT, "| all steps (ReportEnricher) | %.0f = %,.0f reports/s per core |%n", all, 1e6 / all);
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

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
