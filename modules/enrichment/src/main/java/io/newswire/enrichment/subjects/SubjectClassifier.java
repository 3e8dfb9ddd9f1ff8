package io.newswire.enrichment.subjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Evidence;
import io.newswire.model.Subject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IPTC Media Topics for a report from weighted terms ({@code enrichment/subjects/subject-rules.json}).
 *
 * <p>Rules:
 * <ol>
 *   <li>Terms are matched by {@link PhraseMatcher} (normalised, clitic-aware, longest first: "قصف مدفعي" is one
 *   term, "بالقصف" meets "القصف"). A term may serve several topics.</li>
 *   <li>A match adds its weight (strong 2, weak 1) to each of its topics, times {@code headlineFactor} in the
 *   headline or subheadline; the bio is not read (a correspondent's career is not the story). One term counts at
 *   most {@code maxPerTerm} times, so a long report repeating "قصف" does not outweigh its other subjects.</li>
 *   <li>A topic whose own score reaches the threshold is given, and so is each broader topic up to the top level,
 *   with the evidence of the narrower one (rule {@code subject.via:<code>:<term>}).</li>
 *   <li>Main subjects only: a top-level topic scores what its given topics scored on their own terms; one scoring
 *   under {@code topLevelRatio} of the best top-level topic is left out with everything under it, and at most
 *   {@code maxTopLevel} top-level topics are kept (highest first), so a hospital named in a clash report or "before
 *   the war" in an economy feature does not add health or conflict.</li>
 *   <li>Order: most specific first (deepest), then by score, then by code; each topic once.</li>
 * </ol>
 * Evidence: field, span as written, rule {@code subject.term:<term>}, score the weight the match added.
 */
public final class SubjectClassifier {

    public static final String RULES_RESOURCE = "/enrichment/subjects/subject-rules.json";

    /** What a term stands for: a topic and a weight. */
    private record Weighted(String code, double weight) {
    }

    private final MediaTopics topics;
    private final PhraseMatcher<Weighted> terms;
    private final double threshold;
    private final double headlineFactor;
    private final int maxPerTerm;
    private final double topLevelRatio;
    private final int maxTopLevel;
    private final int termCount;

    SubjectClassifier(final MediaTopics topics, final JsonNode rules, final MatchingTextNormalizer normalizer) {
        this.topics = topics;
        this.threshold = rules.path("threshold").asDouble(2.0);
        this.headlineFactor = rules.path("headlineFactor").asDouble(2.0);
        this.maxPerTerm = rules.path("maxPerTerm").asInt(2);
        this.topLevelRatio = rules.path("topLevelRatio").asDouble(0.0);
        this.maxTopLevel = rules.path("maxTopLevel").asInt(Integer.MAX_VALUE);
        final double strong = rules.path("strongWeight").asDouble(2.0);
        final double weak = rules.path("weakWeight").asDouble(1.0);
        final PhraseMatcher.Builder<Weighted> builder = PhraseMatcher.builder(normalizer);
        int count = 0;
        for (final JsonNode rule : rules.path("rules")) {
            final String code = rule.path("code").asText();
            if (topics.get(code) == null) {
                throw new IllegalArgumentException("Subject rule for a topic not in mediatopics.json: " + code);
            }
            for (final JsonNode term : rule.path("strong")) {
                builder.add(term.asText(), new Weighted(code, strong));
                count++;
            }
            for (final JsonNode term : rule.path("weak")) {
                builder.add(term.asText(), new Weighted(code, weak));
                count++;
            }
        }
        this.terms = builder.build();
        this.termCount = count;
    }

    public static SubjectClassifier withShippedRules() {
        return withShippedRules(new MatchingTextNormalizer());
    }

    public static SubjectClassifier withShippedRules(final MatchingTextNormalizer normalizer) {
        try (InputStream in = SubjectClassifier.class.getResourceAsStream(RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RULES_RESOURCE);
            }
            return new SubjectClassifier(MediaTopics.fromClasspath(), new ObjectMapper().readTree(in), normalizer);
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading " + RULES_RESOURCE, e);
        }
    }

    /** The shipped topics with rules from a file of the same shape as the shipped rules. */
    public static SubjectClassifier withRules(final Path rules, final MatchingTextNormalizer normalizer) {
        try (InputStream in = Files.newInputStream(rules)) {
            return new SubjectClassifier(MediaTopics.fromClasspath(), new ObjectMapper().readTree(in), normalizer);
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading subject rules " + rules, e);
        }
    }

    /** Number of (term, topic) pairs in the rules. */
    public int termCount() {
        return termCount;
    }

    /**
     * @param report the report's fields; never null
     * @return the topics whose score passed the threshold and their broader topics, most specific first; never null
     */
    public List<Subject> classify(final ReportText report) {
        final Map<String, Double> scores = new HashMap<>();
        final Map<String, List<Evidence>> evidence = new HashMap<>();
        final Map<String, Integer> uses = new HashMap<>();
        for (final ReportText.Field field : report.fields()) {
            if (ReportText.BIO.equals(field.name())) {
                continue;
            }
            final boolean headline = ReportText.HEADLINE.equals(field.name()) || ReportText.SUBHEADLINE.equals(field.name());
            for (final PhraseMatcher.Match<Weighted> match : terms.find(new ReportText(List.of(field)))) {
                final String text = field.text().substring(match.start(), match.end());
                for (final Weighted weighted : match.entries()) {
                    final String key = weighted.code() + '\u0000' + match.phrase();
                    if (uses.merge(key, 1, Integer::sum) > maxPerTerm) {
                        continue;
                    }
                    final double added = weighted.weight() * (headline ? headlineFactor : 1.0);
                    scores.merge(weighted.code(), added, Double::sum);
                    evidence.computeIfAbsent(weighted.code(), k -> new ArrayList<>()).add(new Evidence(field.name(),
                            match.start(), match.end(), text, "subject.term:" + match.phrase(), added));
                }
            }
        }
        final Map<String, Double> given = new LinkedHashMap<>();
        final Map<String, List<Evidence>> givenEvidence = new HashMap<>();
        scores.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (entry.getValue() >= threshold) {
                final String code = entry.getKey();
                given.merge(code, entry.getValue(), Double::sum);
                givenEvidence.computeIfAbsent(code, k -> new ArrayList<>()).addAll(0, evidence.get(code));
                for (final MediaTopic broader : topics.ancestors(code)) {
                    given.merge(broader.code(), entry.getValue(), Double::sum);
                    final List<Evidence> inherited = givenEvidence.computeIfAbsent(broader.code(), k -> new ArrayList<>());
                    for (final Evidence e : evidence.get(code)) {
                        inherited.add(new Evidence(e.getField(), e.getStart(), e.getEnd(), e.getText(),
                                "subject.via:" + code + ":" + e.getRule().substring("subject.term:".length()), e.getScore()));
                    }
                }
            }
        });
        keepMainTopLevels(given);
        // a broader topic that also passed on its own keeps its own terms first
        final List<String> codes = new ArrayList<>(given.keySet());
        codes.sort(Comparator.comparingInt((String c) -> -topics.depth(c))
                .thenComparing((String c) -> -given.get(c))
                .thenComparing(c -> c));
        final Map<String, Integer> fieldOrder = new HashMap<>();
        for (final ReportText.Field field : report.fields()) {
            fieldOrder.putIfAbsent(field.name(), fieldOrder.size());
        }
        final List<Subject> result = new ArrayList<>(codes.size());
        for (final String code : codes) {
            final List<Evidence> list = givenEvidence.getOrDefault(code, List.of());
            list.sort(Comparator.comparing((Evidence e) -> e.getRule().startsWith("subject.via:"))
                    .thenComparingInt((Evidence e) -> fieldOrder.getOrDefault(e.getField(), Integer.MAX_VALUE))
                    .thenComparingInt(Evidence::getStart));
            result.add(new Subject(code, topics.get(code).label(), new ArrayList<>(list)));
        }
        return result;
    }

    /** Leaves out the top-level topics (and all under them) that are not among the report's main ones. */
    private void keepMainTopLevels(final Map<String, Double> given) {
        final Map<String, Double> roots = new HashMap<>();
        for (final Map.Entry<String, Double> entry : given.entrySet()) {
            if (topics.depth(entry.getKey()) == 1) {
                roots.put(entry.getKey(), entry.getValue());
            }
        }
        if (roots.isEmpty()) {
            return;
        }
        final double best = roots.values().stream().mapToDouble(Double::doubleValue).max().orElse(0.0);
        final Set<String> kept = new HashSet<>();
        roots.entrySet().stream()
                .filter(e -> e.getValue() >= topLevelRatio * best)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxTopLevel)
                .forEach(e -> kept.add(e.getKey()));
        given.keySet().removeIf(code -> !kept.contains(root(code)));
    }

    private String root(final String code) {
        final List<MediaTopic> ancestors = topics.ancestors(code);
        return ancestors.isEmpty() ? code : ancestors.get(ancestors.size() - 1).code();
    }
}
