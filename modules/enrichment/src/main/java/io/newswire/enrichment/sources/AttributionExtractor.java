package io.newswire.enrichment.sources;

import io.newswire.enrichment.sources.AttributionCues.Cue;
import io.newswire.enrichment.sources.AttributionCues.Kind;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.ReportText;
import io.newswire.enrichment.text.Token;
import io.newswire.enrichment.urgency.Casualty;
import io.newswire.enrichment.urgency.CasualtyCounter;
import io.newswire.model.Attribution;
import io.newswire.model.Evidence;
import io.newswire.model.SourceClaim;
import io.newswire.model.Warning;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attributed claims of a report: who is said to say what, as written. Sentence by sentence (ends at . ! ? ؟ ؛ ; or
 * a line break), from the cues of {@link AttributionCues}:
 * <ul>
 *   <li><b>Arabic reporting verb</b> ("وقال", "أفادت", "أكدت", "نقل ... عن", the last only with عن): the source is the words after the verb
 *   up to إن/أن (or "في بيان", a comma, a claim noun such as "مقتل", eight words); after "عن" only the source
 *   quoted is kept; the claim is what follows the complementizer (or the claim noun) to the end of the sentence. A
 *   verb with no words before the complementizer ("وأضاف أن") takes the source of the sentence before.</li>
 *   <li><b>English reporting verb</b> ("said", "told"): the source is the words before it back to a comma, a quote or
 *   the sentence start; the claim what follows ("that", "in a statement", "told Reuters" skipped), or, when nothing
 *   does ("..., the ministry said."), what stood before the source.</li>
 *   <li><b>Preposition</b> ("بحسب", "وفقاً لـ", "نقلاً عن", "according to"): the source follows; the claim is the
 *   rest of the sentence after the source when the cue opens it ("وبحسب المصدر فإن ..."), else what precedes the
 *   cue ("... killed, according to activists").</li>
 *   <li><b>Source noun</b> left over ("Medical sources put the toll at ..."): source and the rest of its sentence.</li>
 *   <li>The correspondent's own {@link Attribution}s become claims too, first, with their place in the text when the
 *   source is written there; a claim found in the text whose source is one of them is merged into it.</li>
 * </ul>
 * Verbs and prepositions count only bare or after و/ف/ب ("وقال", "وبحسب"), never after the article: "التابع" is not
 * the verb "تابع".
 *
 * <p>Strong claims, a casualty figure ({@link CasualtyCounter}) or an accusation ("اتهمت", "massacre"), in a sentence
 * that no cue attributes and no claim span covers get an {@code unattributed-claim} warning. A headline, subheadline
 * or caption summarises the body, so it is attributed when a body claim carries a claim of the same kind.
 *
 * <p>Evidence of each claim: the cue (rule {@code source.cue.<kind>:<phrase>}), the source span
 * ({@code source.source}) and the claim span ({@code source.claim}), offsets in the field as written. A
 * correspondent's attribution has evidence in field {@code sources.N} (N from 1, its index in the report's list),
 * offsets in that source string, rule {@code source.correspondent}, and {@code source.correspondent.text} where its
 * source was found in the text.
 */
public final class AttributionExtractor {

    public static final String UNATTRIBUTED = "unattributed-claim";
    static final int MAX_SOURCE_WORDS = 8;
    private static final String SENTENCE_ENDS = ".!?\u061f\u061b;\n";
    private static final String SOURCE_BREAKS = ",\u060c:(";
    private static final String BACKWARD_BREAKS = ",\u060c:(\"\u201c\u201d\u00ab\u00bb";
    private static final Set<String> LEADING_CONJUNCTIONS = Set.of("and", "but", "while", "as");
    private static final Set<String> TOLD_OBJECTS = Set.of("reporters", "journalists", "the", "a", "an");
    private static final String AN = "\u0639\u0646"; // عن
    private static final String LAM = "\u0644";
    private static final String THAT = "that";
    private static final String FIMA = "\u0641\u064a\u0645\u0627"; // فيما, "while"

