/**
 * Publisher API keys for newsroom staff and partners (not correspondents' tokens): stored hashed on the compacted
 * {@code newswire.publisher.api-keys.v1}; {@link io.newswire.publisher.apikeys.ApiKeyDirectory} (pure),
 * {@link io.newswire.publisher.apikeys.Access} (pure authorisation), the loader and the admin behind
 * {@code newswire apikeys}.
 */
package io.newswire.publisher.apikeys;
