package io.newswire.processing.dedup;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class TermVectorTest {

    @Test
    void shouldSortTermsByHashWithTheirWeights() {
        final TermVector vector = TermVector.of(Map.of("قصف", 3, "حلب", 1, "23", 2));
        assertThat(vector.terms()).isSorted().hasSize(3);
        for (int i = 0; i < vector.terms().length; i++) {
            final long term = vector.terms()[i];
            final double expected = term == TermHash.of("قصف") ? 1 + Math.log(3)
                    : term == TermHash.of("حلب") ? 1.0
                    : (1 + Math.log(2)) * DedupSettings.FIGURE_WEIGHT;
            assertThat(vector.tf(i)).isCloseTo((float) expected, offset(1e-5f));
        }
    }

    @Test
    void shouldRoundTripThroughItsNineByteEncoding() {
        final TermVector vector = TermVector.of(Map.of("قصف", 3, "حلب", 1, "23", 2, "water", 200));
        final ByteBuffer bytes = vector.encode();
        assertThat(bytes.remaining()).isEqualTo(4 * 9);
        assertThat(TermVector.decode(bytes)).isEqualTo(vector);
        assertThat(bytes.remaining()).as("decoding leaves the carried buffer as it was").isEqualTo(4 * 9);
    }

    @Test
    void shouldCapCountsAt127() {
        // a count of 200 keeps the weight of 127: ln 127 is already more than a report repeats any word
        final TermVector vector = TermVector.of(Map.of("word", 200));
        assertThat(vector.tf(0)).isCloseTo((float) (1 + Math.log(127)), offset(1e-5f));
    }

    @Test
    void shouldRejectBytesThatAreNotWholeTerms() {
        assertThatThrownBy(() -> TermVector.decode(ByteBuffer.wrap(new byte[10])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9 bytes a term");
        assertThat(TermVector.decode(ByteBuffer.allocate(0))).isEqualTo(TermVector.EMPTY);
    }

    @Test
    void shouldWeighAsFromTheCountsWhenPrepared() {
        // what the normalise step carries gives the articles step the same weights as the counts themselves
        final NearDuplicateDetector detector = new NearDuplicateDetector(DedupSettings.defaults(72L * 3600 * 1000));
        final InMemoryCandidateIndex index = new InMemoryCandidateIndex();
        final Map<String, Integer> counts = StoryMatcher.terms(new MatchingTextNormalizer().features(
                "قصف على حلب\nقالت مصادر إن القصف أدى إلى مقتل 23 مدنيا في حلب وريفها"));
        final var fromCounts = detector.prepare("desk", counts, index);
        final var carried = detector.prepare("desk", TermVector.decode(TermVector.of(counts).encode()), index);
        assertThat(carried.terms()).isEqualTo(fromCounts.terms());
        assertThat(carried.weights()).containsExactly(fromCounts.weights(), offset(1e-6f));
        assertThat(carried.bandKeys()).isEqualTo(fromCounts.bandKeys());
    }

    @Test
    void shouldComputeTheSameVectorFromHeadlineAndBodyAsFromTheirFeatures() {
        final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();
        final TermVector vector = StoryMatcher.vector(normalizer, "قصف على حلب", List.of("أدى القصف إلى مقتل ثلاثة", "في حلب"));
        assertThat(vector).isEqualTo(TermVector.of(StoryMatcher.terms(normalizer.features("قصف على حلب\nأدى القصف إلى مقتل ثلاثة\nفي حلب"))));
        assertThat(vector.terms()).contains(TermHash.of("3")); // number words become figures before hashing
    }
}
