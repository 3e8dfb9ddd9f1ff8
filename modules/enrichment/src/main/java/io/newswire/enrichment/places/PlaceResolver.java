package io.newswire.enrichment.places;

import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.ReportText;
import io.newswire.enrichment.text.Token;
import io.newswire.model.Evidence;
import io.newswire.model.Place;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the places a report names and resolves each to one gazetteer entry. Pure: a report's text and its
 * {@link PlaceContext} in, {@link Place}s with their {@link Evidence} out, in order of first mention (fields in
 * reading order, then offset), one Place per entry however often it is named.
 *
 * <p>The rules, in the order they apply:
 * <ol>
 * <li><b>Names</b> are found by the gazetteer's {@link PhraseMatcher} (clitics, hamza, teh marbuta, tatweel,
 *     Eastern digits and case all folded; longest phrase first).</li>
 * <li><b>Cues</b> around a name say what it is: "مدينة/بلدة/قرية X", "city/town/village of X" (a settlement);
 *     "محافظة X", "X province" (its first-level division); "ريف X [الشرقي...]", "X countryside", "rural X"
 *     (the countryside around X: rule {@code place.region.countryside}); "شرق/شمال... X", "east of X", "northern X"
 *     ({@code place.region.direction}); "أطراف/ضواحي/محيط X", "outskirts of X" ({@code place.region.outskirts}).
 *     A region resolves to X's own point: the gazetteer has no polygons, and the rule tells a reader it is the area
 *     around. "حي X" / "the X neighbourhood of Y" is a neighbourhood: a PPLX entry when GeoNames has it, else the
 *     city it is in ({@code place.neighbourhood.city}): the next place of the sentence, else the last one before,
 *     else the dateline's, else the desk's.</li>
 * <li><b>The dateline</b>: the first place of the {@code dateline} field, else a name that opens the body and is
 *     followed within a few words by a dash ("حلب – ", "ALEPPO, Oct 3 —"), is marked {@code dateline}.</li>
 * <li><b>Ambiguity</b> ("الرقة" is Syria's city of 177,000 and a Kuwaiti town of 52,000): each candidate scores its
 *     agreement with the report's anchors (the desk, the dateline place, and the names in the report that have a
 *     single candidate): +1 same country, +0.5 same first-level division, +0.5 within 50 km or +0.25 within
 *     200 km, the best anchor counting; plus half a prior from its kind (country, division, capital, seat...) and
 *     log population. The winner's share of the softmax is recorded as a {@code place.choice.<anchor>} Evidence,
 *     naming the anchor that decided (desk, dateline, report) or "population" when none did.</li>
 * <li><b>False positives</b>, in this order: the dateline is always kept. A Latin-script name must be capitalised,
 *     and a short all-capitals word is an acronym. A match that needed the article added or dropped ("حول" as
 *     "الحول", "مدينة" as Medina's "المدينة") is dropped unless the text's own spelling is a name too. A settlement,
 *     division or neighbourhood cue keeps any name ("مدينة صور"); a region cue keeps it unless it is a STOP word
 *     ("شرق المدينة"). Then {@link CommonWords}: STOP never alone; WEAK (and names of three letters or fewer
 *     that are not a strong entry's own name, and English aliases of four letters or fewer) only near another place
 *     of the report (same division or 150 km). Otherwise kept: a phrase of two or more words; a strong entry (in
 *     the focus region a country, division, capital, seat or 50,000 people; elsewhere a country, division, capital or
 *     500,000 people, since a foreign town's Arabic spelling is often a word: "كان" is Caen); a name near another
 *     place; a place in the desk's country; or an Arabic name of five letters or more with a single candidate in
 *     the focus region. Measured on 16,066 words of place-free Arabic (Debian's Arabic UI translations): 1,233
 *     dictionary matches, 8 kept; on 16,384 words of the English originals: 330 matches, none kept.</li>
 * </ol>
 */
public final class PlaceResolver {

    static final long STRONG_POPULATION = 50_000;
    static final double NEAR_KM = 150;
    static final long FOREIGN_STRONG_POPULATION = 500_000;

    private enum Cue { NONE, SETTLEMENT, ADMIN1, COUNTRYSIDE, DIRECTION, OUTSKIRTS, NEIGHBOURHOOD }

    private static final Map<String, Cue> ARABIC_CUES = Map.ofEntries(
            Map.entry("\u0631\u064a\u0641", Cue.COUNTRYSIDE), // ريف
            Map.entry("\u0634\u0631\u0642", Cue.DIRECTION), Map.entry("\u063a\u0631\u0628", Cue.DIRECTION), // شرق غرب
            Map.entry("\u0634\u0645\u0627\u0644", Cue.DIRECTION), Map.entry("\u062c\u0646\u0648\u0628", Cue.DIRECTION), // شمال جنوب
            Map.entry("\u0634\u0631\u0642\u064a", Cue.DIRECTION), Map.entry("\u063a\u0631\u0628\u064a", Cue.DIRECTION), // شرقي غربي
            Map.entry("\u0634\u0645\u0627\u0644\u064a", Cue.DIRECTION), Map.entry("\u062c\u0646\u0648\u0628\u064a", Cue.DIRECTION), // شمالي جنوبي
            Map.entry("\u0627\u0637\u0631\u0627\u0641", Cue.OUTSKIRTS), Map.entry("\u0636\u0648\u0627\u062d\u064a", Cue.OUTSKIRTS), // اطراف ضواحي
            Map.entry("\u0645\u062d\u064a\u0637", Cue.OUTSKIRTS), // محيط
            Map.entry("\u0645\u062f\u064a\u0646\u0647", Cue.SETTLEMENT), Map.entry("\u0628\u0644\u062f\u0647", Cue.SETTLEMENT), // مدينه بلده
            Map.entry("\u0642\u0631\u064a\u0647", Cue.SETTLEMENT), // قريه
            Map.entry("\u0645\u062d\u0627\u0641\u0638\u0647", Cue.ADMIN1), Map.entry("\u0648\u0644\u0627\u064a\u0647", Cue.ADMIN1), // محافظه ولايه
            Map.entry("\u062d\u064a", Cue.NEIGHBOURHOOD)); // حي
    /** "ريف حلب الشمالي": the adjective after a countryside or division that narrows it. */
    private static final Set<String> ARABIC_SIDES = Set.of(
            "\u0627\u0644\u0634\u0631\u0642\u064a", "\u0627\u0644\u063a\u0631\u0628\u064a", "\u0627\u0644\u0634\u0645\u0627\u0644\u064a",
            "\u0627\u0644\u062c\u0646\u0648\u0628\u064a", "\u0627\u0644\u0634\u0631\u0642\u064a\u0647", "\u0627\u0644\u063a\u0631\u0628\u064a\u0647",
            "\u0627\u0644\u0634\u0645\u0627\u0644\u064a\u0647", "\u0627\u0644\u062c\u0646\u0648\u0628\u064a\u0647");
    private static final String[] CUE_PROCLITICS = {"\u0648\u0628", "\u0648\u0644", "\u0641\u0628", "\u0641\u0644", "\u0648\u0643",
        "\u0648", "\u0641", "\u0628", "\u0644", "\u0643"};
    private static final Map<String, Cue> ENGLISH_BEFORE_OF = Map.ofEntries(
            Map.entry("countryside", Cue.COUNTRYSIDE), Map.entry("outskirts", Cue.OUTSKIRTS), Map.entry("suburbs", Cue.OUTSKIRTS),
            Map.entry("east", Cue.DIRECTION), Map.entry("west", Cue.DIRECTION), Map.entry("north", Cue.DIRECTION),
            Map.entry("south", Cue.DIRECTION), Map.entry("northeast", Cue.DIRECTION), Map.entry("northwest", Cue.DIRECTION),
            Map.entry("southeast", Cue.DIRECTION), Map.entry("southwest", Cue.DIRECTION),
            Map.entry("city", Cue.SETTLEMENT), Map.entry("town", Cue.SETTLEMENT), Map.entry("village", Cue.SETTLEMENT),
            Map.entry("province", Cue.ADMIN1), Map.entry("governorate", Cue.ADMIN1));
    private static final Map<String, Cue> ENGLISH_BEFORE = Map.of(
            "rural", Cue.COUNTRYSIDE, "northern", Cue.DIRECTION, "southern", Cue.DIRECTION, "eastern", Cue.DIRECTION,
            "western", Cue.DIRECTION);
    private static final Map<String, Cue> ENGLISH_AFTER = Map.of(
            "countryside", Cue.COUNTRYSIDE, "province", Cue.ADMIN1, "governorate", Cue.ADMIN1);
    private static final Set<String> ENGLISH_NEIGHBOURHOOD = Set.of("neighbourhood", "neighborhood", "district", "quarter");
    /** Words that end a neighbourhood's name: prepositions, relatives, conjunctions. */
    private static final Set<String> NAME_ENDS = Set.of(
            "\u0641\u064a", "\u0645\u0646", "\u0627\u0644\u064a", "\u0639\u0644\u064a", "\u0639\u0646", "\u0645\u0639", "\u0628\u064a\u0646",
            "\u0627\u0644\u062a\u064a", "\u0627\u0644\u0630\u064a", "\u0627\u0644\u0630\u064a\u0646", "\u0627\u0648", "\u062b\u0645",
            "\u0648\u0633\u0637", "\u0642\u0631\u0628", "\u0628\u0639\u062f", "\u0642\u0628\u0644", "\u0627\u0644\u0645\u062d\u0627\u0635\u0631");
    /** First words of two-word neighbourhood names that carry the article ("الشيخ مقصود"). */
    private static final Set<String> NAME_HEADS = Set.of(
            "\u0627\u0644\u0634\u064a\u062e", "\u0627\u0644\u0633\u064a\u062f\u0647", "\u0627\u0644\u0634\u0647\u064a\u062f");
    private static final String ARTICLE = "\u0627\u0644";
    private static final List<String> LATIN_ARTICLES = List.of("al", "el", "ar", "as", "ad", "ash", "at", "az", "an", "ath", "adh");
    private static final String IN = "\u0641\u064a"; // في
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\u061f\n]");
    private static final Pattern DATELINE_TAIL = Pattern.compile("^[^\\n\\-\u2013\u2014.]{0,45}?\\s[\\-\u2013\u2014]\\s?|^\\s*[\\-\u2013\u2014:]");

    private final Gazetteer gazetteer;
    private final CommonWords commonWords;
    private final MatchingTextNormalizer normalizer;
    private final Set<String> focus;

    /** A resolver with the built-in word list and focus region. */
    public PlaceResolver(final Gazetteer gazetteer) {
        this(gazetteer, CommonWords.builtIn(gazetteer.normalizer()), GeoNamesImporter.DEFAULT_FOCUS);
    }

    /**
     * @param gazetteer   the places; never null
     * @param commonWords the false-positive list; never null
     * @param focus       the countries a single unambiguous name is trusted in without context
     */
    public PlaceResolver(final Gazetteer gazetteer, final CommonWords commonWords, final Set<String> focus) {
        this.gazetteer = gazetteer;
        this.commonWords = commonWords;
        this.normalizer = gazetteer.normalizer();
        this.focus = Set.copyOf(focus);
    }

    /** One field's words. */
    private record FieldText(String name, String text, List<Token> tokens) {
    }

    /** What a desk, the dateline or another name of the report says about where the report is. */
    private record Anchor(GazetteerEntry entry, String countryCode, String source) {
    }

    /** A name found in the text and what the rules made of it. */
    private static final class Mention {
        final FieldText field;
        final PhraseMatcher.Match<GazetteerEntry> match;
        final int first;
        final int last;
        final int order;
        int nameStart;
        int nameEnd;
        int spanStart;
        int spanEnd;
        Cue cue = Cue.NONE;
        boolean dateline;
        boolean latin;
        boolean looseArticle;
        String form;
        boolean suppressed;
        List<GazetteerEntry> candidates;
        GazetteerEntry chosen;
        double confidence = 1.0;
        String reason;
        boolean accepted;

        Mention(final FieldText field, final PhraseMatcher.Match<GazetteerEntry> match, final int first, final int last, final int order) {
            this.field = field;
            this.match = match;
            this.first = first;
            this.last = last;
            this.order = order;
        }

        boolean ambiguous() {
            return match.entries().size() > 1;
        }
    }

    /** "حي الفردوس", "the Shaar district": a neighbourhood, and the mention of the city it belongs to. */
    private static final class Neighbourhood {
        FieldText field;
        int cueToken;
        int nameFirst;
        int nameLast;
        int spanStart;
        int spanEnd;
        int order;
        Mention city;
        boolean english;
    }

    /**
     * The places of one report.
     *
     * @param report  the report's fields; never null
     * @param context desk, language, dateline; never null (use {@link PlaceContext#none()})
     * @return one Place per entry, in order of first mention; never null
     */
    public List<Place> resolve(final ReportText report, final PlaceContext context) {
        final List<FieldText> fields = fields(report, context);
        final List<Mention> mentions = new ArrayList<>();
        final List<Neighbourhood> neighbourhoods = new ArrayList<>();
        int order = 0;
        for (final FieldText bare : fields) {
            final FieldText field = new FieldText(bare.name(), bare.text(), normalizer.tokens(bare.name(), bare.text()));
            order = findMentions(field, mentions, order);
            findNeighbourhoods(field, mentions, neighbourhoods);
        }
        for (final Mention m : mentions) {
            detectCue(m);
        }
        markDateline(mentions, fields);

        final List<Anchor> anchors = deskAnchors(context.desk());
        // the dateline first: it anchors the rest
        for (final Mention m : mentions) {
            if (m.dateline && !m.suppressed) {
                choose(m, anchors);
                m.accepted = true;
                anchors.add(new Anchor(m.chosen, m.chosen.countryCode(), "dateline"));
            }
        }
        // names with a single candidate that need no context anchor the ambiguous ones
        final List<Anchor> withReport = new ArrayList<>(anchors);
        for (final Mention m : mentions) {
            if (!m.dateline && !m.suppressed && m.candidates.size() == 1) {
                choose(m, anchors);
                if (accept(m, anchors, context, false)) {
                    withReport.add(new Anchor(m.chosen, m.chosen.countryCode(), "report"));
                }
            }
        }
        for (final Mention m : mentions) {
            if (!m.dateline && !m.suppressed) {
                choose(m, withReport);
                m.accepted = accept(m, withReport, context, true);
            }
        }
        for (final Neighbourhood n : neighbourhoods) {
            findCity(n, mentions, withReport);
        }
        return places(mentions, neighbourhoods, context);
    }

    private static List<FieldText> fields(final ReportText report, final PlaceContext context) {
        final List<FieldText> fields = new ArrayList<>();
        boolean hasDateline = false;
        for (final ReportText.Field f : report.fields()) {
            hasDateline |= ReportText.DATELINE.equals(f.name());
        }
        for (final ReportText.Field f : report.fields()) {
            if (!hasDateline && context.dateline() != null && !context.dateline().isBlank()
                    && !ReportText.HEADLINE.equals(f.name()) && !ReportText.SUBHEADLINE.equals(f.name())) {
                fields.add(new FieldText(ReportText.DATELINE, context.dateline(), null));
                hasDateline = true;
            }
            fields.add(new FieldText(f.name(), f.text(), null));
        }
        if (!hasDateline && context.dateline() != null && !context.dateline().isBlank()) {
            fields.add(new FieldText(ReportText.DATELINE, context.dateline(), null));
        }
        return fields;
    }

    private int findMentions(final FieldText field, final List<Mention> mentions, final int firstOrder) {
        int order = firstOrder;
        final List<Token> tokens = field.tokens();
        final List<PhraseMatcher.Match<GazetteerEntry>> matches = gazetteer.matcher().find(tokens);
        int t = 0;
        for (final PhraseMatcher.Match<GazetteerEntry> match : matches) {
            while (tokens.get(t).start() < match.start()) {
                t++;
            }
            int last = t;
            while (last < tokens.size() && tokens.get(last).start() < match.end()) {
                last++;
            }
            final Mention m = new Mention(field, match, t, last, order++);
            m.latin = isLatin(field.text(), match.start());
            // "والحسكة" → "الحسكة": the article stays in the span; only what stands before it goes
            final String proclitic = match.proclitic();
            final int dropped = proclitic.length() > 2 && proclitic.endsWith(ARTICLE) ? proclitic.length() - 2 : proclitic.length();
            m.nameStart = afterProclitic(field.text(), match.start(), dropped);
            m.nameEnd = withoutPossessive(field.text(), m.nameStart, match.end());
            m.spanStart = m.nameStart;
            m.spanEnd = m.nameEnd;
            m.candidates = match.entries();
            m.form = dictionaryForm(tokens, t, last, match);
            if (!m.latin) {
                // "حول" (around) found as "الحول", "الفردوس" as Iran's "فردوس": the matcher tries the article off and on
                final String written = tokens.get(t).form().substring(proclitic.length());
                final boolean textArticle = proclitic.endsWith(ARTICLE) || proclitic.endsWith("\u0644\u0644") || written.startsWith(ARTICLE);
                final StringBuilder own = new StringBuilder(textArticle && !written.startsWith(ARTICLE) ? ARTICLE + written : written);
                for (int k = t + 1; k < last; k++) {
                    own.append(' ').append(tokens.get(k).form());
                }
                m.looseArticle = textArticle != m.form.startsWith(ARTICLE) && !gazetteer.isArabicName(own.toString());
            }
            mentions.add(m);
        }
        return order;
    }

    /**
     * The matched phrase's matching form, from the text's own tokens (they equal the dictionary's once the proclitic
     * is off, but for the article, which the matcher lets either side drop): no second trip through the analyser.
     */
    private static String dictionaryForm(final List<Token> tokens, final int first, final int last, final PhraseMatcher.Match<GazetteerEntry> match) {
        String head = tokens.get(first).form().substring(match.proclitic().length());
        if (head.endsWith("'s") || head.endsWith("\u2019s")) {
            head = head.substring(0, head.length() - 2);
        }
        final boolean dictionaryArticle = startsWithArticle(match.phrase());
        if (dictionaryArticle && !head.startsWith(ARTICLE)) {
            head = ARTICLE + head;
        } else if (!dictionaryArticle && head.startsWith(ARTICLE) && head.length() > 2 && !isLatinLetter(match.phrase())) {
            head = head.substring(2);
        }
        if (last - first == 1) {
            return head;
        }
        final StringBuilder form = new StringBuilder(head);
        for (int k = first + 1; k < last; k++) {
            form.append(' ').append(tokens.get(k).form());
        }
        return form.toString();
    }

    /** "الرقة", "اَلرِّقَّة", "الأحمدي" with any alef: the Arabic article, harakat and tatweel skipped. */
    private static boolean startsWithArticle(final String phrase) {
        int seen = 0;
        for (int i = 0; i < phrase.length() && seen < 2; i++) {
            final char c = phrase.charAt(i);
            if (c == '\u0640' || Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            final boolean expected = seen == 0 ? c == '\u0627' || c == '\u0623' || c == '\u0625' || c == '\u0622' || c == '\u0671' : c == '\u0644';
            if (!expected) {
                return false;
            }
            seen++;
        }
        return seen == 2;
    }

    private static boolean isLatinLetter(final String phrase) {
        return !phrase.isEmpty() && Character.UnicodeScript.of(phrase.charAt(0)) == Character.UnicodeScript.LATIN;
    }

    private void findNeighbourhoods(final FieldText field, final List<Mention> mentions, final List<Neighbourhood> found) {
        final List<Token> tokens = field.tokens();
        for (int k = 0; k < tokens.size(); k++) {
            final String form = tokens.get(k).form();
            final Neighbourhood n = new Neighbourhood();
            n.field = field;
            n.cueToken = k;
            if (isNeighbourhoodCue(form) && k + 1 < tokens.size() && adjacent(field, k, k + 1)) {
                n.nameFirst = k + 1;
                n.nameLast = k + 2;
                if (k + 2 < tokens.size() && adjacent(field, k + 1, k + 2) && takesSecondWord(tokens.get(k + 1).form(), tokens.get(k + 2).form())
                        && !(tokens.get(k + 1).form().startsWith(ARTICLE) && startsSettlement(mentions, field, k + 2))) {
                    n.nameLast = k + 3;
                }
                n.spanStart = afterProclitic(field.text(), tokens.get(k).start(), cueProcliticLength(form));
                n.spanEnd = tokens.get(n.nameLast - 1).end();
            } else if (ENGLISH_NEIGHBOURHOOD.contains(form) && k > 0) {
                int j = k;
                while (j > 0 && k - j < 3 && adjacent(field, j - 1, j) && isNamePart(field, tokens.get(j - 1))) {
                    j--;
                }
                if (j == k) {
                    continue;
                }
                n.english = true;
                n.nameFirst = j;
                n.nameLast = k;
                n.spanStart = tokens.get(j).start();
                n.spanEnd = tokens.get(k).end();
            } else {
                continue;
            }
            n.order = orderAt(mentions, field, n.nameFirst);
            for (final Mention m : mentions) {
                if (m.field == field && m.first >= n.nameFirst && m.first < n.nameLast) {
                    // a name inside a neighbourhood's name is the neighbourhood's, unless GeoNames has it as one
                    final List<GazetteerEntry> sections = m.candidates.stream().filter(GazetteerEntry::isNeighbourhood).toList();
                    if (sections.isEmpty() || n.english) {
                        m.suppressed = true;
                    } else {
                        m.candidates = sections;
                        m.cue = Cue.NEIGHBOURHOOD;
                        m.spanStart = n.spanStart;
                        m.spanEnd = Math.max(m.spanEnd, n.spanEnd);
                        n.city = m; // resolved: no city stands in
                    }
                }
                if (m.field == field && !n.english && m.cue == Cue.NONE
                        && (m.first == n.nameLast && m.match.proclitic().startsWith("\u0628")
                        || m.first == n.nameLast + 1 && IN.equals(tokens.get(n.nameLast).form()))
                        && sameSentence(field, n.nameLast - 1, m.first)) {
                    m.cue = Cue.SETTLEMENT; // "حي الشعار بحلب", "حي الفردوس في الرقة": the city named right after
                }
            }
            found.add(n);
            k = Math.max(k, n.nameLast - 1);
        }
    }

    private static boolean startsSettlement(final List<Mention> mentions, final FieldText field, final int token) {
        for (final Mention m : mentions) {
            if (m.field == field && m.first == token && m.candidates.stream().anyMatch(GazetteerEntry::isSettlement)) {
                return true;
            }
        }
        return false;
    }

    private static boolean takesSecondWord(final String first, final String second) {
        if (NAME_ENDS.contains(second) || second.startsWith("\u0648\u0627\u0644") || second.length() < 2) {
            return false; // "حي الفردوس في", "حي الفردوس والمشفى"
        }
        // "باب عمرو", "صلاح الدين", "بستان القصر": a first word without the article is the head of a construct
        return !first.startsWith("\u0627\u0644") || NAME_HEADS.contains(first);
    }

    private static boolean isNamePart(final FieldText field, final Token token) {
        final char c = field.text().charAt(token.start());
        final String form = token.form();
        return Character.isUpperCase(c) || form.equals("al") || form.equals("el") || form.startsWith("al-");
    }

    /** The order of the last mention before a token (earlier fields included): a neighbourhood sorts after it. */
    private static int orderAt(final List<Mention> mentions, final FieldText field, final int token) {
        int order = -1;
        for (final Mention m : mentions) {
            if (m.field == field && m.first > token) {
                break;
            }
            order = m.order;
        }
        return order;
    }

    private void detectCue(final Mention m) {
        if (m.cue != Cue.NONE) {
            return;
        }
        final FieldText field = m.field;
        final List<Token> tokens = field.tokens();
        if (m.first > 0 && adjacent(field, m.first - 1, m.first)) {
            final String before = tokens.get(m.first - 1).form();
            final Cue arabic = cueOf(before);
            if (arabic != null && arabic != Cue.NEIGHBOURHOOD) {
                m.cue = arabic;
                int start = m.first - 1;
                // "شمال شرق حلب", "جنوب ريف حلب": a direction before the cue widens the span
                if (start > 0 && adjacent(field, start - 1, start)) {
                    final Cue further = cueOf(tokens.get(start - 1).form());
                    if (further == Cue.DIRECTION && (arabic == Cue.DIRECTION || arabic == Cue.COUNTRYSIDE)) {
                        start--;
                    }
                }
                m.spanStart = afterProclitic(field.text(), tokens.get(start).start(), cueProcliticLength(tokens.get(start).form()));
                if ((arabic == Cue.COUNTRYSIDE || arabic == Cue.ADMIN1) && m.last < tokens.size() && adjacent(field, m.last - 1, m.last)
                        && ARABIC_SIDES.contains(tokens.get(m.last).form())) {
                    m.spanEnd = tokens.get(m.last).end();
                }
                return;
            }
            final Cue english = ENGLISH_BEFORE.get(before);
            if (english != null) {
                m.cue = english;
                m.spanStart = tokens.get(m.first - 1).start();
            } else if ("of".equals(before) && m.first > 1 && adjacent(field, m.first - 2, m.first - 1)) {
                final Cue ofCue = ENGLISH_BEFORE_OF.get(tokens.get(m.first - 2).form());
                if (ofCue != null) {
                    m.cue = ofCue;
                    m.spanStart = tokens.get(m.first - 2).start();
                }
            }
        }
        if (m.last < tokens.size() && adjacent(field, m.last - 1, m.last)) {
            final Cue after = ENGLISH_AFTER.get(tokens.get(m.last).form());
            if (after != null && (m.cue == Cue.NONE || m.cue == Cue.DIRECTION)) {
                m.cue = after;
                m.spanEnd = tokens.get(m.last).end();
            }
        }
    }

    /** "حي", "بحي", "وبحي": checked on every word, so without the map and substrings of {@link #cueOf}. */
    private static boolean isNeighbourhoodCue(final String form) {
        final int n = form.length();
        if (n < 2 || n > 4 || form.charAt(n - 2) != '\u062d' || form.charAt(n - 1) != '\u064a') {
            return false;
        }
        return n == 2 || cueOf(form) == Cue.NEIGHBOURHOOD;
    }

    /** The cue a word is, with one of its proclitics off ("بريف", "وبمدينة"); null if none. */
    private static Cue cueOf(final String form) {
        final Cue direct = ARABIC_CUES.get(form);
        if (direct != null) {
            return direct;
        }
        for (final String p : CUE_PROCLITICS) {
            if (form.length() > p.length() + 1 && form.startsWith(p)) {
                final Cue cue = ARABIC_CUES.get(form.substring(p.length()));
                if (cue != null) {
                    return cue;
                }
            }
        }
        return null;
    }

    private static int cueProcliticLength(final String form) {
        if (ARABIC_CUES.containsKey(form)) {
            return 0;
        }
        for (final String p : CUE_PROCLITICS) {
            if (form.length() > p.length() + 1 && form.startsWith(p) && ARABIC_CUES.containsKey(form.substring(p.length()))) {
                return p.length();
            }
        }
        return 0;
    }

    private void markDateline(final List<Mention> mentions, final List<FieldText> fields) {
        for (final Mention m : mentions) {
            if (ReportText.DATELINE.equals(m.field.name()) && !m.suppressed) {
                m.dateline = true;
                return;
            }
        }
        for (final Mention m : mentions) {
            if (ReportText.BODY.equals(m.field.name())) {
                if (m.first == 0 && !m.suppressed && level(m.form) != CommonWords.Level.STOP) {
                    final String text = m.field.text();
                    final int lineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
                    final String written = text.substring(m.nameStart, m.nameEnd);
                    // English datelines are in capitals or take a comma ("ALEPPO —", "Aleppo, Syria —"): "Same —" is not one
                    final boolean shaped = !m.latin || written.equals(written.toUpperCase(java.util.Locale.ROOT))
                            || text.startsWith(",", m.nameEnd);
                    if (shaped && m.match.end() <= lineEnd && DATELINE_TAIL.matcher(text.substring(m.match.end(), lineEnd)).find()) {
                        m.dateline = true;
                    }
                }
                return;
            }
        }
    }

    private List<Anchor> deskAnchors(final String desk) {
        final List<Anchor> anchors = new ArrayList<>();
        if (desk == null || desk.isBlank()) {
            return anchors;
        }
        final List<GazetteerEntry> entries = gazetteer.lookup(desk.replace('-', ' ').replace('_', ' '));
        GazetteerEntry best = null;
        for (final GazetteerEntry e : entries) {
            if (best == null || prior(e) > prior(best)) {
                best = e;
            }
        }
        if (best != null) {
            anchors.add(new Anchor(best.isCountry() ? null : best, best.countryCode(), "desk"));
        }
        return anchors;
    }

    /** Picks the candidate that agrees best with the anchors, and records why and how sure. */
    private void choose(final Mention m, final List<Anchor> anchors) {
        final List<GazetteerEntry> candidates = filterByCue(m);
        m.candidates = candidates;
        if (candidates.size() == 1) {
            m.chosen = candidates.get(0);
            m.confidence = 1.0;
            m.reason = null;
            return;
        }
        final double[] scores = new double[candidates.size()];
        final double[] contexts = new double[candidates.size()];
        final String[] sources = new String[candidates.size()];
        int best = 0;
        for (int i = 0; i < candidates.size(); i++) {
            final GazetteerEntry c = candidates.get(i);
            for (final Anchor a : anchors) {
                final double v = agreement(c, a);
                if (v > contexts[i]) {
                    contexts[i] = v;
                    sources[i] = a.source();
                }
            }
            scores[i] = contexts[i] + 0.5 * prior(c);
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        double sum = 0;
        double otherContext = 0;
        for (int i = 0; i < scores.length; i++) {
            sum += Math.exp(3 * (scores[i] - scores[best]));
            if (i != best) {
                otherContext = Math.max(otherContext, contexts[i]);
            }
        }
        m.chosen = candidates.get(best);
        m.confidence = 1.0 / sum;
        m.reason = contexts[best] > otherContext + 1e-9 ? sources[best] : "population";
    }

    private List<GazetteerEntry> filterByCue(final Mention m) {
        final List<GazetteerEntry> all = m.candidates;
        if (m.cue == Cue.SETTLEMENT || m.cue == Cue.NEIGHBOURHOOD || m.dateline) { // a dateline names a town
            final List<GazetteerEntry> settlements = all.stream().filter(GazetteerEntry::isSettlement).toList();
            return settlements.isEmpty() ? all : settlements;
        }
        if (m.cue == Cue.ADMIN1) {
            final List<GazetteerEntry> divisions = new ArrayList<>();
            for (final GazetteerEntry e : all) {
                final GazetteerEntry d = e.isAdmin1() ? e : e.isSettlement() ? gazetteer.admin1(e.admin1()).orElse(null) : null;
                if (d != null && !divisions.contains(d)) {
                    divisions.add(d);
                }
            }
            return divisions.isEmpty() ? all : divisions;
        }
        if (m.candidates.size() > 1) {
            // a section of a city (PPLX) only when a cue says neighbourhood
            final List<GazetteerEntry> notSections = all.stream().filter(e -> !e.isNeighbourhood()).toList();
            return notSections.isEmpty() ? all : notSections;
        }
        return all;
    }

    private static double agreement(final GazetteerEntry c, final Anchor a) {
        if (a.entry() == c) {
            return 0;
        }
        double v = c.countryCode().equals(a.countryCode()) ? 1.0 : 0.0;
        final GazetteerEntry e = a.entry();
        if (e != null && !e.isCountry() && v > 0) {
            if (c.admin1() != null && c.admin1().equals(e.admin1())) {
                v += 0.5;
            }
            if (!c.isCountry()) {
                final double km = c.distanceKm(e);
                v += km < 50 ? 0.5 : km < 200 ? 0.25 : 0;
            }
        }
        return v;
    }

    /** Near another place of the report or the desk's place: same division, or within {@link #NEAR_KM}. */
    private static boolean near(final GazetteerEntry c, final List<Anchor> anchors) {
        for (final Anchor a : anchors) {
            final GazetteerEntry e = a.entry();
            if (e == null || e == c || e.isCountry() || c.isCountry()) {
                continue;
            }
            if (c.admin1() != null && c.admin1().equals(e.admin1()) || c.distanceKm(e) <= NEAR_KM) {
                return true;
            }
        }
        return false;
    }

    static double prior(final GazetteerEntry e) {
        final String code = e.featureType();
        final double kind;
        if (e.isCountry()) {
            kind = 1.6; // above a capital of the same name ("الكويت"): the extract's countries carry no population
        } else if (e.isAdmin1()) {
            kind = 0.8;
        } else if ("P.PPLC".equals(code)) {
            kind = 0.7;
        } else if ("P.PPLA".equals(code)) {
            kind = 0.5;
        } else if ("P.PPLA2".equals(code)) {
            kind = 0.3;
        } else if ("P.PPLA3".equals(code)) {
            kind = 0.15;
        } else if (e.isNeighbourhood()) {
            kind = -0.2;
        } else {
            kind = 0.1;
        }
        return kind + Math.log10(1 + e.population()) / 7;
    }

    private static boolean strong(final GazetteerEntry e) {
        final String code = e.featureType();
        return e.isCountry() || e.isAdmin1() || "P.PPLC".equals(code) || "P.PPLA".equals(code) || e.population() >= STRONG_POPULATION;
    }

    private boolean accept(final Mention m, final List<Anchor> anchors, final PlaceContext context, final boolean useNear) {
        if (m.dateline) {
            return true;
        }
        if (m.latin && !Character.isUpperCase(m.field.text().charAt(afterLatinArticle(m.field.text(), m.nameStart, m.nameEnd)))) {
            return false; // "said", "police": an English place name is written with a capital ("al-Bab": after the article)
        }
        final int core = coreLength(m.form);
        if (core < 2) {
            return false;
        }
        if (m.looseArticle) {
            return false; // "مدينة" found as Medina's "المدينة"
        }
        if (m.cue == Cue.SETTLEMENT || m.cue == Cue.ADMIN1 || m.cue == Cue.NEIGHBOURHOOD) {
            return true; // "مدينة صور": the cue says it is a town whatever else the word means
        }
        if (m.cue != Cue.NONE) {
            return level(m.form) != CommonWords.Level.STOP; // "شرق المدينة" is east of the city, not of Medina
        }
        final String written = m.field.text().substring(m.nameStart, m.nameEnd);
        if (m.latin && m.last - m.first == 1 && written.length() <= 5 && written.equals(written.toUpperCase(java.util.Locale.ROOT))) {
            return false; // "RSS", "SIS": an acronym; a town in capitals is a dateline, handled above
        }
        final CommonWords.Level level = level(m.form);
        if (level == CommonWords.Level.STOP) {
            return false;
        }
        final GazetteerEntry c = m.chosen;
        final boolean home = focus.contains(c.countryCode());
        // outside the region a foreign town's Arabic spelling is often an Arabic word ("كان" is Caen): only
        // countries, divisions, capitals and cities of half a million stand alone there
        final boolean strong = home ? strong(c) : c.isCountry() || c.isAdmin1() || "P.PPLC".equals(c.featureType())
                || c.population() >= FOREIGN_STRONG_POPULATION;
        final boolean near = useNear && near(c, anchors) || near(c, deskOnly(anchors));
        // a short name is trusted alone only as the strong entry's own name: "قم" is Qom's, "Ada" only an alias of Adana
        if (level == CommonWords.Level.WEAK || core <= 3 && !(strong && isMainName(m.form, c))
                || m.latin && core <= 4 && !isMainName(m.form, c)) { // "Side", an English alias of Fatsa
            return near;
        }
        if (m.last - m.first >= 2 || strong || near) {
            return true;
        }
        for (final Anchor a : anchors) {
            if ("desk".equals(a.source()) && c.countryCode().equals(a.countryCode()) && home) {
                return true;
            }
        }
        // English capitalises brands and names too ("Kodak" is a village's alias): only Arabic trusts a lone alias
        return !m.latin && m.match.entries().size() == 1 && core >= 5 && home;
    }

    /** The offset after a lower-case Arabic article of a transliterated name ("al-Bab", "ar Raqqa"), else start. */
    private static int afterLatinArticle(final String text, final int start, final int end) {
        for (final String article : LATIN_ARTICLES) {
            final int after = start + article.length();
            if (after + 1 < end && text.startsWith(article, start) && (text.charAt(after) == '-' || text.charAt(after) == ' ')) {
                return after + 1;
            }
        }
        return start;
    }

    private boolean isMainName(final String form, final GazetteerEntry entry) {
        return entry.nameAr() != null && form.equals(normalizer.matchingForm(entry.nameAr()))
                || entry.nameEn() != null && form.equals(normalizer.matchingForm(entry.nameEn()));
    }

    private static List<Anchor> deskOnly(final List<Anchor> anchors) {
        return anchors.stream().filter(a -> "desk".equals(a.source()) || "dateline".equals(a.source())).toList();
    }

    private CommonWords.Level level(final String form) {
        final CommonWords.Level direct = commonWords.level(form);
        if (direct != null) {
            return direct;
        }
        return form.startsWith("\u0627\u0644") ? commonWords.level(form.substring(2)) : commonWords.level("\u0627\u0644" + form);
    }

    /** Letters of a one-word name without its article; a phrase of several words counts as long. */
    private static int coreLength(final String form) {
        if (form.indexOf(' ') >= 0) {
            return form.length();
        }
        return form.startsWith("\u0627\u0644") ? form.length() - 2 : form.length();
    }

    private void findCity(final Neighbourhood n, final List<Mention> mentions, final List<Anchor> anchors) {
        if (n.city != null) {
            return; // GeoNames has the neighbourhood itself
        }
        final FieldText field = n.field;
        if (n.english) {
            final List<Token> tokens = field.tokens();
            final int k = n.nameLast; // the keyword
            for (final Mention m : mentions) {
                if (m.field == field && m.accepted && m.chosen.isSettlement()
                        && (m.first == k + 2 && k + 1 < tokens.size() && Set.of("of", "in").contains(tokens.get(k + 1).form())
                        || m.last == n.nameFirst)) {
                    n.city = m;
                    return;
                }
            }
        } else {
            for (final Mention m : mentions) {
                if (m.field == field && m.accepted && m.chosen.isSettlement() && m.first >= n.nameLast && m.first <= n.nameLast + 6
                        && sameSentence(field, n.nameLast - 1, m.first)) {
                    n.city = m;
                    return;
                }
            }
        }
        Mention before = null;
        for (final Mention m : mentions) {
            if (m.field == field && m.accepted && m.chosen.isSettlement() && m.last <= n.cueToken && m.cue != Cue.NEIGHBOURHOOD) {
                before = m;
            }
        }
        if (before != null && !crossesParagraph(field, before.last - 1, n.cueToken)) {
            n.city = before;
            return;
        }
        // the report's own city: the settlement it names most, the first of them on a tie
        final Map<GazetteerEntry, Integer> counts = new LinkedHashMap<>();
        for (final Mention m : mentions) {
            if (m.accepted && !m.suppressed && m.chosen.isSettlement() && m.cue != Cue.NEIGHBOURHOOD) {
                counts.merge(m.chosen, 1, Integer::sum);
            }
        }
        Mention most = null;
        int mostCount = 0;
        for (final Mention m : mentions) {
            final Integer count = m.accepted && !m.suppressed && m.chosen != null ? counts.get(m.chosen) : null;
            if (count != null && count > mostCount) {
                most = m;
                mostCount = count;
            }
        }
        for (final Mention m : mentions) {
            if (m.dateline && m.accepted && m.chosen.isSettlement()) {
                n.city = m;
                return;
            }
        }
        for (final Anchor a : anchors) {
            if ("desk".equals(a.source()) && a.entry() != null && a.entry().isSettlement()) {
                final Mention desk = new Mention(field, null, -1, -1, n.order);
                desk.chosen = a.entry();
                desk.accepted = true;
                n.city = desk;
                return;
            }
        }
        n.city = most;
    }

    private static boolean adjacent(final FieldText field, final int a, final int b) {
        final List<Token> tokens = field.tokens();
        final String between = field.text().substring(tokens.get(a).end(), tokens.get(b).start());
        for (int i = 0; i < between.length(); i++) {
            final char c = between.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u0640' && c != '-' && Character.getType(c) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return !between.contains("\n");
    }

    private static boolean sameSentence(final FieldText field, final int a, final int b) {
        final List<Token> tokens = field.tokens();
        final int from = tokens.get(Math.min(a, b)).end();
        final int to = tokens.get(Math.max(a, b)).start();
        return from >= to || !SENTENCE_END.matcher(field.text().substring(from, to)).find();
    }

    private static boolean crossesParagraph(final FieldText field, final int a, final int b) {
        final List<Token> tokens = field.tokens();
        return field.text().substring(tokens.get(a).end(), tokens.get(b).start()).indexOf('\n') >= 0;
    }

    private static boolean isLatin(final String text, final int start) {
        for (int i = start; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (Character.isLetter(c)) {
                return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
            }
        }
        return false;
    }

    /** The offset after {@code letters} letters from start, and after any tatweel or harakat that follow them. */
    private static int afterProclitic(final String text, final int start, final int letters) {
        int i = start;
        int seen = 0;
        while (i < text.length() && seen < letters) {
            if (Character.isLetter(text.charAt(i))) {
                seen++;
            }
            i++;
        }
        while (letters > 0 && i < text.length() && (text.charAt(i) == '\u0640' || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
            i++;
        }
        return i;
    }

    private static int withoutPossessive(final String text, final int start, final int end) {
        if (end - start > 2 && (text.startsWith("'s", end - 2) || text.startsWith("\u2019s", end - 2))) {
            return end - 2;
        }
        return end;
    }

    private List<Place> places(final List<Mention> mentions, final List<Neighbourhood> neighbourhoods, final PlaceContext context) {
        // reading order: mentions by order; a neighbourhood's city evidence sorts at the neighbourhood
        final List<Object[]> events = new ArrayList<>();
        for (final Mention m : mentions) {
            if (m.accepted && !m.suppressed) {
                events.add(new Object[] {m.order * 2 + 1, m, null});
            }
        }
        for (final Neighbourhood n : neighbourhoods) {
            if (n.city != null && n.city.cue != Cue.NEIGHBOURHOOD) {
                events.add(new Object[] {n.order * 2 + 2, null, n});
            }
        }
        events.sort((a, b) -> Integer.compare((int) a[0], (int) b[0]));
        final Map<String, Place.Builder> places = new LinkedHashMap<>();
        final Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        for (final Object[] event : events) {
            final Mention m = (Mention) event[1];
            final Neighbourhood n = (Neighbourhood) event[2];
            final GazetteerEntry entry = m != null ? m.chosen : n.city.chosen;
            final Place.Builder place = places.computeIfAbsent(entry.id(), id -> Place.newBuilder()
                    .setId(id)
                    .setName(m != null ? name(m, entry, context) : fallbackName(entry, context))
                    .setNameEn(entry.nameEn())
                    .setLatitude(entry.latitude())
                    .setLongitude(entry.longitude())
                    .setFeatureType(entry.featureType())
                    .setCountryCode(entry.countryCode())
                    .setDateline(false));
            final List<Evidence> list = evidence.computeIfAbsent(entry.id(), id -> new ArrayList<>());
            if (m != null) {
                if (m.dateline) {
                    place.setDateline(true);
                }
                final String text = m.field.text().substring(m.spanStart, m.spanEnd);
                list.add(evidence(m.field.name(), m.spanStart, m.spanEnd, text, rule(m), 1.0));
                if (m.reason != null) {
                    list.add(evidence(m.field.name(), m.spanStart, m.spanEnd, text, "place.choice." + m.reason, round(m.confidence)));
                }
            } else {
                final String text = n.field.text().substring(n.spanStart, n.spanEnd);
                list.add(evidence(n.field.name(), n.spanStart, n.spanEnd, text, "place.neighbourhood.city", 0.6));
            }
        }
        final List<Place> result = new ArrayList<>(places.size());
        for (final Map.Entry<String, Place.Builder> e : places.entrySet()) {
            result.add(e.getValue().setEvidence(evidence.get(e.getKey())).build());
        }
        return result;
    }

    private static Evidence evidence(final String field, final int start, final int end, final String text, final String rule, final double score) {
        return Evidence.newBuilder().setField(field).setStart(start).setEnd(end).setText(text).setRule(rule).setScore(score).build();
    }

    private static double round(final double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String rule(final Mention m) {
        if (m.dateline) {
            return "place.dateline";
        }
        if (m.chosen.isNeighbourhood()) {
            return "place.neighbourhood";
        }
        return switch (m.cue) {
            case NONE -> "place.name";
            case SETTLEMENT -> "place.cue.settlement";
            case ADMIN1 -> "place.admin1";
            case COUNTRYSIDE -> "place.region.countryside";
            case DIRECTION -> "place.region.direction";
            case OUTSKIRTS -> "place.region.outskirts";
            case NEIGHBOURHOOD -> "place.neighbourhood";
        };
    }

    /**
     * The name as the report writes it, clitics and tatweel off ("وبالرقـة" → "الرقة"), in the declared
     * language's script when the report named it in another one.
     */
    private String name(final Mention m, final GazetteerEntry entry, final PlaceContext context) {
        final boolean wantsArabic = "ar".equals(language(context));
        final boolean wantsEnglish = "en".equals(language(context));
        if (m.cue == Cue.ADMIN1 && !entry.isSettlement() || wantsArabic && m.latin || wantsEnglish && !m.latin) {
            return fallbackName(entry, context);
        }
        String written = m.field.text().substring(m.nameStart, m.nameEnd).replace("\u0640", "");
        if (!m.latin && !m.match.proclitic().isEmpty()) {
            final String first = m.form;
            if (first.startsWith("\u0627\u0644") && !normalizer.matchingForm(written).startsWith("\u0627\u0644")) {
                written = "\u0627\u0644" + written; // "للرقة": the article's alef went into the لل
            }
        }
        if (m.latin && written.equals(written.toUpperCase(java.util.Locale.ROOT)) && written.length() > 2) {
            written = titleCase(written); // "ALEPPO, Oct 3 —"
        }
        return written;
    }

    private static String fallbackName(final GazetteerEntry entry, final PlaceContext context) {
        if ("en".equals(language(context))) {
            return entry.nameEn() != null ? entry.nameEn() : entry.nameAr() != null ? entry.nameAr() : entry.key();
        }
        return entry.nameAr() != null ? entry.nameAr() : entry.nameEn() != null ? entry.nameEn() : entry.key();
    }

    /** The primary language subtag of a BCP 47 tag, lower case ("en-GB" → "en"); null when none. */
    private static String language(final PlaceContext context) {
        final String tag = context.language();
        if (tag == null || tag.isBlank()) {
            return null;
        }
        final int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String titleCase(final String text) {
        final StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            out.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }
}
