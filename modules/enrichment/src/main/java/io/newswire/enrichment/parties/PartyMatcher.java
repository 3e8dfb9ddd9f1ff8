package io.newswire.enrichment.parties;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.ReportText;
import io.newswire.enrichment.text.Token;
import io.newswire.model.Entity;
import io.newswire.model.Evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the parties and organisations of a {@link PartyTable} in a report and returns one {@link Entity} per party
 * named, in order of first mention, each with the evidence of every mention.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Every alias is matched by {@link PhraseMatcher}: matching form on both sides (hamza, alef, teh marbuta,
 *   tatweel, digits folded), proclitics taken off the first word ("بقسد", "لداعش", "والمرصد"), longest phrase first
 *   and never overlapping, so "قوات سوريا الديمقراطية" is one mention of the SDF and "الجيش السوري الحر" is the
 *   FSA, not the Syrian army.</li>
 *   <li>A case-sensitive alias (short Latin capitals, see {@link PartyTable}) counts only when the text carries the
 *   same capitals: "IS fighters", not "it is".</li>
 *   <li>A common-word alias written with the article ("الهيئة", "التنظيم") counts only when the text carries the
 *   article too: "هيئة المنافذ" and "تنظيم الصيد" are construct phrases, not the group.</li>
 *   <li>A mention is ambiguous when its phrase stands for several parties ("الهلال الأحمر": Syrian, Iraqi, Turkish,
 *   Kurdish) or the alias is marked a common word ("التنظيم", "حماس"). Each candidate is reported, flagged.</li>
 *   <li>One sense per report: when some candidates of an ambiguous mention are named unambiguously elsewhere in the
 *   same report, the mention is given to those alone ("الهلال الأحمر العربي السوري ... الهلال الأحمر").</li>
 *   <li>An entity is ambiguous only if every mention of it is.</li>
 *   <li>A government body at the level written ({@link GovernmentBodies}: "وزارة الصحة التركية", "مديرية صحة حمص",
 *   "Basra provincial council") is the table's entry where {@code governments.json} maps it to one, else an entity
 *   with a derived id ({@code newswire:gov/turkey/ministry-of-health}); its mention replaces the aliases it covers
 *   when it is longer. A city-level body written without its city goes to the report's first-named city.</li>
 *   <li>A capital in its government's place ({@link CapitalMetonymy}: "أعلنت دمشق", "Ankara has denied") is that
 *   government, where no alias or body was found on those words.</li>
 * </ol>
 * Evidence: field, span of the word(s) as written (a one-letter proclitic and و/ف/ب/ك before the article are left
 * out of the span), rule {@code party.alias:<alias as in the table>}, score 1 / number of candidates, halved for a
 * common word.
 *
 * Rules {@code party.body:<kind>} (score 0.9, 0.5 for a body given the report's first city) and
 * {@code party.capital:<cue>} (score 0.8).
 *
 * <p>Cost: one dictionary pass per field (2,278 aliases in a hash map keyed by first word), and for the two
 * rules one hash lookup per token (every written form of a first word is indexed); no regular expressions.
 */
public final class PartyMatcher {

    static final String RULE_PREFIX = "party.alias:";
    static final String BODY_RULE = "party.body:";
    static final String CAPITAL_RULE = "party.capital:";
    /** Weight of a body found by its template, and of one whose city is the report's first-named city. */
    static final double BODY_SCORE = 0.9;
    static final double ANAPHORIC_BODY_SCORE = 0.5;
    static final double CAPITAL_SCORE = 0.8;

    /** What a dictionary phrase stands for: one alias of one entry. */
    private record AliasOf(PartyEntry entry, PartyAlias alias) {
    }

    /** One party a mention may stand for, the rule that found it and its weight. */
    private record Candidate(PartyEntry entry, String rule, double weight, boolean commonWord) {
    }

    /** One mention: the candidates left after the case check, and where. */
    private record Mention(List<Candidate> candidates, String field, int start, int end, String text) {
        boolean ambiguous() {
            return candidates.size() > 1 || candidates.get(0).commonWord();
        }

        boolean overlaps(final Mention other) {
            return field.equals(other.field) && start < other.end && other.start < end;
        }
    }

    private static final String ARTICLE = "\u0627\u0644";

    private final PhraseMatcher<AliasOf> matcher;
    private final MatchingTextNormalizer normalizer;
    private final int phrases;
    private final Map<String, PartyEntry> byId = new HashMap<>();
    private final GovernmentVocabulary vocabulary;
    private final GovernmentBodies bodies;
    private final CapitalMetonymy capitals;

    public PartyMatcher(final PartyTable table, final MatchingTextNormalizer normalizer) {
        final PhraseMatcher.Builder<AliasOf> builder = PhraseMatcher.builder(normalizer);
        int count = 0;
        for (final PartyEntry entry : table.entries()) {
            byId.put(entry.id(), entry);
            for (final PartyAlias alias : entry.aliases()) {
                builder.add(alias.text(), new AliasOf(entry, alias));
                count++;
            }
        }
        this.matcher = builder.build();
        this.normalizer = normalizer;
        this.phrases = count;
        this.vocabulary = GovernmentVocabulary.fromClasspath(normalizer);
        this.bodies = new GovernmentBodies(vocabulary);
        this.capitals = new CapitalMetonymy(vocabulary);
    }

    /** The shipped table with a fresh normaliser. */
    public static PartyMatcher withShippedTable() {
        return new PartyMatcher(PartyTable.fromClasspath(), new MatchingTextNormalizer());
    }

    /** How many aliases the matcher holds (spelling variants included). */
    public int aliasCount() {
        return phrases;
    }

    /**
     * The English name of an id this matcher can give: a table entry's, or a generated body's rebuilt from its id
     * ("newswire:gov/syria/homs/health-directorate" is "Homs Health Directorate"); empty for an unknown id.
     */
    public Optional<String> englishName(final String id) {
        final PartyEntry entry = byId.get(id);
        return entry != null ? Optional.of(entry.name("en")) : bodies.englishName(id);
    }

    /**
     * @param report   the report's fields; never null
     * @param language the report's declared language (BCP 47, e.g. "ar", "en-GB"), for the entity names; may be null
     *                 (English names)
     * @return one entity per party found, in order of first mention; never null
     */
    public List<Entity> match(final ReportText report, final String language) {
        final List<Mention> mentions = mentions(report);
        final Set<String> certain = new HashSet<>();
        for (final Mention mention : mentions) {
            if (!mention.ambiguous()) {
                certain.add(mention.candidates().get(0).entry().id());
            }
        }
        final Map<String, PartyEntry> entries = new LinkedHashMap<>();
        final Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        final Map<String, Boolean> allAmbiguous = new LinkedHashMap<>();
        for (final Mention mention : mentions) {
            final List<Candidate> kept = oneSensePerReport(mention, certain);
            final boolean ambiguous = kept.size() > 1 || kept.get(0).commonWord();
            for (final Candidate candidate : kept) {
                final String id = candidate.entry().id();
                entries.putIfAbsent(id, candidate.entry());
                evidence.computeIfAbsent(id, k -> new ArrayList<>()).add(new Evidence(mention.field(), mention.start(),
                        mention.end(), mention.text(), candidate.rule(), candidate.weight() / kept.size()));
                allAmbiguous.merge(id, ambiguous, Boolean::logicalAnd);
            }
        }
        final List<Entity> result = new ArrayList<>(entries.size());
        entries.forEach((id, entry) -> result.add(new Entity(id, entry.name(language), entry.type(),
                allAmbiguous.get(id), evidence.get(id))));
        return result;
    }

    /**
     * Every mention, in reading order: the table's aliases first; a body's template where it covers more than the
     * aliases it overlaps ("وزارة الصحة التركية" over the bare "وزارة الصحة"); a capital in its government's place
     * where nothing else was found.
     */
    private List<Mention> mentions(final ReportText report) {
        final List<Mention> aliases = aliasMentions(report);
        final List<Mention> rules = new ArrayList<>();
        final List<GovernmentBodies.Hit> withoutCity = new ArrayList<>();
        final List<String> withoutCityFields = new ArrayList<>();
        for (final ReportText.Field field : report.fields()) {
            final List<Token> tokens = normalizer.tokens(field.name(), field.text());
            for (final GovernmentBodies.Hit hit : bodies.find(tokens)) {
                if (hit.needsCity()) {
                    withoutCity.add(hit);
                    withoutCityFields.add(field.name());
                } else {
                    rules.add(bodyMention(hit, field, tokens, BODY_SCORE, ""));
                }
            }
            for (final CapitalMetonymy.Hit hit : capitals.find(tokens)) {
                final PartyEntry government = hit.state().governmentId() == null ? null : byId.get(hit.state().governmentId());
                if (government != null) {
                    rules.add(spanMention(field, tokens, hit.from(), hit.to(), hit.proclitic(),
                            new Candidate(government, CAPITAL_RULE + hit.cue(), CAPITAL_SCORE, false)));
                }
            }
        }
        if (!withoutCity.isEmpty()) {
            final GovernmentVocabulary.City city = firstCity(report);
            for (int k = 0; city != null && k < withoutCity.size(); k++) {
                final String name = withoutCityFields.get(k);
                final ReportText.Field field = report.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
                rules.add(bodyMention(withoutCity.get(k).withCity(city), field, normalizer.tokens(field.name(), field.text()),
                        ANAPHORIC_BODY_SCORE, "anaphor:"));
            }
        }
        return merge(report, aliases, rules);
    }

    private Mention bodyMention(final GovernmentBodies.Hit hit, final ReportText.Field field, final List<Token> tokens,
                                final double score, final String how) {
        final String id = bodies.id(hit);
        PartyEntry entry = byId.get(id);
        if (entry == null) {
            entry = new PartyEntry(id, hit.kind().type(), Map.of("en", hit.englishName(), "ar", hit.arabicName()), List.of());
        }
        return spanMention(field, tokens, hit.from(), hit.to(), hit.proclitic(),
                new Candidate(entry, BODY_RULE + how + hit.kind().key(), score, false));
    }

    private static Mention spanMention(final ReportText.Field field, final List<Token> tokens, final int from, final int to,
                                       final String proclitic, final Candidate candidate) {
        final int start = tokens.get(from).start() + writtenProcliticLength(field.text(), tokens.get(from).start(), proclitic);
        int end = tokens.get(to - 1).end();
        final String last = field.text().substring(tokens.get(to - 1).start(), end);
        if (last.endsWith("'s") || last.endsWith("\u2019s")) {
            end -= 2;
        }
        return new Mention(List.of(candidate), field.name(), start, end, field.text().substring(start, end));
    }

    /** The city of the vocabulary the report names first (dateline and headline first), for a body written without one. */
    private GovernmentVocabulary.City firstCity(final ReportText report) {
        for (final ReportText.Field field : report.fields()) {
            final List<Token> tokens = normalizer.tokens(field.name(), field.text());
            for (int i = 0; i < tokens.size(); i++) {
                final String form = tokens.get(i).form();
                PhrasesAt.Hit<GovernmentVocabulary.City> hit = vocabulary.cities.at(tokens, i, form);
                if (hit == null && form.length() > 3 && "\u0648\u0641\u0628\u0644".indexOf(form.charAt(0)) >= 0) {
                    hit = vocabulary.cities.at(tokens, i, form.substring(1));
                }
                // a Latin name counts only capitalised: "tyre" is not Tyre
                if (hit != null && (form.charAt(0) > 0x024F || Character.isUpperCase(field.text().charAt(tokens.get(i).start())))) {
                    return hit.value();
                }
            }
        }
        return null;
    }

    /** The aliases' mentions with the rules' where they add something, sorted by field and position. */
    private static List<Mention> merge(final ReportText report, final List<Mention> aliases, final List<Mention> rules) {
        final List<Mention> kept = new ArrayList<>(aliases);
        for (final Mention rule : rules) {
            boolean longer = true;
            final List<Mention> covered = new ArrayList<>();
            for (final Mention other : kept) {
                if (other.overlaps(rule)) {
                    covered.add(other);
                    longer &= other.end() - other.start() < rule.end() - rule.start();
                }
            }
            if (longer) {
                kept.removeAll(covered);
                kept.add(rule);
            }
        }
        final Map<String, Integer> order = new HashMap<>();
        for (final ReportText.Field field : report.fields()) {
            order.putIfAbsent(field.name(), order.size());
        }
        kept.sort(Comparator.comparingInt((Mention m) -> order.getOrDefault(m.field(), 0)).thenComparingInt(Mention::start));
        return kept;
    }

    private List<Mention> aliasMentions(final ReportText report) {
        final List<Mention> mentions = new ArrayList<>();
        for (final PhraseMatcher.Match<AliasOf> match : matcher.find(report)) {
            final String fieldText = report.text(match.field());
            final String written = fieldText.substring(match.start(), match.end());
            final List<Candidate> candidates = new ArrayList<>();
            final Set<String> seen = new LinkedHashSet<>();
            for (final AliasOf aliasOf : match.entries()) {
                if (capitalsAgree(aliasOf.alias(), written) && articleAgrees(aliasOf.alias(), written, match.proclitic())
                        && seen.add(aliasOf.entry().id())) {
                    final boolean common = aliasOf.alias().commonWord();
                    candidates.add(new Candidate(aliasOf.entry(), RULE_PREFIX + aliasOf.alias().text(), common ? 0.5 : 1.0, common));
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            final int start = match.start() + writtenProcliticLength(fieldText, match.start(), match.proclitic());
            mentions.add(new Mention(List.copyOf(candidates), match.field(), start, match.end(),
                    fieldText.substring(start, match.end())));
        }
        return mentions;
    }

    private static List<Candidate> oneSensePerReport(final Mention mention, final Set<String> certain) {
        if (mention.candidates().size() < 2) {
            return mention.candidates();
        }
        final List<Candidate> confirmed = new ArrayList<>();
        for (final Candidate candidate : mention.candidates()) {
            if (certain.contains(candidate.entry().id())) {
                confirmed.add(candidate);
            }
        }
        return confirmed.isEmpty() ? mention.candidates() : confirmed;
    }

    /**
     * A common-word alias that starts with the article needs it in the text: as a proclitic taken off ("والهيئة",
     * "للهيئة") or written ("الهيئة"). Without it the word heads a construct phrase ("هيئة المنافذ") or is indefinite.
     */
    boolean articleAgrees(final PartyAlias alias, final String written, final String proclitic) {
        if (!alias.commonWord() || !normalizer.matchingForm(alias.text()).startsWith(ARTICLE)) {
            return true;
        }
        if (proclitic.endsWith(ARTICLE) || proclitic.endsWith("\u0644\u0644")) {
            return true;
        }
        return proclitic.isEmpty() && normalizer.matchingForm(written).startsWith(ARTICLE);
    }

    /** A case-sensitive alias needs the same letters in the same case (dots, hyphens and a possessive aside). */
    static boolean capitalsAgree(final PartyAlias alias, final String written) {
        if (!alias.caseSensitive()) {
            return true;
        }
        String text = written;
        if (text.endsWith("'s") || text.endsWith("\u2019s")) {
            text = text.substring(0, text.length() - 2);
        }
        return letters(text).equals(letters(alias.text()));
    }

    private static String letters(final String text) {
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    /**
     * How much of the word as written is a proclitic to leave out of the span: the conjunction/preposition letters
     * before an article ("و" of "والمرصد"), or all of a proclitic without one ("ب" of "بقسد"). "لل" stays: its
     * second lam is the article's, so there is nothing to cut cleanly. Only cut when the text carries exactly those
     * letters (no tatweel or harakat in between).
     */
    static int writtenProcliticLength(final String text, final int start, final String proclitic) {
        if (proclitic.isEmpty()) {
            return 0;
        }
        String cut = proclitic;
        if (cut.endsWith("\u0627\u0644")) {
            cut = cut.substring(0, cut.length() - 2);
        } else if (cut.endsWith("\u0644\u0644")) {
            return 0;
        }
        return text.startsWith(cut, start) ? cut.length() : 0;
    }
}
