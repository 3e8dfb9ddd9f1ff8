/** Correspondent credentials: random bearer tokens stored as hashes on a compacted topic every gateway follows. */
package io.newswire.gateway.auth;
