/** Writing and reading the rules topic: {@link io.newswire.alerter.admin.RuleAdmin}, behind the CLI and the HTTP API. */
package io.newswire.alerter.admin;
