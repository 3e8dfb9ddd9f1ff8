package io.newswire.enrichment.parties;

import io.newswire.enrichment.parties.GovernmentVocabulary.BodyKind;
import io.newswire.enrichment.parties.GovernmentVocabulary.City;
import io.newswire.enrichment.parties.GovernmentVocabulary.Element;
import io.newswire.enrichment.parties.GovernmentVocabulary.Portfolio;
import io.newswire.enrichment.parties.GovernmentVocabulary.State;
import io.newswire.enrichment.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Government bodies "at the level written": a ministry of a named state ("وزارة الصحة التركية", "the Iraqi interior
 * ministry", "الخارجية السورية"), a directorate, council, municipality, fire brigade or police command of a named city
 * ("مديرية صحة حمص", "المجلس المحلي في مدينة بصرى الشام", "Basra provincial council"). Each kind of body has templates
 * in {@code governments.json}: words and slots (a portfolio, a state's adjective or name, a city with or without
 * "في"/"in"). A body found gets an id derived from what filled the slots ({@code newswire:gov/syria/ministry-of-health},
 * {@code newswire:gov/syria/homs/health-directorate}), or the table's id where the table has that body.
 *
 * <p>A city-level body written without its city ("مديرية الزراعة في المحافظة", "the provincial government") is left
 * for the caller to give to the report's first-named city ({@link Hit#city()} null).
 *
 * <p>Cost: templates are indexed by every written form of their first word (or of the first words their first slot
 * can take), proclitics included, so each token costs one hash lookup; a template is only tried where its first
 * word stands.
 */
final class GovernmentBodies {

    static final String ID_PREFIX = "newswire:";

    /** One body found: its kind, what filled its slots, where (token indices, end exclusive) and the proclitic cut. */
    record Hit(BodyKind kind, State state, City city, Portfolio portfolio, int from, int to, String proclitic) {
        boolean needsCity() {
            return kind.cityLevel() && city == null;
        }

        Hit withCity(final City resolved) {
            return new Hit(kind, resolved.state(), resolved, portfolio, from, to, proclitic);
        }

        /** The generated id, without the "newswire:" prefix. */
        String localId() {
            return kind.idPattern().replace("{state}", state.key()).replace("{city}", city == null ? "" : city.key())
                    .replace("{portfolio}", portfolio == null ? "" : portfolio.key());
        }

        String englishName() {
            return fill(kind.enPattern(), state.enAdjective(), city == null ? "" : city.en(), portfolio == null ? "" : portfolio.en());
        }

        String arabicName() {
            return fill(kind.arPattern(), state.arAdjective(), city == null ? "" : city.ar(), portfolio == null ? "" : portfolio.ar());
        }
    }

    private record Template(BodyKind kind, List<Element> elements) {
    }

    /** What the slots of one template took while it is being matched. */
    private static final class Filled {
        State state;
        City city;
        Portfolio portfolio;
    }

    /** Proclitics a body's first word may carry (longest first); "لل" is ل + the article, given back as "ال". */
    private static final String[] PROCLITICS = {
        "\u0648\u0644\u0644", "\u0641\u0644\u0644", "\u0644\u0644", "\u0648\u0628", "\u0648\u0644", "\u0648\u0643", "\u0641\u0628",
        "\u0641\u0644", "\u0648", "\u0641", "\u0628", "\u0644", "\u0643"};
    private static final String IN_AR = "\u0641\u064a";
    private static final char LATIN_END = 0x024F;
    private static final String BI = "\u0628";
    private static final String LI = "\u0644";

    /** Where a template may start: the template, its first word as the template has it, the proclitic written before. */
    private record Start(Template template, String first, String proclitic) {
    }

    private final GovernmentVocabulary vocabulary;
    /**
     * Every way a template's first word can be written, proclitics included ("وزارة", "ووزارة", "لوزارة", "للمجلس"
     * for "المجلس"), so a token costs one hash lookup and no substring.
     */
    private final Map<String, List<Start>> byWrittenFirstWord = new HashMap<>();

    GovernmentBodies(final GovernmentVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        for (final BodyKind kind : vocabulary.bodies) {
            for (final GovernmentVocabulary.Template written : kind.templates()) {
                final List<Element> elements = written.elements();
                final Template template = new Template(kind, elements);
                final boolean arabic = written.arabic();
                for (final String first : firstWords(elements.get(0))) {
                    if ((first.charAt(0) > LATIN_END) != arabic) {
                        continue; // an English template never starts at "في" nor at an Arabic city's name
                    }
                    index(first, new Start(template, first, ""));
                    for (final String proclitic : PROCLITICS) {
                        if (proclitic.endsWith("\u0644\u0644")) {
                            if (first.startsWith("\u0627\u0644") && first.length() >= 4) {
                                index(proclitic + first.substring(2), new Start(template, first, proclitic));
                            }
                        } else if (first.length() >= 2 && arabic) {
                            index(proclitic + first, new Start(template, first, proclitic));
                        }
                    }
                }
            }
        }
    }

    private void index(final String written, final Start start) {
        byWrittenFirstWord.computeIfAbsent(written, k -> new ArrayList<>()).add(start);
    }

    private Iterable<String> firstWords(final Element element) {
        if (element.word() != null) {
            return List.of(element.word());
        }
        final List<String> words = new ArrayList<>();
        switch (element.slot()) {
            case "portfolio" -> words.addAll(vocabulary.portfolios.firstForms());
            case "portfolio-elliptic" -> words.addAll(vocabulary.ellipticPortfolios.firstForms());
            case "state-adj" -> words.addAll(vocabulary.stateAdjectives.firstForms());
            case "city" -> words.addAll(vocabulary.cities.firstForms());
            case "state-poss", "city-poss" -> {
                for (final String form : (element.slot().equals("state-poss") ? vocabulary.stateNames : vocabulary.cities).firstForms()) {
                    words.add(form);
                    words.add(form + "'s");
                    words.add(form + "\u2019s");
                }
            }
            default -> throw new IllegalArgumentException("A template cannot start with the slot " + element.slot());
        }
        return words;
    }

    /** Every body in one field's tokens, left to right, longest first, never overlapping. */
    List<Hit> find(final List<Token> tokens) {
        final List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            final Hit hit = longestAt(tokens, i);
            if (hit == null) {
                i++;
            } else {
                hits.add(hit);
                i = hit.to();
            }
        }
        return hits;
    }

    private Hit longestAt(final List<Token> tokens, final int at) {
        final List<Start> starts = byWrittenFirstWord.get(tokens.get(at).form());
        if (starts == null) {
            return null;
        }
        Hit best = null;
        for (final Start start : starts) {
            final Template template = start.template();
            final Filled filled = new Filled();
            final int end = match(template.elements(), tokens, at, start.first(), filled);
            if (end < 0 || (best != null && end <= best.to())) {
                continue;
            }
            if (!template.kind().cityLevel() && filled.state == null) {
                continue;
            }
            final State state = filled.city != null ? filled.city.state() : filled.state;
            final Hit hit = new Hit(template.kind(), state, filled.city, filled.portfolio, at, end, start.proclitic());
            if (state == null && !hit.needsCity() || hit.needsCity() && namesAPlaceNext(tokens, end)) {
                continue; // "المجلس المحلي في قرية الزيتونة": a place the vocabulary does not know, not an anaphor
            }
            best = hit;
        }
        return best;
    }

    /** The index after the template matched at {@code at}, or -1. */
    private int match(final List<Element> elements, final List<Token> tokens, final int at, final String first, final Filled filled) {
        int j = at;
        for (int k = 0; k < elements.size(); k++) {
            if (j >= tokens.size()) {
                return -1;
            }
            final String form = k == 0 ? first : tokens.get(j).form();
            final Element element = elements.get(k);
            if (element.word() != null) {
                if (!element.word().equals(form)) {
                    return -1;
                }
                j++;
            } else {
                j = slot(element.slot(), tokens, j, form, filled);
                if (j < 0) {
                    return -1;
                }
            }
        }
        return j;
    }

    private int slot(final String slot, final List<Token> tokens, final int j, final String form, final Filled filled) {
        switch (slot) {
            case "portfolio", "portfolio-bare", "portfolio-elliptic" -> {
                final PhrasesAt<Portfolio> dictionary = slot.equals("portfolio") ? vocabulary.portfolios
                        : slot.equals("portfolio-bare") ? vocabulary.barePortfolios : vocabulary.ellipticPortfolios;
                final PhrasesAt.Hit<Portfolio> hit = dictionary.at(tokens, j, form);
                if (hit == null) {
                    return -1;
                }
                filled.portfolio = hit.value();
                return hit.next();
            }
            case "state-adj", "state-adj-fem", "state", "state-poss" -> {
                final PhrasesAt<State> dictionary = slot.equals("state-adj") ? vocabulary.stateAdjectives
                        : slot.equals("state-adj-fem") ? vocabulary.feminineStateAdjectives : vocabulary.stateNames;
                final PhrasesAt.Hit<State> hit = dictionary.at(tokens, j, form, slot.equals("state-poss"));
                if (hit == null) {
                    return -1;
                }
                filled.state = hit.value();
                return hit.next();
            }
            case "in-state" -> {
                final PhrasesAt.Hit<State> hit = form.equals(IN_AR) ? vocabulary.stateNames.at(tokens, j + 1, formAt(tokens, j + 1))
                        : form.startsWith(BI) ? vocabulary.stateNames.at(tokens, j, form.substring(1)) : null;
                if (hit == null) {
                    return -1;
                }
                filled.state = hit.value();
                return hit.next();
            }
            case "city", "city-poss" -> {
                return city(tokens, j, form, slot.equals("city-poss"), filled);
            }
            case "in-city" -> {
                return inCity(tokens, j, form, filled);
            }
            default -> throw new IllegalArgumentException("Unknown slot " + slot);
        }
    }

    /** A city, after a filler word if there is one ("محافظة حمص", "مدينة بصرى الشام"). */
    private int city(final List<Token> tokens, final int j, final String form, final boolean possessive, final Filled filled) {
        PhrasesAt.Hit<City> hit = vocabulary.cities.at(tokens, j, form, possessive);
        if (hit == null) {
            final PhrasesAt.Hit<String> filler = vocabulary.fillers.at(tokens, j, form);
            if (filler != null) {
                hit = vocabulary.cities.at(tokens, filler.next(), formAt(tokens, filler.next()), possessive);
            }
        }
        if (hit == null) {
            return -1;
        }
        filled.city = hit.value();
        return hit.next();
    }

    /**
     * "في حمص", "بحمص", "لمدينة بصرى", "in Homs", "of the city of Homs"; or an anaphor ("في المحافظة", "in the
     * province"), which leaves the city to the caller.
     */
    private int inCity(final List<Token> tokens, final int j, final String form, final Filled filled) {
        if (form.equals(IN_AR) || form.equals("in") || form.equals("of") || form.equals("for")) {
            int next = j + 1;
            if (next < tokens.size() && tokens.get(next).form().equals("the")) {
                final PhrasesAt.Hit<String> anaphor = vocabulary.anaphors.at(tokens, j + 1, formAt(tokens, j + 1));
                if (anaphor != null) {
                    return anaphor.next();
                }
                next++;
            }
            return anaphorOrCity(tokens, next, formAt(tokens, next), filled);
        }
        if ((form.startsWith(BI) || form.startsWith(LI)) && form.length() > 3) {
            return anaphorOrCity(tokens, j, form.substring(1), filled);
        }
        return -1;
    }

    private int anaphorOrCity(final List<Token> tokens, final int j, final String form, final Filled filled) {
        if (form == null) {
            return -1;
        }
        final PhrasesAt.Hit<String> anaphor = vocabulary.anaphors.at(tokens, j, form);
        if (anaphor != null) {
            return anaphor.next();
        }
        return city(tokens, j, form, false, filled);
    }

    /** "في ...", "in ...", "لمدينة ...", "بقرية ...": the text goes on to say where. */
    private boolean namesAPlaceNext(final List<Token> tokens, final int at) {
        final String form = formAt(tokens, at);
        if (form == null) {
            return false;
        }
        if (form.equals(IN_AR) || form.equals("in") || form.equals("of") || form.equals("at")) {
            return true;
        }
        return (form.startsWith(BI) || form.startsWith(LI)) && form.length() > 3 && vocabulary.fillers.isWord(form.substring(1));
    }

    private static String formAt(final List<Token> tokens, final int j) {
        return j < tokens.size() ? tokens.get(j).form() : null;
    }

    /** The table's id for a generated one where the table has that body, else the generated id. */
    String id(final Hit hit) {
        final String local = hit.localId();
        return vocabulary.tableIds.getOrDefault(local, ID_PREFIX + local);
    }

    /**
     * The English name a generated id stands for ("newswire:gov/syria/homs/health-directorate" is the Homs Health
     * Directorate), rebuilt from the vocabulary; empty for an id this class does not make.
     */
    Optional<String> englishName(final String id) {
        if (!id.startsWith(ID_PREFIX + "gov/")) {
            return Optional.empty();
        }
        final String[] parts = id.substring(ID_PREFIX.length()).split("/");
        final State state = parts.length >= 3 ? vocabulary.states.get(parts[1]) : null;
        if (state == null) {
            return Optional.empty();
        }
        final City city = parts.length == 4 ? vocabulary.citiesByKey.get(parts[2]) : null;
        final String last = parts[parts.length - 1];
        for (final BodyKind kind : vocabulary.bodies) {
            final String pattern = kind.idPattern();
            final String tail = pattern.substring(pattern.lastIndexOf('/') + 1);
            final int slot = tail.indexOf("{portfolio}");
            Portfolio portfolio = null;
            if (slot >= 0) {
                final String before = tail.substring(0, slot);
                final String after = tail.substring(slot + "{portfolio}".length());
                if (!last.startsWith(before) || !last.endsWith(after) || last.length() <= before.length() + after.length()) {
                    continue;
                }
                portfolio = vocabulary.portfoliosByKey.get(last.substring(before.length(), last.length() - after.length()));
                if (portfolio == null) {
                    continue;
                }
            } else if (!tail.equals(last)) {
                continue;
            }
            if (kind.cityLevel() != (city != null)) {
                continue;
            }
            return Optional.of(new Hit(kind, state, city, portfolio, 0, 0, "").englishName());
        }
        return Optional.empty();
    }

    private static String fill(final String pattern, final String stateAdjective, final String city, final String portfolio) {
        final String name = pattern.replace("{stateAdjective}", stateAdjective).replace("{city}", city).replace("{portfolio}", portfolio);
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
