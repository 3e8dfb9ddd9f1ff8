/** Who may see the dashboard: newsroom staff with a publisher API key, by a signed session cookie or a bearer header. */
package io.newswire.dashboard.auth;