    /** Why a source stopped where it did. */
    private enum Stop { END, BREAK, COMPLEMENTIZER, SOURCE_END, CLAIM_START, VERB, MAX }

    /** A cue found in a field: token range, kinds, span. */
    private record CueAt(int first, int last, Set<Kind> kinds, String phrase, String proclitic, int start, int end) {
        boolean is(final Kind kind) {
            return kinds.contains(kind);
        }
    }

    /** A token range, inclusive. */
    private record Range(int first, int last) {
        boolean isEmpty() {
            return last < first;
        }
    }

    /** A claim found in a field, with the sentence it came from. */
    private record Found(SourceClaim claim, int sentence, Range claimRange, String field) {
    }

    private final MatchingTextNormalizer normalizer;
    private final PhraseMatcher<Cue> cues;
    private final CasualtyCounter casualties;

    public AttributionExtractor(final AttributionCues cues, final CasualtyCounter casualties, final MatchingTextNormalizer normalizer) {
        this.normalizer = normalizer;
        this.cues = cues.matcher();
        this.casualties = casualties;
    }

    public static AttributionExtractor withShippedCues() {
        final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();
        return new AttributionExtractor(AttributionCues.fromClasspath(normalizer), CasualtyCounter.fromClasspath(normalizer), normalizer);
    }

    /**
     * @param report  the report's fields; never null
     * @param written the correspondent's own attributions (the report's {@code sources}); never null, possibly empty
     */
    public Attributions extract(final ReportText report, final List<Attribution> written) {
        final List<Found> found = new ArrayList<>();
        final List<Warning> warnings = new ArrayList<>();
        final List<Strong> headlineStrong = new ArrayList<>();
        final List<Strong> bodyClaimStrong = new ArrayList<>();
        for (final ReportText.Field field : report.fields()) {
            if (ReportText.BIO.equals(field.name()) || ReportText.DATELINE.equals(field.name())) {
                continue;
            }
            final FieldScan scan = new FieldScan(field);
            found.addAll(scan.claims);
            for (final Strong strong : scan.strong) {
                if (strong.attributed) {
                    if (strong.inClaim && ReportText.BODY.equals(field.name())) {
                        bodyClaimStrong.add(strong);
                    }
                } else if (isSummaryField(field.name())) {
                    headlineStrong.add(strong);
                } else {
                    warnings.add(warning(strong, "has no source in its sentence"));
                }
            }
        }
        for (final Strong strong : headlineStrong) {
            if (bodyClaimStrong.stream().noneMatch(b -> b.casualty == strong.casualty)) {
                warnings.add(warning(strong, "has no source in its sentence, nor a sourced claim of its kind in the body"));
            }
        }
        return new Attributions(merge(report, written, found), warnings);
    }

    private static boolean isSummaryField(final String field) {
        return ReportText.HEADLINE.equals(field) || ReportText.SUBHEADLINE.equals(field) || field.startsWith(ReportText.CAPTION);
    }

    private static Warning warning(final Strong strong, final String why) {
        return new Warning(UNATTRIBUTED, strong.field, (strong.casualty ? "casualty figure" : "accusation") + " \""
                + strong.text + "\" (" + strong.field + " " + strong.start + "-" + strong.end + ") " + why);
    }

    /** A strong claim in a field and whether its sentence is attributed. */
    private static final class Strong {
        final String field;
        final int start;
        final int end;
        final String text;
        final boolean casualty;
        final int sentence;
        boolean attributed;
        boolean inClaim;

        Strong(final String field, final int start, final int end, final String text, final boolean casualty, final int sentence) {
            this.field = field;
            this.start = start;
            this.end = end;
            this.text = text;
            this.casualty = casualty;
            this.sentence = sentence;
        }
    }

    /** One field's tokens, sentences and cues, and the claims read from them. */
    private final class FieldScan {
        final String field;
        final String text;
        final List<Token> tokens;
        final int[] sentenceOf;
        final List<int[]> sentences = new ArrayList<>();
        final CueAt[] cueAt;
        final boolean[] inSource;
        final boolean[] inClaim;
        final List<Found> claims = new ArrayList<>();
        final List<Strong> strong = new ArrayList<>();
        final boolean[] sentenceAttributed;
        String lastSource;
        int lastSourceSentence = -10;

