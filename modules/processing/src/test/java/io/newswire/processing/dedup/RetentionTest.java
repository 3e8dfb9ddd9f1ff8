package io.newswire.processing.dedup;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every dedup store keeps only the horizon: fingerprints, postings and term counts of older reports are deleted. */
class RetentionTest {

    private static final long HOUR = 3_600_000L;
    private static final DedupSettings SETTINGS = DedupSettings.defaults(72 * HOUR);

    @Test
    void shouldForgetReportsPastTheHorizonInTheCore() {
        final InMemoryCandidateIndex index = new InMemoryCandidateIndex();
        final NearDuplicateDetector detector = new NearDuplicateDetector(SETTINGS);
        final var old = detector.prepare("desk", Map.of("قصف", 2, "حلب", 1), index);
        detector.remember(old, "old", "a1", "c", 0, index);
        assertThat(detector.findMatch(detector.prepare("desk", Map.of("قصف", 2, "حلب", 1), index), HOUR, index)).isPresent();

        final var fresh = detector.prepare("desk", Map.of("مطر", 1, "إدلب", 1), index);
        detector.remember(fresh, "new", "a2", "c", 73 * HOUR, index);

        assertThat(index.fingerprint("desk", "old", 0)).isEmpty();
        assertThat(index.fingerprintCount()).isEqualTo(1);
        assertThat(index.documentFrequencies("desk", new long[]{TermHash.of("قصف")})).containsExactly(0);
        assertThat(index.documents("desk")).isEqualTo(1);
        assertThat(index.frequencyKeyCount()).isEqualTo(3); // two terms and the documents count of the one report left
        for (final long key : old.bandKeys()) {
            assertThat(index.postingCount("desk", key)).isZero();
        }
    }

    @Test
    void shouldLeaveTheStoresHoldingOnlyTheHorizon() throws Exception {
        try (DedupRig rig = new DedupRig(SETTINGS)) {
            for (int i = 0; i < 20; i++) {
                rig.file(new DedupRig.Filed("desk", "r" + i, "c", Map.of("word" + i, 1, "common", 1), i * HOUR));
            }
            assertThat(count(rig, StoreCandidateIndex.REPORTS_STORE)).isEqualTo(20);
            // long after: each new report forgets up to two old ones, so 10 new ones clear all 20
            for (int i = 0; i < 10; i++) {
                rig.file(new DedupRig.Filed("desk", "late" + i, "c", Map.of("late" + i, 1), 1000 * HOUR + i));
            }
            assertThat(count(rig, StoreCandidateIndex.REPORTS_STORE)).isEqualTo(10);
            // the posting lists in memory: each late report under its band keys, nothing of the 20 old ones
            assertThat(rig.matcher().index().postingsHeld()).isEqualTo(10L * SETTINGS.bands());
            // ten distinct terms counted, of ten documents: the old terms ("common" among them) are gone
            assertThat(rig.matcher().index().distinctTermsCounted()).isEqualTo(10);
            assertThat(rig.matcher().index().documents("desk")).isEqualTo(10);
        }
    }

    @Test
    void shouldForgetAReportReceivedLongBeforeTheOnesAlreadyHeld() throws Exception {
        try (DedupRig rig = new DedupRig(SETTINGS)) {
            rig.file(new DedupRig.Filed("desk", "a", "c", Map.of("alpha", 1), 100 * HOUR));
            rig.file(new DedupRig.Filed("desk", "late", "c", Map.of("beta", 1), HOUR)); // arrives late, received long before
            assertThat(count(rig, StoreCandidateIndex.REPORTS_STORE)).isEqualTo(2);
            rig.file(new DedupRig.Filed("desk", "b", "c", Map.of("gamma", 1), 101 * HOUR)); // "late" is now past the horizon
            assertThat(count(rig, StoreCandidateIndex.REPORTS_STORE)).isEqualTo(2);
            assertThat(rig.matcher().index().fingerprint("desk", "late", HOUR)).isEmpty();
            assertThat(rig.matcher().index().postingsHeld()).isEqualTo(2L * SETTINGS.bands());
            assertThat(rig.matcher().index().documents("desk")).isEqualTo(2);
        }
    }

    @Test
    void shouldReadNoMoreThanTheBoundPerBandKey() throws Exception {
        final DedupSettings bounded = new DedupSettings(0.4, 4, 1, 5, 3, 72 * HOUR);
        try (DedupRig rig = new DedupRig(bounded)) {
            for (int i = 0; i < 30; i++) {
                rig.file(new DedupRig.Filed("desk", "r" + i, "c", Map.of("same", 1), i));
            }
            // lists and counts rebuilt from the store alone, as when a task starts after restoring it
            final StoreCandidateIndex index = new StoreCandidateIndex(rig.driver().getKeyValueStore(StoreCandidateIndex.REPORTS_STORE));
            final long key = new MinHashBands(4, 1).keys(new long[]{TermHash.of("same")})[0];
            final var postings = index.postings("desk", key, 0, bounded.maxPostings());
            assertThat(postings).hasSize(5);
            assertThat(postings.get(0).reportId()).isEqualTo("r29"); // newest first
            assertThat(index.documentFrequencies("desk", new long[]{TermHash.of("same")})).containsExactly(30);
            assertThat(index.documents("desk")).isEqualTo(30);
        }
    }

    private static long count(final DedupRig rig, final String store) {
        long n = 0;
        try (var all = rig.driver().<Bytes, byte[]>getKeyValueStore(store).all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }
}
