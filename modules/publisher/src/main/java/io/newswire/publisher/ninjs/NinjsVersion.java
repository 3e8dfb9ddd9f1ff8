package io.newswire.publisher.ninjs;

import java.util.Locale;
import java.util.Optional;

/** The ninjs versions the publisher writes: 3.1 by default, 2.2 for receivers still on 2.x. */
public enum NinjsVersion {
    V3_1("ninjs3", "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json", "application/ninjs+json; version=3.1"),
    V2_2("ninjs2", "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json", "application/ninjs+json; version=2.2");

    private final String format;
    private final String schemaUri;
    private final String contentType;

    NinjsVersion(final String format, final String schemaUri, final String contentType) {
        this.format = format;
        this.schemaUri = schemaUri;
        this.contentType = contentType;
    }

    /** The value of the {@code format} query parameter that asks for it. */
    public String format() {
        return format;
    }

    /** The IPTC schema the document follows (ninjs' {@code standard.schema}). */
    public String schemaUri() {
        return schemaUri;
    }

    /** The Content-Type answers carry: JSON, with the ninjs version as a parameter. */
    public String contentType() {
        return contentType;
    }

    /**
     * The version a {@code format} parameter asks for: absent, {@code ninjs} or {@code ninjs3} is 3.1; {@code ninjs2} is
     * 2.2; anything else is empty (the caller answers 400).
     *
     * @param format the parameter. May be null
     */
    public static Optional<NinjsVersion> fromFormat(final String format) {
        if (format == null || format.isBlank()) {
            return Optional.of(V3_1);
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "ninjs", "ninjs3" -> Optional.of(V3_1);
            case "ninjs2" -> Optional.of(V2_2);
            default -> Optional.empty();
        };
    }
}
