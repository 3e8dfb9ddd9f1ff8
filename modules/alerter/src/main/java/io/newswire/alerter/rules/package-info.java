/**
 * Alert rules as data: {@link io.newswire.alerter.rules.RuleParser} checks a rule written as JSON (HTTP API, CLI),
 * {@link io.newswire.alerter.rules.RuleMatcher} is the pure core that says whether a rule fires on an article
 * version and on what, and {@link io.newswire.alerter.rules.RuleBook} holds the rules in force.
 */
package io.newswire.alerter.rules;
