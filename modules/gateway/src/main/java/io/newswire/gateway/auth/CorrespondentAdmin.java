package io.newswire.gateway.auth;

import io.newswire.runtime.auth.TokenHasher;
import io.newswire.model.CorrespondentCredential;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Issues, lists and revokes correspondent credentials ({@code newswire correspondents add|list|revoke}), on the
 * compacted {@code newswire.correspondents.v1} that every gateway follows (a change reaches them within about a
 * second). The token is returned once by {@link #add}; only its SHA-256 is written. Adding an id that exists
 * issues a new token for it (rotation): the old one stops working. A revoked credential stays on the topic with
 * its revocation time, so {@link #list} shows who was revoked and when.
 */
public final class CorrespondentAdmin implements AutoCloseable {

    /** What {@link #add} hands back: the stored credential and the one copy of the token. */
    public record Issued(CorrespondentCredential credential, String token) {
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

    private final KafkaProducer<String, CorrespondentCredential> producer;
    private final CorrespondentDirectory directory = new CorrespondentDirectory();
    private final CorrespondentLoader loader;

    /**
     * Connects and reads the current credentials (up to 30 s).
     *
     * @param serdes the caller's serdes (registry client); not closed here
     */
    public CorrespondentAdmin(final NewswireConfig config, final NewswireSerdes serdes) throws InterruptedException {
        final Serde<CorrespondentCredential> serde = serdes.valueSerde(Topics.CORRESPONDENTS);
        this.producer = new KafkaProducer<>(KafkaClientConfigs.durableProducer(config, "newswire-correspondents-admin", 10_000),
                NewswireSerdes.keySerde().serializer(), serde.serializer());
        this.loader = new CorrespondentLoader(directory, KafkaClientConfigs.committedReader(config, null, "newswire-correspondents-admin"),
                serde.deserializer()).start();
        final boolean loaded;
        try {
            loaded = loader.awaitLoaded(Duration.ofSeconds(30));
        } catch (final InterruptedException e) {
            close();
            throw e;
        }
        if (!loaded) {
            close();
            throw new IllegalStateException("Could not read " + Topics.CORRESPONDENTS.name() + " within 30 s: is Kafka at "
                    + config.bootstrapServers() + " reachable, and does the topic exist (newswire topics create)?");
        }
    }

    /**
     * Issues a new token for the correspondent; an earlier token of the same id stops working.
     *
     * @param id   lower-case letters, digits, dot, dash, underscore; 2 to 63 characters
     * @param desk default desk. May be null.
     */
    public Issued add(final String id, final String displayName, final String desk) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Correspondent id '" + id + "' must be 2-63 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        final String token = TokenHasher.newToken();
        final CorrespondentCredential credential = CorrespondentCredential.newBuilder()
                .setCorrespondentId(id).setDisplayName(displayName).setDesk(desk)
                .setTokenSha256(TokenHasher.hash(token)).setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
        write(credential);
        return new Issued(credential, token);
    }

    /**
     * Revokes the correspondent's token; the credential stays on record with its revocation time.
     *
     * @return the revoked credential, or empty when there is no such correspondent
     */
    public Optional<CorrespondentCredential> revoke(final String id) {
        return directory.byId(id).map(current -> {
            final CorrespondentCredential revoked = CorrespondentCredential.newBuilder(current)
                    .setRevokedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
            write(revoked);
            return revoked;
        });
    }

    /** Every correspondent on record, active and revoked; tokens never (only their hashes exist). */
    public Collection<CorrespondentCredential> list() {
        return directory.all();
    }

    private void write(final CorrespondentCredential credential) {
        try {
            producer.send(new ProducerRecord<>(Topics.CORRESPONDENTS.name(), credential.getCorrespondentId(), credential)).get(15, TimeUnit.SECONDS);
            // our own view learns it now, not when the follower reads it back: add then revoke, or add then list, see it
            directory.apply(credential.getCorrespondentId(), credential);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (final ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not write the credential of " + credential.getCorrespondentId() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        loader.close();
    }
}
