package io.newswire.processing.dedup;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import io.newswire.processing.support.JsonSerde;

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
    public static final String[] STORES = {StoreCandidateIndex.FINGERPRINTS_STORE, StoreCandidateIndex.POSTINGS_STORE,
            StoreCandidateIndex.FREQUENCIES_STORE};

    private final DedupSettings settings;
    private final NearDuplicateDetector detector;
    private KeyValueStore<String, Fingerprint> fingerprints;
    private KeyValueStore<String, StoreCandidateIndex.PostingList> postings;
    private KeyValueStore<String, Long> frequencies;

    public StoryMatcher(final DedupSettings settings) {
        this.settings = settings;
        this.detector = new NearDuplicateDetector(settings.threshold(), settings.keyTerms(), settings.horizonMillis());
    }

    /** Adds dedup's persistent stores (RocksDB with changelogs) to the topology. */
    public static void addStores(final StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreCandidateIndex.FINGERPRINTS_STORE),
                Serdes.String(), new JsonSerde<>(Fingerprint.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreCandidateIndex.POSTINGS_STORE),
                Serdes.String(), new JsonSerde<>(StoreCandidateIndex.PostingList.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreCandidateIndex.FREQUENCIES_STORE),
                Serdes.String(), Serdes.Long()));
    }

    /** Binds to the stores of the task the calling processor runs in. */
    public void init(final ProcessorContext<?, ?> context) {
        this.fingerprints = context.getStateStore(StoreCandidateIndex.FINGERPRINTS_STORE);
        this.postings = context.getStateStore(StoreCandidateIndex.POSTINGS_STORE);
        this.frequencies = context.getStateStore(StoreCandidateIndex.FREQUENCIES_STORE);
    }

    /** The features of a report's matching text (headline and body), as dedup compares them. */
    public static Map<String, Integer> terms(final List<String> features) {
        return NearDuplicateDetector.termCounts(features);
    }

    /** The best earlier report of the desk telling the same story within the horizon, if any. */
    public Optional<NearDuplicateDetector.Match> findMatch(final String desk, final Map<String, Integer> terms, final long receivedAtMillis) {
        return detector.findMatch(terms, receivedAtMillis, index(desk));
    }

    /** Remembers a decided NEW report so later ones can match it. */
    public void remember(final String desk, final String reportId, final String articleId, final String correspondentId,
                         final Map<String, Integer> terms, final long receivedAtMillis) {
        detector.remember(reportId, articleId, correspondentId, terms, receivedAtMillis, index(desk));
    }

    private StoreCandidateIndex index(final String desk) {
        return new StoreCandidateIndex(desk, fingerprints, postings, frequencies, settings.maxPostings(), settings.horizonMillis());
    }
}
