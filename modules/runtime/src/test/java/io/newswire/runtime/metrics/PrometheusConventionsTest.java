package io.newswire.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusConventionsTest {

    @Test
    void shouldRenameAGaugeEndingInCountWhenPrometheusWouldReadItAsAHistogramsPart() {
        // Given gauges whose Prometheus names would end in _count (promtool: only histograms and summaries may)
        // When / Then
        assertThat(PrometheusConventions.exportedName("system.cpu.count", Meter.Type.GAUGE)).contains("system.available.processors");
        assertThat(PrometheusConventions.exportedName("kafka.producer.connection.count", Meter.Type.GAUGE)).contains("kafka.producer.connections");
        // a counter is exported with _total, so its name may say count
        assertThat(PrometheusConventions.exportedName("newswire.things.count", Meter.Type.COUNTER)).contains("newswire.things.count");
    }

    @Test
    void shouldDropAMeterWhenItsNameCarriesAnAbbreviatedTimeUnit() {
        // Given meters in nanoseconds or milliseconds, which a filter cannot rescale to seconds
        // When / Then
        assertThat(PrometheusConventions.exportedName("process.cpu.time", Meter.Type.COUNTER)).isEmpty();
        assertThat(PrometheusConventions.exportedName("kafka.producer.io.wait.time.ns.total", Meter.Type.COUNTER)).isEmpty();
        assertThat(PrometheusConventions.exportedName("kafka.app.info.start.time.ms", Meter.Type.GAUGE)).isEmpty();
        // ours are not dropped: promtool in the metrics test must see a bad name of ours
        assertThat(PrometheusConventions.exportedName("newswire.gateway.wait.ms", Meter.Type.GAUGE)).contains("newswire.gateway.wait.ms");
        // a word merely containing the letters stays
        assertThat(PrometheusConventions.exportedName("kafka.consumer.fetch.manager.records.lag", Meter.Type.GAUGE)).isPresent();
    }

    @Test
    void shouldDescribeAMeterByItsNameWhenItsSourceGaveNoDescription() {
        assertThat(PrometheusConventions.description("kafka.producer.node.request.latency.avg", "")).contains("kafka.producer.node.request.latency.avg");
        assertThat(PrometheusConventions.description("x", "Its own words")).isEqualTo("Its own words");
    }

    @Test
    void shouldScrapeWithNoAbbreviatedUnitOrCountSuffixWhenTheJvmBindersAreBound() {
        // Given the process registry with its JVM and process binders
        try (NewswireMetrics metrics = new NewswireMetrics()) {
            Gauge.builder("newswire.test.queue.count", () -> 3).register(metrics.registry());
            Counter.builder("newswire.test.events").register(metrics.registry()).increment();

            // When scraped
            final String scrape = metrics.scrape();

            // Then the two names promtool refused are gone, and what replaces them is there
            assertThat(scrape).doesNotContain("process_cpu_time_ns_total").doesNotContain("system_cpu_count")
                    .doesNotContain("newswire_test_queue_count")
                    .contains("process_cpu_seconds_total").contains("system_available_processors").contains("newswire_test_queues 3.0")
                    .contains("newswire_test_events_total 1.0");
        }
    }
}