        FieldScan(final ReportText.Field f) {
            this.field = f.name();
            this.text = f.text();
            this.tokens = normalizer.tokens(field, text);
            this.sentenceOf = new int[tokens.size()];
            this.cueAt = new CueAt[tokens.size()];
            this.inSource = new boolean[tokens.size()];
            this.inClaim = new boolean[tokens.size()];
            splitSentences();
            this.sentenceAttributed = new boolean[sentences.size()];
            for (final PhraseMatcher.Match<Cue> match : cues.find(tokens)) {
                final int first = indexOf(match.start());
                int last = first;
                while (last + 1 < tokens.size() && tokens.get(last + 1).start() < match.end()) {
                    last++;
                }
                final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
                match.entries().forEach(cue -> kinds.add(cue.kind()));
                cueAt[first] = new CueAt(first, last, kinds, match.phrase(), match.proclitic(), match.start(), match.end());
            }
            for (int s = 0; s < sentences.size(); s++) {
                readSentence(s, sentences.get(s)[0], sentences.get(s)[1]);
            }
            for (int s = 0; s < sentences.size(); s++) {
                readLeftoverNouns(s, sentences.get(s)[0], sentences.get(s)[1]);
            }
            findStrong();
        }

        private void splitSentences() {
            int start = 0;
            int current = 0;
            for (int i = 1; i <= tokens.size(); i++) {
                if (i == tokens.size() || between(i, SENTENCE_ENDS)) {
                    sentences.add(new int[] {start, i - 1});
                    for (int k = start; k < i; k++) {
                        sentenceOf[k] = current;
                    }
                    current++;
                    start = i;
                }
            }
        }

        /** Whether a character of {@code chars} stands between token i-1 and token i. */
        private boolean between(final int i, final String chars) {
            for (int c = tokens.get(i - 1).end(); c < tokens.get(i).start(); c++) {
                if (chars.indexOf(text.charAt(c)) >= 0) {
                    return true;
                }
            }
            return false;
        }

        private void readSentence(final int s, final int first, final int last) {
            for (int i = first; i <= last; i++) {
                final CueAt cue = cueAt[i];
                if (cue == null || inSource[i]) {
                    continue;
                }
                // و ف ب may stand before a verb or preposition ("وقال", "وبحسب"); the article may not ("التابع")
                final boolean bare = !cue.proclitic().contains("\u0627\u0644") && !cue.proclitic().endsWith("\u0644\u0644");
                if ((cue.is(Kind.VERB_BEFORE) || cue.is(Kind.VERB_WITH_AN)) && bare) {
                    verbBefore(s, cue, last);
                } else if (cue.is(Kind.PREPOSITION) && bare) {
                    preposition(s, cue, first, last);
                } else if (cue.is(Kind.VERB_AFTER)) {
                    verbAfter(s, cue, first, last);
                }
                i = Math.max(i, cue.last());
            }
        }

        private void readLeftoverNouns(final int s, final int first, final int last) {
            for (int i = first; i <= last; i++) {
                final CueAt cue = cueAt[i];
                if (cue == null || !cue.is(Kind.SOURCE_NOUN) || inSource[i] || inClaim[i]) {
                    continue;
                }
                final Range source = new Range(cue.first(), cue.last());
                Range claim = new Range(cue.last() + 1, last);
                if (claim.last() - claim.first() < 1) {
                    claim = new Range(first, cue.first() - 1);
                }
                add(s, cue, source, claim);
                i = cue.last();
            }
        }

