package io.newswire.launcher;

import io.newswire.ops.status.ClusterStatus;
import io.newswire.ops.status.HealthJudge;
import io.newswire.ops.status.StatusFormat;
import io.newswire.ops.status.StatusSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `newswire status`: brokers, topics (partitions, size, retention), consumer groups with lag, Streams instances (each
 * Streams group's members and their partitions), the last hour's dead letters by reason and end-to-end latency
 * percentiles, of the dev stack or a given cluster; exit 1 when unhealthy ({@link HealthJudge}), so it can gate a
 * deploy. Wiring only: the rules are in modules/ops.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show a running system's health: brokers, topics, consumer groups with lag, Streams instances, dead letters and "
                + "end-to-end latency of the last hour.",
                "Exits 1 when unhealthy: no broker, a group's lag over --max-lag, a Streams application with no running instance, "
                + "dead letters over --max-dead-letters, latency p99 over --max-latency-ms."})
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;

    @Option(names = "--max-lag", paramLabel = "RECORDS", description = "Unhealthy when a consumer group is more records behind than this (default ${DEFAULT-VALUE}).")
    long maxLag = 1_000;

    @Option(names = "--max-dead-letters", paramLabel = "N", description = "Unhealthy when the last hour brought more dead letters than this (default ${DEFAULT-VALUE}).")
    long maxDeadLetters = 10;

    @Option(names = "--max-latency-ms", paramLabel = "MS", description = "Unhealthy when the last hour's end-to-end p99 latency (gateway "
            + "acceptance to article version) is over this (default ${DEFAULT-VALUE}).")
    long maxLatencyMs = 60_000;

    @Override
    public Integer call() {
        final StatusSnapshot snapshot = ClusterStatus.takeWithLatency(connection.loadPreferringDevStack(), Duration.ofSeconds(10), Instant.now());
        final List<String> problems = new HealthJudge(maxLag, maxDeadLetters, Duration.ofMillis(maxLatencyMs)).problems(snapshot);
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(json ? StatusFormat.json(snapshot, problems) + "\n" : StatusFormat.text(snapshot, problems));
        return problems.isEmpty() ? 0 : 1;
    }
}
