package io.newswire.processing.dedup;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dedup as the articles step sees it: the one seam between article versioning and how near-duplicates are found.
 * It owns its state stores (names, serdes, layout), so the dedup package can change its index without touching the
 * articles step or the topology.
 *
 * <p>Use: {@link #addStores} when building the topology, {@link #STORES} when connecting the processor,
 * {@link #init} in the processor's init, then {@link #findMatch} and {@link #remember} per NEW report.
 */
public final class StoryMatcher {

    /** The stores dedup needs, to connect to the processor that calls it. */
    public static final String[] STORES = {StoreCandidateIndex.REPORTS_STORE};

    private final NearDuplicateDetector detector;
    private StoreCandidateIndex index;
    /** The report last prepared by findMatch, reused by remember so each frequency is read once per report. */
    private TermVector preparedTerms;
    private NearDuplicateDetector.Prepared prepared;

    public StoryMatcher(final DedupSettings settings) {
        this.detector = new NearDuplicateDetector(settings);
    }

    /**
     * Adds dedup's persistent store (RocksDB with a changelog) to the topology. Not cached: every key is written once
     * (and deleted once), where a record cache saves nothing.
     */
    public static void addStores(final StreamsBuilder builder) {
        for (final String name : STORES) {
            final var store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray());
            builder.addStateStore(store.withCachingDisabled());
        }
    }

    /** Binds to the stores of the task the calling processor runs in. */
    public void init(final ProcessorContext<?, ?> context) {
        this.index = new StoreCandidateIndex(context.getStateStore(StoreCandidateIndex.REPORTS_STORE));
        this.preparedTerms = null;
        this.prepared = null;
    }

    /** The features of a report's matching text (headline and body), as dedup compares them. */
    public static Map<String, Integer> terms(final List<String> features) {
        return NearDuplicateDetector.termCounts(NumberWords.inDigits(features));
    }

    /**
     * A report's terms as dedup weighs them, from its headline and body: the Lucene analysis, number words as
     * digits, hashing. The normalise step computes it (in parallel) and carries it; the articles step falls back to
     * this for a record that does not carry it.
     */
    public static TermVector vector(final MatchingTextNormalizer normalizer, final String headline, final List<String> body) {
        return TermVector.of(terms(normalizer.features(headline + "\n" + String.join("\n", body))));
    }

    /** The best earlier report of the desk telling the same story within the horizon, if any. */
    public Optional<NearDuplicateDetector.Match> findMatch(final String desk, final TermVector terms, final long receivedAtMillis) {
        return detector.findMatch(prepare(desk, terms), receivedAtMillis, index);
    }

    /** Remembers a decided NEW report so later ones can match it. */
    public void remember(final String desk, final String reportId, final String articleId, final String correspondentId,
                         final TermVector terms, final long receivedAtMillis) {
        detector.remember(prepare(desk, terms), reportId, articleId, correspondentId, receivedAtMillis, index);
        preparedTerms = null;
        prepared = null;
    }

    /** Bytes dedup has put into its stores since init (keys and values; deletes count their key). */
    public long bytesWritten() {
        return index.bytesWritten();
    }

    /** The index bound by {@link #init}: for tests. */
    StoreCandidateIndex index() {
        return index;
    }

    private NearDuplicateDetector.Prepared prepare(final String desk, final TermVector terms) {
        if (prepared == null || preparedTerms != terms || !prepared.desk().equals(desk)) {
            prepared = detector.prepare(desk, terms, index);
            preparedTerms = terms;
        }
        return prepared;
    }
}
