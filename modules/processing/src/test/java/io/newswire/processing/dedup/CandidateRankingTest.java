package io.newswire.processing.dedup;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateRankingTest {

    @Test
    void shouldRankByKeysSharedThenNewestThenId() {
        final CandidateRanking ranking = new CandidateRanking();
        ranking.hit("old", 1);
        ranking.hit("old", 1);
        ranking.hit("b", 5);
        ranking.hit("a", 5);
        ranking.hit("new", 9);
        assertThat(ranking.best(10)).containsExactly(new CandidateIndex.Candidate("old", 1, 2),
                new CandidateIndex.Candidate("new", 9, 1), new CandidateIndex.Candidate("a", 5, 1),
                new CandidateIndex.Candidate("b", 5, 1));
        assertThat(ranking.best(2)).extracting(CandidateIndex.Candidate::reportId).containsExactly("old", "new");
        assertThat(ranking.best(0)).isEmpty();
    }

    @Test
    void shouldKeepTheSameFewAsSortingEveryone() {
        final Random random = new Random(7);
        final CandidateRanking ranking = new CandidateRanking();
        final Map<String, int[]> hits = new HashMap<>();
        final Map<String, Long> times = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            final String id = "r" + random.nextInt(800);
            final long time = id.hashCode() % 50; // many ties in time
            ranking.hit(id, time);
            hits.computeIfAbsent(id, k -> new int[1])[0]++;
            times.put(id, time);
        }
        final List<CandidateIndex.Candidate> everyone = new ArrayList<>();
        hits.forEach((id, n) -> everyone.add(new CandidateIndex.Candidate(id, times.get(id), n[0])));
        everyone.sort(CandidateRanking.BEST_FIRST);
        assertThat(ranking.best(16)).containsExactlyElementsOf(everyone.subList(0, 16));
        assertThat(ranking.best(5_000)).containsExactlyElementsOf(everyone);
    }
}
