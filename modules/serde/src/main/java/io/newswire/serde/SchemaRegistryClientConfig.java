package io.newswire.serde;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a schema registry. {@link #fromMap} reads the key names Confluent's serializers read, so an existing
 * Confluent client configuration works unchanged.
 *
 * @param baseUrl        the API base, e.g. {@code http://registry:8081} or Apicurio's
 *                       {@code http://host:port/apis/ccompat/v7}; a trailing slash is dropped
 * @param basicAuth      {@code user:password} for HTTP basic auth. May be empty.
 * @param sslContext     TLS trust for https registries. May be empty (the JVM's default trust).
 * @param requestTimeout timeout of one HTTP request (connect and answer)
 * @param maxAttempts    attempts for a request that fails with 5xx, 429 or an I/O error (timeouts included); at least 1
 * @param initialBackoff wait before the second attempt; doubles after each, up to {@link #maxBackoff()}
 * @param callTimeout    the longest one registry request may take, every attempt, attempt timeout and wait between
 *                       attempts included: a request still failing then fails. Serializers run on threads that must not
 *                       stall (a Kafka Streams thread inside its transaction, a gateway request), so this bounds them.
 */
public record SchemaRegistryClientConfig(URI baseUrl, Optional<String> basicAuth, Optional<SSLContext> sslContext,
                                         Duration requestTimeout, int maxAttempts, Duration initialBackoff,
                                         Duration callTimeout) {

    public static final String URL_CONFIG = "schema.registry.url";
    public static final String BASIC_AUTH_SOURCE_CONFIG = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
    /** Confluent's older spelling of {@link #BASIC_AUTH_USER_INFO_CONFIG}, still read. */
    public static final String LEGACY_BASIC_AUTH_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    public static final String TRUSTSTORE_LOCATION_CONFIG = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD_CONFIG = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE_CONFIG = "schema.registry.ssl.truststore.type";
    /** Confluent's request timeout key; {@link #REQUEST_TIMEOUT_MS_CONFIG} is read when it is absent. */
    public static final String HTTP_READ_TIMEOUT_MS_CONFIG = "http.read.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
    /** Confluent's retry count (retries after the first attempt); {@link #MAX_ATTEMPTS_CONFIG} is read when absent. */
    public static final String MAX_RETRIES_CONFIG = "max.retries";
    public static final String MAX_ATTEMPTS_CONFIG = "schema.registry.max.attempts";
    /** Confluent's first retry wait. */
    public static final String RETRIES_WAIT_MS_CONFIG = "retries.wait.ms";
    /** Newswire's own: the whole time one registry request may take, retries included ({@link #callTimeout()}). */
    public static final String CALL_TIMEOUT_MS_CONFIG = "schema.registry.call.timeout.ms";

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
    /**
     * Half of Kafka Streams' transaction timeout under exactly-once (10 s): a stream thread blocked on the registry
     * gives up while its transaction is still alive, and fails cleanly instead of being fenced.
     */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BACKOFF_CAP = Duration.ofSeconds(5);

    public SchemaRegistryClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(basicAuth, "basicAuth");
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative, got " + initialBackoff);
        }
        if (callTimeout.isZero() || callTimeout.isNegative()) {
            throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
        }
        final String url = baseUrl.toString();
        // one canonical form: no trailing slash, so paths are appended as "/subjects/..."
        baseUrl = url.endsWith("/") ? URI.create(url.substring(0, url.length() - 1)) : baseUrl;
    }

    /** As the canonical constructor, with the {@link #DEFAULT_CALL_TIMEOUT default call timeout}. */
    public SchemaRegistryClientConfig(final URI baseUrl, final Optional<String> basicAuth, final Optional<SSLContext> sslContext,
                                      final Duration requestTimeout, final int maxAttempts, final Duration initialBackoff) {
        this(baseUrl, basicAuth, sslContext, requestTimeout, maxAttempts, initialBackoff, DEFAULT_CALL_TIMEOUT);
    }

    /** Plain HTTP (or https with the JVM's trust), no auth, default timeouts and retries. */
    public static SchemaRegistryClientConfig of(final String url) {
        return new SchemaRegistryClientConfig(URI.create(url.trim()), Optional.empty(), Optional.empty(),
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * Reads Confluent's configuration keys; only {@code schema.registry.url} is required.
     *
     * <ul>
     *   <li>{@code schema.registry.url}: a comma-separated list is accepted; the first URL is used.</li>
     *   <li>{@code basic.auth.credentials.source}: {@code USER_INFO} ({@code basic.auth.user.info}) or {@code URL}
     *       (credentials in the URL's user-info). When absent, whichever of the two is given is used.</li>
     *   <li>{@code schema.registry.ssl.truststore.location} / {@code .password} / {@code .type} (default JKS, which
     *       on Java 9+ also loads PKCS12 files): an SSLContext trusting that store.</li>
     *   <li>{@code http.read.timeout.ms}, {@code max.retries}, {@code retries.wait.ms}: as Confluent's client, but with
     *       shorter defaults (10 s, 3 retries, 200 ms) because the serializer's caller is waiting.</li>
     *   <li>{@code schema.registry.call.timeout.ms} (default 5000): the bound on a whole request, retries included;
     *       an attempt's own timeout is cut to what is left of it.</li>
     * </ul>
     *
     * @throws IllegalArgumentException naming the key when a value is missing or unusable
     */
    public static SchemaRegistryClientConfig fromMap(final Map<String, ?> configs) {
        final String urls = setting(configs, URL_CONFIG, "");
        if (urls.isBlank()) {
            throw new IllegalArgumentException("Missing " + URL_CONFIG + " (the schema registry's base URL)");
        }
        // Confluent allows a comma-separated list for fail-over; one registry (or a load balancer) is what we run
        final URI given = parseUrl(urls.split(",")[0].trim());
        final URI baseUrl = withoutUserInfo(given);
        final Optional<String> basicAuth = basicAuth(configs, given);
        final Optional<SSLContext> ssl = Optional.ofNullable(configs.get(TRUSTSTORE_LOCATION_CONFIG))
                .map(Object::toString).filter(location -> !location.isBlank())
                .map(location -> trustStoreContext(Path.of(location),
                        setting(configs, TRUSTSTORE_PASSWORD_CONFIG, ""),
                        setting(configs, TRUSTSTORE_TYPE_CONFIG, "JKS")));
        final Duration timeout = Duration.ofMillis(number(configs, HTTP_READ_TIMEOUT_MS_CONFIG,
                number(configs, REQUEST_TIMEOUT_MS_CONFIG, DEFAULT_REQUEST_TIMEOUT.toMillis())));
        final int attempts = configs.containsKey(MAX_RETRIES_CONFIG)
                ? (int) number(configs, MAX_RETRIES_CONFIG, DEFAULT_MAX_ATTEMPTS - 1) + 1
                : (int) number(configs, MAX_ATTEMPTS_CONFIG, DEFAULT_MAX_ATTEMPTS);
        final Duration backoff = Duration.ofMillis(number(configs, RETRIES_WAIT_MS_CONFIG, DEFAULT_INITIAL_BACKOFF.toMillis()));
        final Duration callTimeout = Duration.ofMillis(number(configs, CALL_TIMEOUT_MS_CONFIG, DEFAULT_CALL_TIMEOUT.toMillis()));
        if (callTimeout.isZero()) {
            throw new IllegalArgumentException(CALL_TIMEOUT_MS_CONFIG + " must be at least 1");
        }
        return new SchemaRegistryClientConfig(baseUrl, basicAuth, ssl, timeout, attempts, backoff, callTimeout);
    }

    /** A copy with other retry settings (tests use a tiny backoff). */
    public SchemaRegistryClientConfig withRetries(final int attempts, final Duration firstBackoff) {
        return new SchemaRegistryClientConfig(baseUrl, basicAuth, sslContext, requestTimeout, attempts, firstBackoff, callTimeout);
    }

    /** A copy with another bound on a whole call. */
    public SchemaRegistryClientConfig withCallTimeout(final Duration timeout) {
        return new SchemaRegistryClientConfig(baseUrl, basicAuth, sslContext, requestTimeout, maxAttempts, initialBackoff, timeout);
    }

    /** A copy with basic auth credentials ({@code user:password}). */
    public SchemaRegistryClientConfig withBasicAuth(final String userInfo) {
        return new SchemaRegistryClientConfig(baseUrl, Optional.of(userInfo), sslContext, requestTimeout, maxAttempts, initialBackoff,
                callTimeout);
    }

    /** The longest wait between two attempts. */
    public Duration maxBackoff() {
        return initialBackoff.compareTo(BACKOFF_CAP) > 0 ? initialBackoff : BACKOFF_CAP;
    }

    /** Never prints the password: this record ends up in logs. */
    @Override
    public String toString() {
        return "SchemaRegistryClientConfig[baseUrl=" + baseUrl
                + ", basicAuth=" + basicAuth.map(u -> u.split(":", 2)[0] + ":****").orElse("none")
                + ", tls=" + (sslContext.isPresent() ? "truststore" : "default")
                + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", callTimeout=" + callTimeout + ']';
    }

    /** A setting as a string, or the fallback when absent. */
    static String setting(final Map<String, ?> configs, final String key, final String fallback) {
        final Object value = configs.get(key);
        return value == null ? fallback : value.toString().trim();
    }

    /** A boolean setting given as a Boolean or a string, as Kafka's own configs accept. */
    static boolean flag(final Map<String, ?> configs, final String key, final boolean fallback) {
        final String value = setting(configs, key, Boolean.toString(fallback));
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static long number(final Map<String, ?> configs, final String key, final long fallback) {
        final String value = setting(configs, key, Long.toString(fallback));
        try {
            final long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new IllegalArgumentException(key + " must not be negative, got " + parsed);
            }
            return parsed;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static Optional<String> basicAuth(final Map<String, ?> configs, final URI url) {
        final String source = setting(configs, BASIC_AUTH_SOURCE_CONFIG, "").toUpperCase(Locale.ROOT);
        final String userInfo = setting(configs, BASIC_AUTH_USER_INFO_CONFIG, setting(configs, LEGACY_BASIC_AUTH_USER_INFO_CONFIG, ""));
        final Optional<String> fromUrl = Optional.ofNullable(url.getRawUserInfo())
                .map(raw -> java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8));
        switch (source) {
            case "USER_INFO":
                if (userInfo.isBlank()) {
                    throw new IllegalArgumentException(BASIC_AUTH_SOURCE_CONFIG + "=USER_INFO needs " + BASIC_AUTH_USER_INFO_CONFIG + " (user:password)");
                }
                return Optional.of(userInfo);
            case "URL":
                return fromUrl;
            case "":
                return userInfo.isBlank() ? fromUrl : Optional.of(userInfo);
            default:
                throw new IllegalArgumentException(BASIC_AUTH_SOURCE_CONFIG + "=" + source + " is not supported; use USER_INFO or URL");
        }
    }

    private static URI parseUrl(final String url) {
        try {
            final URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException(URL_CONFIG + " must be an http(s) URL such as http://localhost:8081, got '" + url + "'");
            }
            return uri;
        } catch (final URISyntaxException e) {
            throw new IllegalArgumentException(URL_CONFIG + " is not a URL: '" + url + "' (" + e.getMessage() + ")", e);
        }
    }

    private static URI withoutUserInfo(final URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        final String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return URI.create(uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    private static SSLContext trustStoreContext(final Path location, final String password, final String type) {
        try (InputStream in = Files.newInputStream(location)) {
            final KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.isEmpty() ? null : password.toCharArray());
            final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (final IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot load the registry truststore " + location + " (type " + type + ", from "
                    + TRUSTSTORE_LOCATION_CONFIG + "): " + e.getMessage(), e);
        }
    }
}
