package io.newswire.launcher;

import io.newswire.gateway.client.ReportSubmitter;
import io.newswire.runtime.config.NewswireConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `newswire submit FILE...`: files reports through the gateway, with safe retries. The token comes from
 * {@code --token-file} or the NEWSWIRE_TOKEN environment variable; the gateway from {@code --gateway} or the
 * running dev stack. It talks to no Kafka or registry, so it offers no cluster or settings options: only the data dir
 * whose dev stack's gateway it uses when no --gateway is given.
 */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit report files (JSON) to the gateway; retries safely.")
public final class SubmitCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Without --gateway: use the gateway of the dev stack of this data dir (default: .newswire, or NEWSWIRE_DATA_DIR).")
    Path dataDir;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Report files (JSON), as in examples/.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--gateway", paramLabel = "URL", description = "Gateway base URL (default: the dev stack's).")
    URI gateway;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the bearer token (default: $NEWSWIRE_TOKEN).")
    Path tokenFile;

    @Option(names = "--queue", paramLabel = "DIR", description = "Send every report waiting in DIR; answered ones move to DIR/sent or DIR/rejected.")
    Path queue;

    @Option(names = "--attempts", description = "Attempts per report on 503/429/network errors (default ${DEFAULT-VALUE}).")
    int attempts = 6;

    /** The environment the token and data dir may come from; tests replace it instead of the process's own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        final String token = tokenFile != null ? Files.readString(tokenFile).trim() : environment.get("NEWSWIRE_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("No token: set NEWSWIRE_TOKEN or pass --token-file (issue one with `newswire correspondents add`).");
            return 2;
        }
        final ReportSubmitter submitter = new ReportSubmitter(gatewayUrl(), token, attempts, Duration.ofMillis(500));
        final List<ReportSubmitter.Outcome> outcomes = new ArrayList<>();
        if (queue != null) {
            outcomes.addAll(submitter.flushQueue(queue));
        }
        for (final Path file : files) {
            outcomes.add(submitter.submit(file));
        }
        int failed = 0;
        for (final ReportSubmitter.Outcome outcome : outcomes) {
            System.out.printf("%s  %s  %s%n", outcome.file(), outcome.status() == -1 ? "unsent" : outcome.status(), outcome.body());
            failed += outcome.accepted() ? 0 : 1;
        }
        return failed == 0 ? 0 : 1;
    }

    /** --gateway, else the gateway of the data dir's running dev stack, else the gateway's default address. */
    URI gatewayUrl() {
        if (gateway != null) {
            return gateway;
        }
        final Path dir = dataDir != null ? dataDir : NewswireConfig.load(null, environment, Map.of()).dataDir();
        return Endpoints.read(dir).map(e -> URI.create(e.gateway())).orElse(URI.create("http://127.0.0.1:8080"));
    }
}
