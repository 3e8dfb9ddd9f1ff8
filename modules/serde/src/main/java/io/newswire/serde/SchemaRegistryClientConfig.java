package io.newswire.serde;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach a schema registry, under the names Confluent's clients use, so an existing client configuration
 * works unchanged.
 *
 * @param baseUrl        the API base, e.g. {@code http://registry:8081} or Apicurio's {@code http://host:port/apis/ccompat/v7}
 * @param basicAuth      {@code user:password} for HTTP basic auth. May be empty.
 * @param sslContext     TLS trust for https registries. May be empty (the JVM's default trust).
 * @param requestTimeout timeout of one HTTP request
 * @param maxAttempts    attempts for a request that fails with 5xx, 429 or an I/O error
 * @param initialBackoff wait before the second attempt; doubles after each
 */
public record SchemaRegistryClientConfig(URI baseUrl, Optional<String> basicAuth, Optional<SSLContext> sslContext,
                                         Duration requestTimeout, int maxAttempts, Duration initialBackoff) {

    public static final String URL_CONFIG = "schema.registry.url";
    public static final String BASIC_AUTH_SOURCE_CONFIG = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
    public static final String TRUSTSTORE_LOCATION_CONFIG = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD_CONFIG = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE_CONFIG = "schema.registry.ssl.truststore.type";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
    public static final String MAX_ATTEMPTS_CONFIG = "schema.registry.max.attempts";

    public SchemaRegistryClientConfig {
        final String url = baseUrl.toString();
        // one canonical form: no trailing slash, so paths are appended as "/subjects/..."
        baseUrl = url.endsWith("/") ? URI.create(url.substring(0, url.length() - 1)) : baseUrl;
    }

    /** Plain HTTP, no auth, default timeouts. */
    public static SchemaRegistryClientConfig of(final String url) {
        return new SchemaRegistryClientConfig(URI.create(url), Optional.empty(), Optional.empty(), Duration.ofSeconds(10), 4, Duration.ofMillis(200));
    }

    /** Reads Confluent's configuration keys; only {@code schema.registry.url} is required. */
    public static SchemaRegistryClientConfig fromMap(final Map<String, ?> configs) {
        final Object url = configs.get(URL_CONFIG);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing " + URL_CONFIG);
        }
        // Confluent allows a comma-separated list; we take the first, which is what a single registry needs
        final String first = url.toString().split(",")[0].trim();
        final String source = setting(configs, BASIC_AUTH_SOURCE_CONFIG, "USER_INFO");
        final Object userInfo = configs.get(BASIC_AUTH_USER_INFO_CONFIG);
        final Optional<String> basicAuth = "USER_INFO".equalsIgnoreCase(source) && userInfo != null && !userInfo.toString().isBlank()
                ? Optional.of(userInfo.toString()) : Optional.empty();
        final Optional<SSLContext> ssl = Optional.ofNullable(configs.get(TRUSTSTORE_LOCATION_CONFIG))
                .map(location -> trustStoreContext(Path.of(location.toString()),
                        setting(configs, TRUSTSTORE_PASSWORD_CONFIG, ""),
                        setting(configs, TRUSTSTORE_TYPE_CONFIG, "PKCS12")));
        final Duration timeout = Duration.ofMillis(Long.parseLong(setting(configs, REQUEST_TIMEOUT_MS_CONFIG, "10000")));
        final int attempts = Integer.parseInt(setting(configs, MAX_ATTEMPTS_CONFIG, "4"));
        return new SchemaRegistryClientConfig(URI.create(first), basicAuth, ssl, timeout, attempts, Duration.ofMillis(200));
    }

    /** A setting as a string, or the fallback when absent. */
    static String setting(final Map<String, ?> configs, final String key, final String fallback) {
        final Object value = configs.get(key);
        return value == null ? fallback : value.toString();
    }

    private static SSLContext trustStoreContext(final Path location, final String password, final String type) {
        try (InputStream in = Files.newInputStream(location)) {
            final KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
            final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (final IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot load the registry truststore " + location + ": " + e.getMessage(), e);
        }
    }
}