        private void verbBefore(final int s, final CueAt cue, final int last) {
            final int from = cue.last() + 1;
            final int[] stop = scanForward(from, last, true);
            int sourceFirst = from;
            for (int k = from; k < stop[0]; k++) {
                if (AN.equals(tokens.get(k).form())) {
                    sourceFirst = k + 1; // "نقل مراسلنا عن مصدر ...": the source quoted
                }
            }
            if (cue.is(Kind.VERB_WITH_AN) && !cue.is(Kind.VERB_BEFORE) && sourceFirst == from) {
                return; // "نقلت سيارات الإسعاف الجرحى": carried, not reported
            }
            for (int k = from; k < sourceFirst; k++) {
                inSource[k] = true; // "نقل مراسلنا عن": the relaying reporter is not a source of its own
            }
            final Range source = new Range(sourceFirst, stop[0] - 1);
            final Stop why = Stop.values()[stop[1]];
            int claimFirst = -1;
            if (why == Stop.COMPLEMENTIZER) {
                claimFirst = cueAt[stop[0]].last() + 1;
            } else if (why == Stop.CLAIM_START) {
                claimFirst = stop[0];
            } else if (why == Stop.SOURCE_END || why == Stop.BREAK) {
                claimFirst = complementizerWithin(why == Stop.SOURCE_END ? cueAt[stop[0]].last() + 1 : stop[0], last, 4);
            }
            final Range claim = claimFirst < 0 ? new Range(0, -1) : new Range(claimFirst, claimEnd(claimFirst, last));
            if (source.isEmpty()) {
                if (why == Stop.COMPLEMENTIZER && lastSource != null && s - lastSourceSentence <= 2) {
                    addAnaphoric(s, cue, claim);
                }
                return;
            }
            add(s, cue, source, claim);
        }

        private void preposition(final int s, final CueAt cue, final int first, final int last) {
            int from = cue.last() + 1;
            if (from <= last && LAM.equals(tokens.get(from).form())) {
                from++; // "وفقاً لـ" written apart
            }
            final int[] stop = scanForward(from, last, false);
            final Range source = new Range(from, stop[0] - 1);
            if (source.isEmpty()) {
                return;
            }
            Range claim;
            if (cue.first() == first) {
                int claimFirst = stop[0];
                if (claimFirst <= last && cueAt[claimFirst] != null && cueAt[claimFirst].is(Kind.COMPLEMENTIZER)) {
                    claimFirst = cueAt[claimFirst].last() + 1;
                }
                claim = new Range(claimFirst, claimEnd(claimFirst, last));
            } else {
                claim = new Range(first, cue.first() - 1);
            }
            add(s, cue, source, claim);
        }

        private void verbAfter(final int s, final CueAt cue, final int first, final int last) {
            int sourceFirst = cue.first();
            boolean brokeAtPunctuation = false;
            while (sourceFirst > first && cue.first() - sourceFirst < MAX_SOURCE_WORDS) {
                if (between(sourceFirst, BACKWARD_BREAKS)) {
                    brokeAtPunctuation = true;
                    break;
                }
                final int previous = sourceFirst - 1;
                if (inClaim[previous] || inSource[previous]) {
                    break;
                }
                sourceFirst = previous;
            }
            while (sourceFirst < cue.first() && LEADING_CONJUNCTIONS.contains(tokens.get(sourceFirst).form())) {
                sourceFirst++;
            }
            final Range source = new Range(sourceFirst, cue.first() - 1);
            if (source.isEmpty()) {
                return;
            }
            int after = cue.last() + 1;
            if ("told".equals(tokens.get(cue.first()).form())) {
                final int objectStart = after;
                while (after <= last && after - objectStart < 3 && (isCapitalised(after) || TOLD_OBJECTS.contains(tokens.get(after).form()))) {
                    after++;
                }
            }
            boolean skipped = true;
            while (skipped && after <= last) {
                skipped = false;
                if (cueAt[after] != null && cueAt[after].is(Kind.SOURCE_END)) {
                    after = cueAt[after].last() + 1;
                    skipped = true;
                } else if (THAT.equals(tokens.get(after).form())) {
                    after++;
                    skipped = true;
                }
            }
            Range claim = new Range(after, last);
            if (claim.last() - claim.first() < 1) {
                claim = brokeAtPunctuation && sourceFirst > first ? new Range(first, sourceFirst - 1) : new Range(0, -1);
            }
            add(s, cue, source, claim);
        }

