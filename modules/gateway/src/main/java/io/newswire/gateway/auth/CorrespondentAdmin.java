package io.newswire.gateway.auth;

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
 * Issues, lists and revokes correspondent credentials (`newswire correspondents add|list|revoke`). The token is
 * returned once by {@link #add}; only its hash is written to the topic.
 */
public final class CorrespondentAdmin implements AutoCloseable {

    /** What {@link #add} hands back: the stored credential and the one copy of the token. */
    public record Issued(CorrespondentCredential credential, String token) {
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

    private final KafkaProducer<String, CorrespondentCredential> producer;
    private final CorrespondentDirectory directory;

    public CorrespondentAdmin(final NewswireConfig config, final NewswireSerdes serdes) throws InterruptedException {
        final Serde<CorrespondentCredential> serde = serdes.valueSerde(Topics.CORRESPONDENTS);
        this.producer = new KafkaProducer<>(KafkaClientConfigs.durableProducer(config, "newswire-correspondents-admin", 10_000),
                NewswireSerdes.keySerde().serializer(), serde.serializer());
        this.directory = new CorrespondentDirectory(KafkaClientConfigs.committedReader(config, null, "newswire-correspondents-admin"),
                serde.deserializer()).start();
        if (!directory.awaitLoaded(Duration.ofSeconds(30))) {
            throw new IllegalStateException("Could not read " + Topics.CORRESPONDENTS.name() + " within 30 s");
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

    /** Revokes the correspondent's token; the credential stays on record with its revocation time. */
    public Optional<CorrespondentCredential> revoke(final String id) {
        return directory.byId(id).map(current -> {
            final CorrespondentCredential revoked = CorrespondentCredential.newBuilder(current)
                    .setRevokedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
            write(revoked);
            return revoked;
        });
    }

    public Collection<CorrespondentCredential> list() {
        return directory.all();
    }

    private void write(final CorrespondentCredential credential) {
        try {
            producer.send(new ProducerRecord<>(Topics.CORRESPONDENTS.name(), credential.getCorrespondentId(), credential)).get(15, TimeUnit.SECONDS);
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
        directory.close();
    }
}
