package io.newswire.publisher.apikeys;

import io.newswire.model.ApiKey;
import io.newswire.model.ApiKeyRole;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.auth.TokenHasher;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Issues, lists and removes publisher API keys ({@code newswire apikeys add|list|remove}) on the compacted
 * {@code newswire.publisher.api-keys.v1} that every publisher follows. The secret ({@code nwk_...}) is returned once by
 * {@link #add}; only its SHA-256 is written. Adding an id that exists issues a new secret (rotation): the old one stops
 * working. A removed key stays on the topic with its revocation time, so {@link #list} shows who lost access and when.
 */
public final class ApiKeyAdmin implements AutoCloseable {

    /** The prefix of every API key, so a leaked one is easy to recognise (correspondents' tokens start nwt_). */
    public static final String KEY_PREFIX = "nwk_";

    /** What {@link #add} hands back: the stored record and the one copy of the secret. */
    public record Issued(ApiKey key, String secret) {
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    private static final Pattern DESK = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final KafkaProducer<String, ApiKey> producer;
    private final ApiKeyDirectory directory = new ApiKeyDirectory();
    private final ApiKeyLoader loader;

    /**
     * Connects and reads the current keys (up to 30 s).
     *
     * @param serdes the caller's serdes; not closed here
     */
    public ApiKeyAdmin(final NewswireConfig config, final NewswireSerdes serdes) throws InterruptedException {
        final Serde<ApiKey> serde = serdes.valueSerde(Topics.API_KEYS);
        this.producer = new KafkaProducer<>(KafkaClientConfigs.durableProducer(config, "newswire-apikeys-admin", 10_000),
                NewswireSerdes.keySerde().serializer(), serde.serializer());
        this.loader = new ApiKeyLoader(directory, KafkaClientConfigs.committedReader(config, null, "newswire-apikeys-admin"),
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
            throw new IllegalStateException("Could not read " + Topics.API_KEYS.name() + " within 30 s: is Kafka at "
                    + config.bootstrapServers() + " reachable, and does the topic exist (newswire topics create)?");
        }
    }

    /**
     * Issues a new secret for the key id; an earlier secret of the same id stops working.
     *
     * @param id    lower-case letters, digits, dot, dash, underscore; 2 to 63 characters
     * @param role  STAFF reads every desk; PARTNER only {@code desks}
     * @param desks the desks a PARTNER key may read, at least one; must be empty for STAFF
     */
    public Issued add(final String id, final String displayName, final ApiKeyRole role, final List<String> desks) {
        validate(id, role, desks);
        final String secret = TokenHasher.newToken(KEY_PREFIX);
        final ApiKey key = ApiKey.newBuilder().setKeyId(id).setDisplayName(displayName).setRole(role)
                .setDesks(desks.stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList())
                .setKeySha256(TokenHasher.hash(secret)).setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
        write(key);
        return new Issued(key, secret);
    }

    /** Checks an add request; the message names what is wrong. */
    static void validate(final String id, final ApiKeyRole role, final List<String> desks) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("API key id '" + id + "' must be 2-63 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        if (role == ApiKeyRole.PARTNER && desks.isEmpty()) {
            throw new IllegalArgumentException("A partner key names the desks it may read (--desk syria --desk iraq)");
        }
        if (role == ApiKeyRole.STAFF && !desks.isEmpty()) {
            throw new IllegalArgumentException("A staff key reads every desk; leave out --desk, or make it a partner key");
        }
        desks.stream().filter(d -> !DESK.matcher(d.toLowerCase(Locale.ROOT)).matches()).findFirst().ifPresent(d -> {
            throw new IllegalArgumentException("Desk '" + d + "' must be 1-100 characters of a-z, 0-9, '.', '_' or '-'");
        });
    }

    /**
     * Removes the key: its secret stops working; the record stays with its revocation time.
     *
     * @return the revoked record, or empty when there is no such key
     */
    public Optional<ApiKey> remove(final String id) {
        return directory.byId(id).map(current -> {
            final ApiKey revoked = ApiKey.newBuilder(current).setRevokedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
            write(revoked);
            return revoked;
        });
    }

    /** Every key on record, active and removed; secrets never (only their hashes exist). */
    public Collection<ApiKey> list() {
        return directory.all();
    }

    private void write(final ApiKey key) {
        try {
            producer.send(new ProducerRecord<>(Topics.API_KEYS.name(), key.getKeyId(), key)).get(15, TimeUnit.SECONDS);
            // our own view learns it now, not when the follower reads it back
            directory.apply(key.getKeyId(), key);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write API key " + key.getKeyId() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        loader.close();
    }
}