        /**
         * Scans a source forward from {@code from}; returns {stop index, Stop ordinal}. Verbs stop a source only when
         * {@code verbs} is set: "بحسب ما أفاد مراسلنا" has its verb inside the source.
         */
        private int[] scanForward(final int from, final int last, final boolean verbs) {
            int k = from;
            while (true) {
                if (k > last) {
                    return new int[] {k, Stop.END.ordinal()};
                }
                if (k > from && between(k, SOURCE_BREAKS)) {
                    return new int[] {k, Stop.BREAK.ordinal()};
                }
                final CueAt cue = cueAt[k];
                if (cue != null) {
                    if (cue.is(Kind.COMPLEMENTIZER)) {
                        return new int[] {k, Stop.COMPLEMENTIZER.ordinal()};
                    }
                    if (cue.is(Kind.SOURCE_END) && k > from) {
                        return new int[] {k, Stop.SOURCE_END.ordinal()};
                    }
                    if (cue.is(Kind.CLAIM_START) && k > from) {
                        return new int[] {k, Stop.CLAIM_START.ordinal()};
                    }
                    if (verbs && (cue.is(Kind.VERB_BEFORE) || cue.is(Kind.VERB_WITH_AN)) && k > from) {
                        return new int[] {k, Stop.VERB.ordinal()};
                    }
                }
                if (k - from >= MAX_SOURCE_WORDS) {
                    return new int[] {k, Stop.MAX.ordinal()};
                }
                k = cue != null && !cue.is(Kind.SOURCE_NOUN) ? k + 1 : (cue != null ? cue.last() + 1 : k + 1);
            }
        }

        /**
         * Where a forward claim ends: the sentence end, or before ", وأكدت ..." / "، فيما أشار ...": a comma followed
         * by another reporting verb or preposition opens the next attribution, which gets its own claim.
         */
        private int claimEnd(final int from, final int last) {
            for (int k = from + 1; k <= last; k++) {
                if (!between(k, ",\u060c")) {
                    continue;
                }
                final int next = k + 1 <= last && FIMA.equals(tokens.get(k).form()) ? k + 1 : k;
                final CueAt cue = cueAt[next];
                if (cue != null && (cue.is(Kind.VERB_BEFORE) || cue.is(Kind.VERB_WITH_AN) || cue.is(Kind.PREPOSITION))) {
                    return k - 1;
                }
            }
            return last;
        }

        private int complementizerWithin(final int from, final int last, final int words) {
            for (int k = from; k <= last && k - from < words; k++) {
                if (cueAt[k] != null && cueAt[k].is(Kind.COMPLEMENTIZER)) {
                    return cueAt[k].last() + 1;
                }
            }
            return -1;
        }

        private boolean isCapitalised(final int index) {
            final char c = text.charAt(tokens.get(index).start());
            return Character.isUpperCase(c);
        }

        private void add(final int s, final CueAt cue, final Range source, final Range claim) {
            final List<Evidence> evidence = new ArrayList<>(3);
            evidence.add(cueEvidence(cue));
            final int sourceStart = tokens.get(source.first()).start();
            final int sourceEnd = tokens.get(source.last()).end();
            final String sourceText = text.substring(sourceStart, sourceEnd);
            evidence.add(new Evidence(field, sourceStart, sourceEnd, sourceText, "source.source", null));
            for (int k = source.first(); k <= source.last(); k++) {
                inSource[k] = true;
            }
            final String claimText = claimEvidence(claim, evidence);
            sentenceAttributed[s] = true;
            lastSource = sourceText;
            lastSourceSentence = s;
            claims.add(new Found(new SourceClaim(sourceText, claimText, evidence), s, claim, field));
        }

        private void addAnaphoric(final int s, final CueAt cue, final Range claim) {
            final List<Evidence> evidence = new ArrayList<>(2);
            evidence.add(cueEvidence(cue));
            final String claimText = claimEvidence(claim, evidence);
            sentenceAttributed[s] = true;
            claims.add(new Found(new SourceClaim(lastSource, claimText, evidence), s, claim, field));
        }

        private Evidence cueEvidence(final CueAt cue) {
            return new Evidence(field, cue.start(), cue.end(), text.substring(cue.start(), cue.end()),
                    "source.cue." + cue.kinds().iterator().next().name().toLowerCase(java.util.Locale.ROOT) + ":" + cue.phrase(), null);
        }

