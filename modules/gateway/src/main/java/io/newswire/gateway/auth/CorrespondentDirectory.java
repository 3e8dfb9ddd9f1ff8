package io.newswire.gateway.auth;

import io.newswire.model.CorrespondentCredential;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may file: the credentials on the compacted {@code newswire.correspondents.v1} topic, followed in memory so
 * every gateway instance sees an added or revoked correspondent within moments. Lookup is by token hash.
 */
public final class CorrespondentDirectory implements AutoCloseable {

    private final Map<String, CorrespondentCredential> byId = new ConcurrentHashMap<>();
    private final Map<String, CorrespondentCredential> byTokenHash = new ConcurrentHashMap<>();
    private final TopicFollower<String, CorrespondentCredential> follower;

    public CorrespondentDirectory(final Map<String, Object> consumerConfig, final Deserializer<CorrespondentCredential> values) {
        this.follower = new TopicFollower<>(Topics.CORRESPONDENTS.name(), consumerConfig, new StringDeserializer(), values,
                record -> apply(record.key(), record.value()));
    }

    public CorrespondentDirectory start() {
        follower.start();
        return this;
    }

    public boolean awaitLoaded(final Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    /** Whether the credentials present at start have been read. */
    public boolean awaitLoadedNow() {
        return follower.isCaughtUp();
    }

    /** The active (not revoked) correspondent holding this token. */
    public Optional<CorrespondentCredential> authenticate(final String token) {
        final CorrespondentCredential credential = byTokenHash.get(TokenHasher.hash(token));
        return credential == null || credential.getRevokedAt() != null ? Optional.empty() : Optional.of(credential);
    }

    public Optional<CorrespondentCredential> byId(final String correspondentId) {
        return Optional.ofNullable(byId.get(correspondentId));
    }

    public Collection<CorrespondentCredential> all() {
        return List.copyOf(byId.values());
    }

    /** Applies one record of the topic: a credential replaces the correspondent's previous one; null deletes. */
    void apply(final String correspondentId, final CorrespondentCredential credential) {
        final CorrespondentCredential previous = credential == null ? byId.remove(correspondentId) : byId.put(correspondentId, credential);
        if (previous != null) {
            byTokenHash.remove(previous.getTokenSha256());
        }
        if (credential != null) {
            byTokenHash.put(credential.getTokenSha256(), credential);
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
