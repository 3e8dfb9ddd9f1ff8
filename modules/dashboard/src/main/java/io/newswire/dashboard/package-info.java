/**
 * The newsroom dashboard: the live wire in a browser. {@link io.newswire.dashboard.DashboardApp} follows
 * {@code newswire.articles.updates.v1} (the publisher's article window, read in this process) and serves the pages, a
 * JSON API and a Server-Sent Events stream of new versions and alerts ({@code newswire.alerts.v1}). Editors log in with a
 * publisher API key of role STAFF. Read {@link io.newswire.dashboard.http.DashboardServer} first.
 */
package io.newswire.dashboard;
