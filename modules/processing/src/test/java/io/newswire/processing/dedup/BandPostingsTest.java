package io.newswire.processing.dedup;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BandPostingsTest {

    private static List<String> ids(final List<CandidateIndex.Posting> postings) {
        return postings.stream().map(CandidateIndex.Posting::reportId).toList();
    }

    @Test
    void shouldListNewestFirstWithinTheHorizonAndTheLimit() {
        final BandPostings lists = new BandPostings();
        for (int i = 0; i < 10; i++) {
            lists.add("desk", "r" + i, i * 10L, new long[]{7, 8});
        }
        assertThat(ids(lists.newest("desk", 7, 0, 3))).containsExactly("r9", "r8", "r7");
        assertThat(ids(lists.newest("desk", 8, 75, 100))).containsExactly("r9", "r8");
        assertThat(lists.newest("desk", 9, 0, 100)).isEmpty();
        assertThat(lists.newest("other", 7, 0, 100)).isEmpty();
    }

    @Test
    void shouldRankCandidatesAsCountingTheirPostingsDoes() {
        final java.util.Random random = new java.util.Random(3);
        final BandPostings lists = new BandPostings();
        for (int i = 0; i < 500; i++) {
            final long[] keys = new long[6];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = random.nextInt(40);
            }
            lists.add("desk", "r" + i, i / 3, keys); // ties in time
        }
        for (int probe = 0; probe < 20; probe++) {
            final long[] keys = {random.nextInt(40), random.nextInt(40), random.nextInt(40), random.nextInt(40)};
            final CandidateRanking counted = new CandidateRanking();
            for (final long key : keys) {
                lists.newest("desk", key, 30, 25).forEach(p -> counted.hit(p.reportId(), p.receivedAtMillis()));
            }
            // small limits too: then only reports sharing several keys can rank, and the rest are not offered
            for (final int limit : new int[] {1, 3, 16, 200}) {
                assertThat(lists.candidates("desk", keys, 30, 25, limit)).containsExactlyElementsOf(counted.best(limit));
            }
        }
        assertThat(lists.candidates("other", new long[]{1}, 0, 25, 16)).isEmpty();
    }

    @Test
    void shouldRankAsCountingDoesWhenForgottenReportsLeaveSlotsToNewOnes() {
        final java.util.Random random = new java.util.Random(11);
        final BandPostings lists = new BandPostings();
        final java.util.Map<String, long[]> posted = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 2_000; i++) {
            final long[] keys = {random.nextInt(30), random.nextInt(30), random.nextInt(30)};
            lists.add("desk", "r" + i, i, keys);
            posted.put("r" + i, keys);
            if (i % 3 == 0) { // forget one at random: its slot goes to a later report
                final String gone = "r" + random.nextInt(i + 1);
                if (posted.containsKey(gone)) {
                    lists.remove("desk", gone, posted.remove(gone));
                }
            }
            if (i % 97 == 0) {
                final long[] probe = {random.nextInt(30), random.nextInt(30), random.nextInt(30), random.nextInt(30)};
                final CandidateRanking counted = new CandidateRanking();
                for (final long key : probe) {
                    lists.newest("desk", key, i / 2, 20).forEach(p -> counted.hit(p.reportId(), p.receivedAtMillis()));
                }
                assertThat(lists.candidates("desk", probe, i / 2, 20, 8)).containsExactlyElementsOf(counted.best(8));
                assertThat(lists.candidates("desk", probe, i / 2, 20, 8)).extracting(CandidateIndex.Candidate::reportId)
                        .allMatch(posted::containsKey);
            }
        }
        long expected = 0;
        for (final long[] keys : posted.values()) {
            expected += java.util.Arrays.stream(keys).distinct().count();
        }
        assertThat(lists.postings()).isEqualTo(expected);
    }

    @Test
    void shouldKeepTimeOrderWhenReportsArriveOutOfOrder() {
        final BandPostings lists = new BandPostings();
        lists.add("desk", "b", 20, new long[]{1});
        lists.add("desk", "c", 30, new long[]{1});
        lists.add("desk", "a", 10, new long[]{1});
        assertThat(ids(lists.newest("desk", 1, 0, 10))).containsExactly("c", "b", "a");
        assertThat(lists.newest("desk", 1, 0, 10).get(2).receivedAtMillis()).isEqualTo(10);
    }

    @Test
    void shouldPostAReportRememberedAgainOnce() {
        final BandPostings lists = new BandPostings();
        lists.add("desk", "a", 10, new long[]{1});
        lists.add("desk", "b", 10, new long[]{1});
        lists.add("desk", "a", 10, new long[]{1});
        assertThat(ids(lists.newest("desk", 1, 0, 10))).containsExactlyInAnyOrder("a", "b");
        lists.remove("desk", "a", new long[]{1});
        assertThat(ids(lists.newest("desk", 1, 0, 10))).containsExactly("b");
        assertThat(lists.postings()).isEqualTo(1);
    }

    @Test
    void shouldForgetReportsAndDropEmptyLists() {
        final BandPostings lists = new BandPostings();
        for (int i = 0; i < 50; i++) {
            lists.add("desk", "r" + i, i, new long[]{1, 2, 2}); // a repeated key is posted once
        }
        assertThat(lists.postings()).isEqualTo(100);
        lists.remove("desk", "r25", new long[]{1, 2}); // from the middle
        for (int i = 0; i < 25; i++) {
            lists.remove("desk", "r" + i, new long[]{1, 2}); // from the front, as expiry does
        }
        assertThat(lists.postings()).isEqualTo(48);
        assertThat(ids(lists.newest("desk", 1, 0, 100))).hasSize(24).doesNotContain("r25", "r0").startsWith("r49");
        for (int i = 50; i < 90; i++) { // room freed at the front is reused
            lists.add("desk", "r" + i, i, new long[]{1});
        }
        assertThat(ids(lists.newest("desk", 1, 0, 2))).containsExactly("r89", "r88");
        for (int i = 26; i < 90; i++) {
            lists.remove("desk", "r" + i, new long[]{1, 2});
        }
        assertThat(lists.postings()).isZero();
        assertThat(lists.newest("desk", 1, 0, 100)).isEmpty();
    }
}
