package io.newswire.gateway.auth;

import io.newswire.runtime.auth.TokenHasher;
import io.newswire.model.CorrespondentCredential;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may file: the latest credential of each correspondent, looked up by the hash of the presented token. The
 * pure core: {@link CorrespondentLoader} fills it from the compacted {@code newswire.correspondents.v1}, so every
 * gateway instance sees an added, rotated or revoked correspondent within about a second.
 *
 * <p>Rules: a new credential of a correspondent replaces the old one, whose token stops working at once; a revoked
 * credential authenticates nobody; a tombstone (null) removes the correspondent.
 */
public final class CorrespondentDirectory {

    private final Map<String, CorrespondentCredential> byId = new ConcurrentHashMap<>();
    private final Map<String, CorrespondentCredential> byTokenHash = new ConcurrentHashMap<>();

    /** The active (not revoked) correspondent holding this token. */
    public Optional<CorrespondentCredential> authenticate(final String token) {
        final CorrespondentCredential credential = byTokenHash.get(TokenHasher.hash(token));
        return credential == null || credential.getRevokedAt() != null ? Optional.empty() : Optional.of(credential);
    }

    public Optional<CorrespondentCredential> byId(final String correspondentId) {
        return Optional.ofNullable(byId.get(correspondentId));
    }

    /** Every correspondent on record, active and revoked. */
    public Collection<CorrespondentCredential> all() {
        return List.copyOf(byId.values());
    }

    /**
     * Applies one record of the topic. Synchronized: the loader's thread and {@link CorrespondentAdmin}'s own
     * writes both apply.
     *
     * @param credential the correspondent's new credential, or null to remove them
     */
    public synchronized void apply(final String correspondentId, final CorrespondentCredential credential) {
        final CorrespondentCredential previous = credential == null ? byId.remove(correspondentId) : byId.put(correspondentId, credential);
        if (previous != null) {
            byTokenHash.remove(previous.getTokenSha256());
        }
        if (credential != null) {
            byTokenHash.put(credential.getTokenSha256(), credential);
        }
    }
}
