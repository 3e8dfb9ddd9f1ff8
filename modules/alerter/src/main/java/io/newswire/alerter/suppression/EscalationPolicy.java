package io.newswire.alerter.suppression;

import io.newswire.model.ArticleSource;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Signal;
import io.newswire.model.SourceRole;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides whether a rule alerts on a version of a story, given what the rule last saw of it (within the window).
 *
 * <ul>
 *   <li>No state (never alerted, or forgotten after the window): alert {@link Escalation#FIRST} if the rule matches.</li>
 *   <li>A version not newer than the last one seen: nothing (a replay or a late duplicate).</li>
 *   <li>A WITHDRAWAL or CORRECTION: alert, whether or not the new text still matches: a desk told of a story is told
 *       that it changed, even when the change removed what the rule watches.</li>
 *   <li>A matching version more urgent than the last alert: {@link Escalation#URGENCY_RAISED}.</li>
 *   <li>A matching version with a corroborating correspondent not behind the story before, when the rule asks:
 *       {@link Escalation#CORROBORATION}.</li>
 *   <li>Anything else (an update, a reworded copy from another correspondent): suppressed.</li>
 * </ul>
 * The state moves on with every version after the first alert, so each escalation alerts once.
 */
public final class EscalationPolicy {

    /** The decision: maybe an alert, and the state to keep (empty: keep what there is). */
    public record Decision(Optional<Escalation> alert, Optional<StoryRuleState> state) {
        static Decision nothing() {
            return new Decision(Optional.empty(), Optional.empty());
        }
    }

    private EscalationPolicy() {
    }

    /**
     * @param previous              the rule's state on the story within the window. May be null.
     * @param update                the new version
     * @param matches               whether the rule's conditions hold on it
     * @param escalateOnCorroboration whether the rule asks to hear of new corroborating correspondents
     * @param recordTime            the version's record time, epoch millis
     */
    public static Decision decide(final StoryRuleState previous, final ArticleUpdate update, final boolean matches,
                                  final boolean escalateOnCorroboration, final long recordTime) {
        final List<String> correspondents = correspondents(update);
        if (previous == null) {
            return matches
                    ? new Decision(Optional.of(Escalation.FIRST), Optional.of(new StoryRuleState(update.getVersion(), update.getUrgency(), correspondents, recordTime)))
                    : Decision.nothing();
        }
        if (update.getVersion() <= previous.lastVersion()) {
            return Decision.nothing();
        }
        final Escalation escalation = escalation(previous, update, matches, escalateOnCorroboration, correspondents);
        final Integer urgency = escalation == null ? previous.urgency() : mostUrgent(previous.urgency(), update.getUrgency());
        final long alertAt = escalation == null ? previous.lastAlertAt() : recordTime;
        return new Decision(Optional.ofNullable(escalation), Optional.of(new StoryRuleState(update.getVersion(), urgency, correspondents, alertAt)));
    }

    private static Escalation escalation(final StoryRuleState previous, final ArticleUpdate update, final boolean matches,
                                         final boolean escalateOnCorroboration, final List<String> correspondents) {
        if (update.getSignal() == Signal.WITHDRAWAL) {
            return Escalation.WITHDRAWAL;
        }
        if (update.getSignal() == Signal.CORRECTION) {
            return Escalation.CORRECTION;
        }
        if (!matches) {
            return null;
        }
        if (update.getUrgency() != null && (previous.urgency() == null || update.getUrgency() < previous.urgency())) {
            return Escalation.URGENCY_RAISED;
        }
        if (escalateOnCorroboration && newCorroboration(update, previous.correspondents())) {
            return Escalation.CORROBORATION;
        }
        return null;
    }

    private static boolean newCorroboration(final ArticleUpdate update, final List<String> before) {
        return update.getSources().stream().anyMatch(s -> s.getRole() == SourceRole.CORROBORATION && !before.contains(s.getCorrespondentId()));
    }

    private static Integer mostUrgent(final Integer a, final Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }

    private static List<String> correspondents(final ArticleUpdate update) {
        final TreeSet<String> ids = new TreeSet<>();
        for (final ArticleSource source : update.getSources()) {
            ids.add(source.getCorrespondentId());
        }
        return List.copyOf(ids);
    }
}
