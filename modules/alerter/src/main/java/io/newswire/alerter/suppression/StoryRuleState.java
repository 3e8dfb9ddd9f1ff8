package io.newswire.alerter.suppression;

import java.util.List;

/**
 * What the alerter remembers of one rule on one story.
 *
 * @param lastVersion    the newest version of the story this rule has seen since its first alert
 * @param urgency        the most urgent urgency (lowest number) the rule has alerted on; null when none was known
 * @param correspondents every correspondent behind the story when the rule last looked (sorted)
 * @param lastAlertAt    record time of the rule's last alert on the story, epoch millis
 */
public record StoryRuleState(int lastVersion, Integer urgency, List<String> correspondents, long lastAlertAt) {

    public StoryRuleState {
        correspondents = List.copyOf(correspondents);
    }
}
