package io.newswire.enrichment.parties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.enrichment.text.MatchingTextNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the parties step's rules know beyond the alias table, as data ({@code enrichment/parties/governments.json}):
 * states (names, adjectives, the capitals that stand for their government), cities (for local bodies), ministries'
 * portfolios, the templates of government bodies, and the verbs and nouns that put a capital in its government's
 * place. Every list is turned into hash-keyed {@link PhrasesAt} dictionaries once, at load.
 */
final class GovernmentVocabulary {

    static final String RESOURCE = "/enrichment/parties/governments.json";

    /** A state: key as in generated ids ("syria"), English name and adjective, Arabic adjective, government id. */
    record State(String key, String en, String enAdjective, String arAdjective, String governmentId) {
    }

    /** A city a local body can belong to. */
    record City(String key, String en, String ar, State state) {
    }

    /** A ministry's or directorate's field ("health"): English as after "Ministry of", Arabic with the article. */
    record Portfolio(String key, String en, String ar) {
    }

    /** One element of a body template: a word in matching form, or a slot ("portfolio", "in-city"). */
    record Element(String word, String slot) {
    }

    /** One way of writing a body: Arabic or English, its words and slots. */
    record Template(boolean arabic, List<Element> elements) {
    }

    /** A kind of body (ministry, local council) and the ways it is written. */
    record BodyKind(String key, boolean cityLevel, String type, String idPattern, String enPattern, String arPattern,
                    List<Template> templates) {
    }

    final Map<String, State> states = new LinkedHashMap<>();
    final Map<String, City> citiesByKey = new HashMap<>();
    final Map<String, Portfolio> portfoliosByKey = new HashMap<>();
    final PhrasesAt<State> stateNames;
    final PhrasesAt<State> stateAdjectives;
    final PhrasesAt<State> feminineStateAdjectives;
    final PhrasesAt<State> capitals;
    final PhrasesAt<City> cities;
    final PhrasesAt<Portfolio> portfolios;
    final PhrasesAt<Portfolio> barePortfolios;
    final PhrasesAt<Portfolio> ellipticPortfolios;
    final PhrasesAt<String> fillers;
    final PhrasesAt<String> anaphors;
    final List<BodyKind> bodies = new ArrayList<>();
    final Map<String, String> tableIds = new HashMap<>();
    /** Cue words by name ("arBefore", "en", ...), in matching form. */
    final Map<String, Set<String>> cues = new HashMap<>();
    /** Multi-word English object cues ("called on"), as phrases. */
    final PhrasesAt<String> enObjectVerbs;

    private final MatchingTextNormalizer normalizer;

