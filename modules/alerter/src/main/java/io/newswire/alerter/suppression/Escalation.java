package io.newswire.alerter.suppression;

/** Why a rule alerts on a version of a story: the first match, or what made a story already alerted on move. */
public enum Escalation {
    /** The rule matched this story for the first time within the window. */
    FIRST,
    /** The story became more urgent (a lower urgency number) than when the rule last alerted. */
    URGENCY_RAISED,
    /** The story was corrected. */
    CORRECTION,
    /** The story was withdrawn. */
    WITHDRAWAL,
    /** Another correspondent corroborates it, and the rule asks to hear of that. */
    CORROBORATION
}
