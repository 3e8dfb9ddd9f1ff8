/** The dashboard's HTTP side: pages (static files with a strict Content-Security-Policy), {@code /api/*}, the SSE stream. */
package io.newswire.dashboard.http;
