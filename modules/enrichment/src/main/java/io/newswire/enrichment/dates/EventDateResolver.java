package io.newswire.enrichment.dates;

import io.newswire.enrichment.text.ReportText;
import io.newswire.model.DateMention;
import io.newswire.model.Evidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the dates found in a report into one {@link DateMention} per calendar date and chooses the date of the
 * event. The rule, in order:
 * <ol>
 *   <li>Never a date after the filed date (in the correspondent's zone): that is announced, not reported.</li>
 *   <li>Never a date in the bio: it is about the writer.</li>
 *   <li>By where it is written: the dateline first, then the lead (headline, subheadline, first body paragraph),
 *       then the rest of the body, then captions. So "فجر اليوم" in the lead beats "12/10/2017" in a later paragraph
 *       or in a caption.</li>
 *   <li>Within the same place, the first in reading order.</li>
 *   <li>Spans ("الأسبوع الماضي", "last week") only when nothing more precise qualifies anywhere.</li>
 * </ol>
 * The chosen mention gets {@code eventDate = true} and one more {@link Evidence}, pointing at the occurrence that
 * won, whose rule says which step chose it: {@code date.event.dateline}, {@code date.event.lead},
 * {@code date.event.body}, {@code date.event.caption} or {@code date.event.imprecise}. At most one mention is the
 * event date; exactly one whenever any date qualifies, none when every date found is in the future or in the bio.
 */
final class EventDateResolver {

    private static final int EXCLUDED = -1;
    private static final String[] TIER_RULES = {"date.event.dateline", "date.event.lead", "date.event.body", "date.event.caption"};

    private EventDateResolver() {
    }

    /**
     * @param found  every written date, in reading order (fields in report order, offsets ascending)
     * @param filed  the filed date in the correspondent's zone
     * @param report the report, for the evidence text
     */
    static List<DateMention> mentions(final List<DateCandidate> found, final LocalDate filed, final ReportText report) {
        final DateCandidate chosen = choose(found, filed);
        final Map<LocalDate, List<DateCandidate>> byDate = new LinkedHashMap<>();
        for (final DateCandidate candidate : found) {
            byDate.computeIfAbsent(candidate.date(), d -> new ArrayList<>()).add(candidate);
        }
        final List<DateMention> mentions = new ArrayList<>(byDate.size());
        for (final Map.Entry<LocalDate, List<DateCandidate>> entry : byDate.entrySet()) {
            final List<Evidence> evidence = new ArrayList<>();
            boolean relative = true;
            boolean event = false;
            for (final DateCandidate candidate : entry.getValue()) {
                evidence.add(evidence(report, candidate, candidate.rule(), candidate.score()));
                relative &= candidate.relative();
                event |= candidate == chosen;
            }
            if (event) {
                evidence.add(evidence(report, chosen, eventRule(chosen), null));
            }
            mentions.add(DateMention.newBuilder().setDate(entry.getKey()).setRelative(relative).setEventDate(event)
                    .setEvidence(evidence).build());
        }
        return mentions;
    }

    /** The occurrence the event date is taken from, or null when none qualifies. */
    static DateCandidate choose(final List<DateCandidate> found, final LocalDate filed) {
        for (final boolean precise : new boolean[] {true, false}) {
            DateCandidate best = null;
            int bestTier = Integer.MAX_VALUE;
            for (final DateCandidate candidate : found) {
                final int tier = tier(candidate);
                if (tier == EXCLUDED || candidate.date().isAfter(filed) || candidate.imprecise() == precise) {
                    continue;
                }
                if (tier < bestTier) { // strictly: the first in reading order keeps its place within a tier
                    best = candidate;
                    bestTier = tier;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** 0 dateline, 1 lead, 2 rest of the body, 3 captions and any other field; EXCLUDED for the bio. */
    static int tier(final DateCandidate candidate) {
        return switch (candidate.field()) {
            case ReportText.BIO -> EXCLUDED;
            case ReportText.DATELINE -> 0;
            case ReportText.HEADLINE, ReportText.SUBHEADLINE -> 1;
            case ReportText.BODY -> candidate.paragraph() == 0 ? 1 : 2;
            default -> 3;
        };
    }

    private static String eventRule(final DateCandidate chosen) {
        return chosen.imprecise() ? "date.event.imprecise" : TIER_RULES[tier(chosen)];
    }

    private static Evidence evidence(final ReportText report, final DateCandidate candidate, final String rule, final Double score) {
        return Evidence.newBuilder().setField(candidate.field()).setStart(candidate.start()).setEnd(candidate.end())
                .setText(report.text(candidate.field()).substring(candidate.start(), candidate.end()))
                .setRule(rule).setScore(score).build();
    }
}
