package io.newswire.enrichment.parties;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.ReportText;
import io.newswire.model.Entity;
import io.newswire.model.Evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * </ol>
 * Evidence: field, span of the word(s) as written (a one-letter proclitic and و/ف/ب/ك before the article are left
 * out of the span), rule {@code party.alias:<alias as in the table>}, score 1 / number of candidates, halved for a
 * common word.
 *
 * <p>Cost: one dictionary pass per field (about 1,000 phrases in a hash map keyed by first word); no regular
 * expressions.
 */
public final class PartyMatcher {

    static final String RULE_PREFIX = "party.alias:";

    /** What a dictionary phrase stands for: one alias of one entry. */
    private record AliasOf(PartyEntry entry, PartyAlias alias) {
    }

    /** One mention: the candidates left after the case check, and where. */
    private record Mention(List<AliasOf> candidates, String field, int start, int end, String text) {
        boolean ambiguous() {
            return candidates.size() > 1 || candidates.get(0).alias().commonWord();
        }
    }

    private static final String ARTICLE = "\u0627\u0644";

    private final PhraseMatcher<AliasOf> matcher;
    private final MatchingTextNormalizer normalizer;
    private final int phrases;

    public PartyMatcher(final PartyTable table, final MatchingTextNormalizer normalizer) {
        final PhraseMatcher.Builder<AliasOf> builder = PhraseMatcher.builder(normalizer);
        int count = 0;
        for (final PartyEntry entry : table.entries()) {
            for (final PartyAlias alias : entry.aliases()) {
                builder.add(alias.text(), new AliasOf(entry, alias));
                count++;
            }
        }
        this.matcher = builder.build();
        this.normalizer = normalizer;
        this.phrases = count;
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
            final List<AliasOf> kept = oneSensePerReport(mention, certain);
            final boolean ambiguous = kept.size() > 1 || kept.get(0).alias().commonWord();
            final double score = (kept.get(0).alias().commonWord() ? 0.5 : 1.0) / kept.size();
            for (final AliasOf candidate : kept) {
                final String id = candidate.entry().id();
                entries.putIfAbsent(id, candidate.entry());
                evidence.computeIfAbsent(id, k -> new ArrayList<>()).add(new Evidence(mention.field(), mention.start(),
                        mention.end(), mention.text(), RULE_PREFIX + candidate.alias().text(), score));
                allAmbiguous.merge(id, ambiguous, Boolean::logicalAnd);
            }
        }
        final List<Entity> result = new ArrayList<>(entries.size());
        entries.forEach((id, entry) -> result.add(new Entity(id, entry.name(language), entry.type(),
                allAmbiguous.get(id), evidence.get(id))));
        return result;
    }

    private List<Mention> mentions(final ReportText report) {
        final List<Mention> mentions = new ArrayList<>();
        for (final PhraseMatcher.Match<AliasOf> match : matcher.find(report)) {
            final String fieldText = report.text(match.field());
            final String written = fieldText.substring(match.start(), match.end());
            final List<AliasOf> candidates = new ArrayList<>();
            final Set<String> seen = new LinkedHashSet<>();
            for (final AliasOf aliasOf : match.entries()) {
                if (capitalsAgree(aliasOf.alias(), written) && articleAgrees(aliasOf.alias(), written, match.proclitic())
                        && seen.add(aliasOf.entry().id())) {
                    candidates.add(aliasOf);
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

    private static List<AliasOf> oneSensePerReport(final Mention mention, final Set<String> certain) {
        if (mention.candidates().size() < 2) {
            return mention.candidates();
        }
        final List<AliasOf> confirmed = new ArrayList<>();
        for (final AliasOf candidate : mention.candidates()) {
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
