package io.newswire.processing.dedup;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Dedup as production runs it, without the rest of the articles step: {@link StoryMatcher} in a processor over its
 * real RocksDB stores (TopologyTestDriver), fed reports in arrival order. Each report joins the article of its match
 * or starts its own, as ArticleProcessor decides it; the article each report went to comes out.
 */
final class DedupRig implements AutoCloseable {

    /** A report as the rig feeds it: key by report id, terms already extracted. */
    record Filed(String desk, String reportId, String correspondentId, Map<String, Integer> terms, long receivedAtMillis) {
    }

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, String> input;
    private final TestOutputTopic<String, String> output;
    private final Path stateDir;
    private final Map<String, Filed> filed = new java.util.HashMap<>();
    private final StoryMatcher[] matcher = new StoryMatcher[1];

    DedupRig(final DedupSettings settings) throws Exception {
        stateDir = Files.createTempDirectory("dedup-rig");
        final StreamsBuilder builder = new StreamsBuilder();
        StoryMatcher.addStores(builder);
        builder.stream("filed", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Decide(settings, filed::get, matcher), StoryMatcher.STORES)
                .to("decided", Produced.with(Serdes.String(), Serdes.String()));
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-rig");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        input = driver.createInputTopic("filed", Serdes.String().serializer(), Serdes.String().serializer());
        output = driver.createOutputTopic("decided", Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    /** Files the report and returns the article it went to ("similarity article" when it matched). */
    String file(final Filed report) {
        filed.put(report.reportId(), report);
        input.pipeInput(report.reportId(), report.reportId());
        return output.readValue();
    }

    StoryMatcher matcher() {
        return matcher[0];
    }

    long bytesWritten() {
        return matcher[0].bytesWritten();
    }

    TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() throws Exception {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** What ArticleProcessor does with dedup for a NEW report, and nothing else. */
    private static final class Decide implements Processor<String, String, String, String> {
        private final StoryMatcher stories;
        private final Function<String, Filed> reports;
        private final StoryMatcher[] exposed;
        private ProcessorContext<String, String> context;

        Decide(final DedupSettings settings, final Function<String, Filed> reports, final StoryMatcher[] exposed) {
            this.stories = new StoryMatcher(settings);
            this.reports = reports;
            this.exposed = exposed;
        }

        @Override
        public void init(final ProcessorContext<String, String> context) {
            this.context = context;
            stories.init(context);
            exposed[0] = stories;
        }

        @Override
        public void process(final Record<String, String> record) {
            final Filed report = reports.apply(record.value());
            final TermVector terms = TermVector.of(report.terms());
            final var match = stories.findMatch(report.desk(), terms, report.receivedAtMillis());
            final String article = match.map(m -> m.matched().articleId()).orElse("article-of-" + report.reportId());
            stories.remember(report.desk(), report.reportId(), article, report.correspondentId(), terms, report.receivedAtMillis());
            context.forward(record.withValue(match.map(m -> String.format(java.util.Locale.ROOT, "%.3f ", m.similarity())).orElse("- ") + article));
        }
    }

    static List<String> articleOf(final List<String> decided) {
        return decided.stream().map(d -> d.substring(d.indexOf(' ') + 1)).toList();
    }
}
