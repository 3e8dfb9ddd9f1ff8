package io.newswire.publisher.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.metrics.WebhookMetrics;
import io.newswire.serde.NewswireSerdes;

import java.time.Clock;
import java.util.Map;

/**
 * Webhook delivery alone in a JVM, with the test renderer and filters, until killed: what
 * {@link WebhookCrashIntegrationTest} kills mid-stream. Prints its outcome counters every 200 ms.
 *
 * <p>Arguments: bootstrap servers, registry URL, consumer group.
 */
public final class WebhookDeliveryChild {

    private WebhookDeliveryChild() {
    }

    public static void main(final String[] args) throws Exception {
        final NewswireConfig config = new NewswireConfig(Map.of(NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, args[1], NewswireConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false,
                NewswireConfig.WEBHOOKS_GROUP_ID_CONFIG, args[2], "kafka.session.timeout.ms", "6000", "kafka.heartbeat.interval.ms", "500"));
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
             Webhooks webhooks = Webhooks.start(config, serdes, meters, TestArticles.RENDERER, TestArticles.FILTERS, Clock.systemUTC())) {
            System.out.println("READY");
            while (true) {
                Thread.sleep(200);
                System.out.println("delivered=" + count(meters, "delivered") + " skipped=" + count(meters, "skipped")
                        + " uncertain=" + count(meters, "uncertain"));
            }
        }
    }

    private static long count(final SimpleMeterRegistry meters, final String outcome) {
        // summed over subscribers
        return (long) meters.find(WebhookMetrics.DELIVERIES).tag(WebhookMetrics.OUTCOME_TAG, outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
