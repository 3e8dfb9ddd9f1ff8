package io.newswire.publisher.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules a subscriber must meet before it is written: an id like a correspondent's, an absolute http(s) URL with a
 * host and no credentials in it (a URL is logged; a password in it would be too), a secret in the Standard Webhooks
 * format, and a filter made only of the newsroom API's query parameters. An unknown filter key is refused rather
 * than ignored: a misspelt {@code dsk=syria} would otherwise subscribe to every desk. Pure.
 */
public final class SubscriberValidator {

    /** The filter keys, as the newsroom API names its query parameters. */
    public static final Set<String> FILTER_KEYS = Set.of("desk", "language", "place", "party", "subject", "urgency", "pubstatus");
    private static final List<String> FILTER_KEYS_SORTED = FILTER_KEYS.stream().sorted().toList();
    private static final Set<String> PUB_STATUSES = Set.of("usable", "withheld", "canceled");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

    private SubscriberValidator() {
    }

    /** @throws InvalidSubscriberException on field {@code id} */
    public static String id(final String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidSubscriberException("id", "'" + id + "' must be 2-63 characters of a-z, 0-9, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        return id;
    }

    /** @throws InvalidSubscriberException on field {@code url}, saying what is missing */
    public static URI url(final String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidSubscriberException("url", "is required");
        }
        final URI uri;
        try {
            uri = new URI(url);
        } catch (final URISyntaxException e) {
            throw new InvalidSubscriberException("url", "'" + url + "' is malformed: " + e.getReason() + " at index " + e.getIndex());
        }
        final String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidSubscriberException("url", "'" + url + "' must be an absolute http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidSubscriberException("url", "'" + url + "' has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSubscriberException("url", "must not carry credentials (user:password@); deliveries are signed instead");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidSubscriberException("url", "'" + url + "' must not have a #fragment");
        }
        return uri;
    }

    /** @throws InvalidSubscriberException on field {@code secret} */
    public static String secret(final String secret) {
        try {
            WebhookSecrets.key(secret);
            return secret;
        } catch (final IllegalArgumentException e) {
            throw new InvalidSubscriberException("secret", e.getMessage());
        }
    }

    /**
     * Checks a filter and returns it with keys sorted and values trimmed.
     *
     * @throws InvalidSubscriberException on field {@code filter.<key>}: unknown key, no value, urgency not 1-9,
     *                                    unknown pubstatus
     */
    public static Map<String, List<String>> filter(final Map<String, List<String>> filter) {
        final Map<String, List<String>> checked = new TreeMap<>();
        filter.forEach((key, values) -> {
            if (!FILTER_KEYS.contains(key)) {
                throw new InvalidSubscriberException("filter." + key, "unknown filter key '" + key + "'; use one of "
                        + String.join(", ", FILTER_KEYS_SORTED));
            }
            final List<String> trimmed = values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
            if (trimmed.isEmpty()) {
                throw new InvalidSubscriberException("filter." + key, "has no value");
            }
            for (final String value : trimmed) {
                if ("urgency".equals(key)) {
                    checkUrgency(value);
                }
                if ("pubstatus".equals(key) && !PUB_STATUSES.contains(value.toLowerCase(Locale.ROOT))) {
                    throw new InvalidSubscriberException("filter.pubstatus", "'" + value + "' is not one of canceled, usable, withheld");
                }
            }
            checked.put(key, List.copyOf(trimmed));
        });
        return checked;
    }

    /**
     * Reads command-line filters, {@code key=value} each; a value may list several, comma-separated
     * ({@code desk=syria,iraq}), and a key may repeat.
     *
     * @throws InvalidSubscriberException on an item without {@code =}, and as {@link #filter}
     */
    public static Map<String, List<String>> parseFilter(final List<String> items) {
        final Map<String, List<String>> filter = new LinkedHashMap<>();
        for (final String item : items) {
            final int equals = item.indexOf('=');
            if (equals <= 0) {
                throw new InvalidSubscriberException("filter", "'" + item + "' must be key=value, e.g. desk=syria");
            }
            final String key = item.substring(0, equals).trim();
            final List<String> values = filter.computeIfAbsent(key, k -> new ArrayList<>());
            for (final String value : item.substring(equals + 1).split(",", -1)) {
                values.add(value);
            }
        }
        return filter(filter);
    }

    private static void checkUrgency(final String value) {
        final int urgency;
        try {
            urgency = Integer.parseInt(value);
        } catch (final NumberFormatException e) {
            throw new InvalidSubscriberException("filter.urgency", "'" + value + "' is not a number from 1 (flash) to 9");
        }
        if (urgency < 1 || urgency > 9) {
            throw new InvalidSubscriberException("filter.urgency", urgency + " is outside 1 (flash) to 9");
        }
    }
}
