/**
 * Suppression and escalation: a story alerts a rule once within the window, then again only when it escalates.
 * {@link io.newswire.alerter.suppression.EscalationPolicy} is the pure core; {@link io.newswire.alerter.suppression.StoryAlerts}
 * is what the alerter's store keeps per story.
 */
package io.newswire.alerter.suppression;
