package io.newswire.publisher.apikeys;

import io.newswire.model.ApiKey;
import io.newswire.runtime.auth.TokenHasher;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may read the publisher: the latest record of each API key, looked up by the hash of the presented key. The pure
 * core; {@link ApiKeyLoader} fills it from the compacted {@code newswire.publisher.api-keys.v1}, so every publisher
 * instance sees an added, rotated or removed key within about a second.
 *
 * <p>Rules: a new record of a key id replaces the old, whose secret stops working at once; a revoked key
 * authenticates nobody; a tombstone (null) forgets the key.
 */
public final class ApiKeyDirectory {

    private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();

    /** The active key with this secret. */
    public Optional<ApiKey> authenticate(final String secret) {
        final ApiKey key = byHash.get(TokenHasher.hash(secret));
        return key == null || key.getRevokedAt() != null ? Optional.empty() : Optional.of(key);
    }

    public Optional<ApiKey> byId(final String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    /** Every key on record, active and revoked. */
    public Collection<ApiKey> all() {
        return List.copyOf(byId.values());
    }

    /**
     * Applies one record of the topic; the loader's thread and {@link ApiKeyAdmin}'s own writes both apply.
     *
     * @param key the key's new record, or null to forget it
     */
    public synchronized void apply(final String keyId, final ApiKey key) {
        final ApiKey previous = key == null ? byId.remove(keyId) : byId.put(keyId, key);
        if (previous != null) {
            byHash.remove(previous.getKeySha256());
        }
        if (key != null) {
            byHash.put(key.getKeySha256(), key);
        }
    }
}
