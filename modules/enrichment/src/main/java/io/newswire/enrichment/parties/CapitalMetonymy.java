package io.newswire.enrichment.parties;

import io.newswire.enrichment.parties.GovernmentVocabulary.State;
import io.newswire.enrichment.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A capital standing for its government ("أعلنت دمشق", "وتقول أنقرة إن", "Baghdad and Erbil agree", "Damascus's
 * approval", "talks with Damascus"): only where the capital is in a government's place, never for every mention of
 * the city ("in Damascus", "قصف في دمشق", "ريف دمشق"). The cues, in Arabic and English ({@code governments.json},
 * "cues"):
 * <ul>
 *   <li>{@code subject}: the capital (or a chain "Baghdad and Erbil", "بغداد وأربيل") followed by a statement verb
 *   ("said", "accused", "will"; "تقول", "أعلنت"), English allowing a few words between ("has also", "on Monday");</li>
 *   <li>{@code verb-before}: Arabic verb-subject order, a statement verb in the feminine right before ("قالت دمشق");</li>
 *   <li>{@code object}: an English verb of asking or blaming right before ("asked Baghdad to", "accused Ankara");</li>
 *   <li>{@code stance}: a noun of position before the Arabic capital ("موقف دمشق", "رفض أنقرة") or after an English
 *   possessive ("Damascus's approval");</li>
 *   <li>{@code relation}: talks, agreements and disputes with or between ("المفاوضات مع دمشق", "talks between
 *   Baghdad and Erbil").</li>
 * </ul>
 * Never when the capital carries ب or ل or follows a preposition or a place noun ("في", "ريف", "in", "near").
 */
final class CapitalMetonymy {

    /** A capital in its government's place: the state, token indices (end exclusive), the و/ف cut, the cue. */
    record Hit(State state, int from, int to, String proclitic, String cue) {
    }

    private static final String WA = "\u0648";
    private static final String FA = "\u0641";
    private static final String MAA = "\u0645\u0639";
    private static final String BAYNA = "\u0628\u064a\u0646";
    private static final int MAX_ENGLISH_FILLERS = 3;

    /** How a capital's first word may be written: the word as the dictionary has it, the و/ف before, a possessive. */
    private record Start(String first, String proclitic, boolean possessive) {
    }

    private final GovernmentVocabulary vocabulary;
    /** Every written form of a capital's first word ("دمشق", "ودمشق", "فدمشق", "damascus's"): one lookup a token. */
    private final Map<String, List<Start>> byWrittenFirstWord = new HashMap<>();
    private final Set<String> arBefore;
    private final Set<String> arAfter;
    private final Set<String> arStance;
    private final Set<String> arRelation;
    private final Set<String> arNotAfter;
    private final Set<String> enVerbs;
    private final Set<String> enFillers;
    private final Set<String> enObject;
    private final Set<String> enStance;
    private final Set<String> enRelation;
    private final Set<String> enNotAfter;

    CapitalMetonymy(final GovernmentVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        arBefore = vocabulary.cue("arBefore");
        arAfter = vocabulary.cue("arAfter");
        arStance = vocabulary.cue("arStanceNouns");
        arRelation = vocabulary.cue("arRelationNouns");
        arNotAfter = vocabulary.cue("arPrepositionsBefore");
        enVerbs = vocabulary.cue("en");
        enFillers = vocabulary.cue("enFillers");
        enObject = vocabulary.cue("enObjectVerbs");
        enStance = vocabulary.cue("enStanceNouns");
        enRelation = vocabulary.cue("enRelationNouns");
        enNotAfter = vocabulary.cue("enPrepositionsBefore");
        for (final String first : vocabulary.capitals.firstForms()) {
            index(first, new Start(first, "", false));
            index(first, new Start(first, "", true)); // "Abu Dhabi's": the possessive is on a later word
            if (first.charAt(0) > 0x024F) {
                index(WA + first, new Start(first, WA, false));
                index(FA + first, new Start(first, FA, false));
            } else {
                index(first + "'s", new Start(first + "'s", "", true));
                index(first + "\u2019s", new Start(first + "\u2019s", "", true));
            }
        }
    }

    private void index(final String written, final Start start) {
        byWrittenFirstWord.computeIfAbsent(written, k -> new ArrayList<>()).add(start);
    }

    /** Every capital of one field's tokens that stands for its government, with its cue. */
    List<Hit> find(final List<Token> tokens) {
        final List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            final List<Hit> chain = chainAt(tokens, i);
            if (chain.isEmpty()) {
                i++;
                continue;
            }
            final String cue = cue(tokens, chain);
            if (cue != null) {
                for (final Hit hit : chain) {
                    hits.add(new Hit(hit.state(), hit.from(), hit.to(), hit.proclitic(), cue));
                }
            }
            i = chain.get(chain.size() - 1).to();
        }
        return hits;
    }

    /** A capital at {@code at}, and the capitals joined to it by "and"/"و" ("بغداد وأربيل"); empty if none. */
    private List<Hit> chainAt(final List<Token> tokens, final int at) {
        Hit hit = capitalAt(tokens, at, true);
        if (hit == null) {
            return List.of();
        }
        final List<Hit> chain = new ArrayList<>();
        while (hit != null) {
            chain.add(hit);
            final int next = hit.to();
            if (next < tokens.size() && tokens.get(next).form().equals("and")) {
                hit = capitalAt(tokens, next + 1, false);
            } else if (next < tokens.size() && tokens.get(next).form().startsWith(WA)) {
                hit = capitalAt(tokens, next, false);
                hit = hit != null && hit.proclitic().equals(WA) ? hit : null;
            } else {
                hit = null;
            }
        }
        return chain;
    }

    private Hit capitalAt(final List<Token> tokens, final int at, final boolean allowFa) {
        if (at >= tokens.size()) {
            return null;
        }
        final List<Start> starts = byWrittenFirstWord.get(tokens.get(at).form());
        if (starts == null) {
            return null;
        }
        for (final Start start : starts) {
            if (start.proclitic().equals(FA) && !allowFa) {
                continue;
            }
            final PhrasesAt.Hit<State> found = vocabulary.capitals.at(tokens, at, start.first(), start.possessive());
            if (found != null) {
                return new Hit(found.value(), at, found.next(), start.proclitic(), null);
            }
        }
        return null;
    }

    private String cue(final List<Token> tokens, final List<Hit> chain) {
        final int first = chain.get(0).from();
        final int after = chain.get(chain.size() - 1).to();
        final String before = first > 0 ? tokens.get(first - 1).form() : "";
        final String beforeTwo = first > 1 ? tokens.get(first - 2).form() : "";
        final String lastWord = tokens.get(after - 1).form();
        if (PhrasesAt.withoutPossessive(lastWord) != null) {
            return after < tokens.size() && enStance.contains(tokens.get(after).form()) ? "stance" : null;
        }
        if ((before.equals(MAA) || before.equals(BAYNA)) && arRelation.contains(withoutWaFa(beforeTwo))
                || (before.equals("with") || before.equals("between")) && enRelation.contains(beforeTwo)) {
            return "relation";
        }
        if (either(arNotAfter, before) || enNotAfter.contains(before)) {
            return null;
        }
        if (either(arBefore, before)) {
            return "verb-before";
        }
        if (arStance.contains(withoutPrepositionOrConjunction(before))) {
            return "stance";
        }
        if (enObject.contains(before) || first >= 2 && endsAt(vocabulary.enObjectVerbs.at(tokens, first - 2, beforeTwo), first)) {
            return "object";
        }
        if (after < tokens.size() && either(arAfter, tokens.get(after).form())) {
            return "subject";
        }
        for (int j = after, skipped = 0; j < tokens.size() && skipped <= MAX_ENGLISH_FILLERS; j++, skipped++) {
            final String form = tokens.get(j).form();
            if (enVerbs.contains(form)) {
                return "subject";
            }
            if (!enFillers.contains(form)) {
                break;
            }
        }
        return null;
    }

    /** The word is in the set as written or without a leading و/ف ("وافقت" is a verb, "وقالت" is و + قالت). */
    private static boolean either(final Set<String> words, final String form) {
        return words.contains(form) || words.contains(withoutWaFa(form));
    }

    private static boolean endsAt(final PhrasesAt.Hit<String> hit, final int at) {
        return hit != null && hit.next() == at;
    }

    private static String withoutWaFa(final String form) {
        return form.length() > 3 && (form.startsWith(WA) || form.startsWith(FA)) ? form.substring(1) : form;
    }

    /** "برفض" and "ولموقف" without their letters, for the stance nouns. */
    private static String withoutPrepositionOrConjunction(final String form) {
        String rest = withoutWaFa(form);
        if (rest.length() > 3 && (rest.startsWith("\u0628") || rest.startsWith("\u0644"))) {
            rest = rest.substring(1);
        }
        return rest;
    }
}
