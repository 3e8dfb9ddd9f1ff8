/** Secrets shown once and stored only as hashes: correspondents' tokens (gateway) and API keys (publisher). */
package io.newswire.runtime.auth;