        private String claimEvidence(final Range claim, final List<Evidence> evidence) {
            if (claim.isEmpty() || claim.first() >= tokens.size()) {
                return null;
            }
            final int start = tokens.get(claim.first()).start();
            final int end = tokens.get(claim.last()).end();
            final String claimText = text.substring(start, end);
            evidence.add(new Evidence(field, start, end, claimText, "source.claim", null));
            for (int k = claim.first(); k <= claim.last(); k++) {
                inClaim[k] = true;
            }
            return claimText;
        }

        private void findStrong() {
            for (final Casualty casualty : casualties.find(field, text, tokens)) {
                strong.add(new Strong(field, casualty.start(), casualty.end(), casualty.text(), true, sentenceOf[indexOf(casualty.start())]));
            }
            for (final CueAt cue : cueAt) {
                if (cue != null && cue.is(Kind.STRONG)) {
                    strong.add(new Strong(field, cue.start(), cue.end(), text.substring(cue.start(), cue.end()), false, sentenceOf[cue.first()]));
                }
            }
            strong.sort(java.util.Comparator.comparingInt((Strong x) -> x.start));
            final boolean[] warned = new boolean[sentences.size()];
            final List<Strong> kept = new ArrayList<>();
            for (final Strong claim : strong) {
                final int index = indexOf(claim.start);
                claim.inClaim = inClaim[index];
                claim.attributed = sentenceAttributed[claim.sentence] || inClaim[index];
                if (claim.attributed || !warned[claim.sentence]) {
                    kept.add(claim);
                    warned[claim.sentence] |= !claim.attributed; // one warning per sentence
                }
            }
            strong.clear();
            strong.addAll(kept);
        }

        private int indexOf(final int offset) {
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).end() > offset) {
                    return i;
                }
            }
            return tokens.size() - 1;
        }
    }

    /**
     * The correspondent's attributions, then the claims found in the text; a found claim whose source has the same
     * matching form as a correspondent's is merged into that one.
     */
    private List<SourceClaim> merge(final ReportText report, final List<Attribution> written, final List<Found> found) {
        final Map<String, SourceClaim> byForm = new LinkedHashMap<>();
        final List<SourceClaim> result = new ArrayList<>();
        if (!written.isEmpty()) {
            final PhraseMatcher.Builder<Integer> builder = PhraseMatcher.builder(normalizer);
            for (int i = 0; i < written.size(); i++) {
                builder.add(written.get(i).getSource(), i);
            }
            final List<List<Evidence>> evidence = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                final String source = written.get(i).getSource();
                final List<Evidence> list = new ArrayList<>();
                list.add(new Evidence("sources." + (i + 1), 0, source.length(), source, "source.correspondent", null));
                evidence.add(list);
            }
            for (final PhraseMatcher.Match<Integer> match : builder.build().find(report)) {
                if (!ReportText.BIO.equals(match.field())) {
                    for (final Integer i : match.entries()) {
                        evidence.get(i).add(new Evidence(match.field(), match.start(), match.end(), match.text(report),
                                "source.correspondent.text", null));
                    }
                }
            }
            for (int i = 0; i < written.size(); i++) {
                final Attribution attribution = written.get(i);
                final SourceClaim claim = new SourceClaim(attribution.getSource(), attribution.getClaim(), evidence.get(i));
                result.add(claim);
                byForm.putIfAbsent(normalizer.matchingForm(attribution.getSource()), claim);
            }
        }
        for (final Found f : found) {
            final SourceClaim same = byForm.isEmpty() ? null : byForm.get(normalizer.matchingForm(f.claim().getSource()));
            if (same != null) {
                final List<Evidence> merged = new ArrayList<>(same.getEvidence());
                merged.addAll(f.claim().getEvidence());
                same.setEvidence(merged);
                if (same.getClaim() == null) {
                    same.setClaim(f.claim().getClaim());
                }
            } else {
                result.add(f.claim());
            }
        }
        return result;
    }
}