    private GovernmentVocabulary(final JsonNode root, final MatchingTextNormalizer normalizer) {
        this.normalizer = normalizer;
        stateNames = new PhrasesAt<>(normalizer);
        stateAdjectives = new PhrasesAt<>(normalizer);
        feminineStateAdjectives = new PhrasesAt<>(normalizer);
        capitals = new PhrasesAt<>(normalizer);
        cities = new PhrasesAt<>(normalizer);
        portfolios = new PhrasesAt<>(normalizer);
        barePortfolios = new PhrasesAt<>(normalizer);
        ellipticPortfolios = new PhrasesAt<>(normalizer);
        fillers = new PhrasesAt<>(normalizer);
        anaphors = new PhrasesAt<>(normalizer);
        enObjectVerbs = new PhrasesAt<>(normalizer);
        for (final JsonNode node : root.path("states")) {
            final State state = new State(node.get("key").asText(), node.get("en").asText(), node.get("enAdjectives").get(0).asText(),
                    node.get("arAdjectives").get(0).asText(), node.path("government").isNull() ? null : node.path("government").asText(null));
            states.put(state.key(), state);
            addAll(stateNames, node.get("ar"), state);
            stateNames.add(state.en(), state);
            addAll(stateAdjectives, node.get("enAdjectives"), state);
            for (final JsonNode adjective : node.get("arAdjectives")) {
                stateAdjectives.add(adjective.asText(), state);
                if (normalizer.matchingForm(adjective.asText()).endsWith("\u0647")) {
                    feminineStateAdjectives.add(adjective.asText(), state);
                }
            }
            addAll(capitals, node.path("capitals").path("en"), state);
            addAll(capitals, node.path("capitals").path("ar"), state);
        }
        for (final JsonNode node : root.path("cities")) {
            final State state = states.get(node.get("state").asText());
            if (state == null) {
                throw new IllegalArgumentException("City of an unknown state: " + node);
            }
            final City city = new City(node.get("key").asText(), node.get("en").asText(), node.get("ar").get(0).asText(), state);
            citiesByKey.put(city.key(), city);
            cities.add(city.en(), city);
            addAll(cities, node.get("ar"), city);
        }
        for (final JsonNode node : root.path("portfolios")) {
            final Portfolio portfolio = new Portfolio(node.get("key").asText(), node.get("en").asText(), node.get("ar").get(0).asText());
            portfoliosByKey.put(portfolio.key(), portfolio);
            portfolios.add(portfolio.en(), portfolio);
            addAll(portfolios, node.get("enForms"), portfolio);
            for (final JsonNode ar : node.get("ar")) {
                portfolios.add(ar.asText(), portfolio);
                final String form = normalizer.matchingForm(ar.asText());
                if (form.startsWith("\u0627\u0644")) {
                    barePortfolios.add(form.substring(2), portfolio); // صحة of "مديرية صحة حمص"
                }
                if (node.path("elliptic").asBoolean(false)) {
                    ellipticPortfolios.add(ar.asText(), portfolio);
                }
            }
        }
        for (final String language : List.of("ar", "en")) {
            for (final JsonNode filler : root.path("fillers").path(language)) {
                fillers.add(filler.asText(), filler.asText());
            }
            for (final JsonNode anaphor : root.path("anaphors").path(language)) {
                anaphors.add(anaphor.asText(), anaphor.asText());
            }
        }
        root.path("cues").fields().forEachRemaining(field -> {
            final Set<String> words = new HashSet<>();
            for (final JsonNode word : field.getValue()) {
                final List<String> forms = PhrasesAt.forms(normalizer, word.asText());
                if (forms.size() == 1) {
                    words.add(forms.get(0));
                } else if (field.getKey().equals("enObjectVerbs")) {
                    enObjectVerbs.add(word.asText(), word.asText());
                }
            }
            cues.put(field.getKey(), Set.copyOf(words));
        });
        for (final JsonNode node : root.path("bodies")) {
            final List<Template> templates = new ArrayList<>();
            for (final String language : List.of("ar", "en")) {
                for (final JsonNode template : node.path("templates").path(language)) {
                    templates.add(new Template(language.equals("ar"), elements(template.asText())));
                }
            }
            bodies.add(new BodyKind(node.get("key").asText(), "city".equals(node.get("level").asText()), node.get("type").asText(),
                    node.get("id").asText(), node.get("en").asText(), node.get("ar").asText(), List.copyOf(templates)));
        }
        root.path("tableIds").fields().forEachRemaining(field -> tableIds.put(field.getKey(), field.getValue().asText()));
    }

    static GovernmentVocabulary fromClasspath(final MatchingTextNormalizer normalizer) {
        try (InputStream in = GovernmentVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new GovernmentVocabulary(new ObjectMapper().readTree(in), normalizer);
        } catch (final IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE, e);
        }
    }

    /** A cue list by name, in matching form. */
    Set<String> cue(final String name) {
        return cues.getOrDefault(name, Set.of());
    }

    private List<Element> elements(final String template) {
        final List<Element> elements = new ArrayList<>();
        for (final String part : template.split(" ")) {
            if (part.startsWith("{") && part.endsWith("}")) {
                elements.add(new Element(null, part.substring(1, part.length() - 1)));
            } else {
                for (final String form : PhrasesAt.forms(normalizer, part)) {
                    elements.add(new Element(form, null));
                }
            }
        }
        return List.copyOf(elements);
    }

    private static <T> void addAll(final PhrasesAt<T> phrases, final JsonNode texts, final T value) {
        for (final JsonNode text : texts) {
            phrases.add(text.asText(), value);
        }
    }
}
