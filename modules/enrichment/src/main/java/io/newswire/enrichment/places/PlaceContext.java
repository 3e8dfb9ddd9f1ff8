package io.newswire.enrichment.places;

/**
 * What the resolver knows of a report besides its text.
 *
 * @param desk     the desk it was filed to, as configured ("syria", "aleppo", "iraq"); a country or place name in
 *                 English or Arabic; may be null
 * @param language the declared language, a BCP 47 tag ("ar", "en-GB"); decides the language of a place's name when a report names a
 *                 place in another script; may be null
 * @param dateline the dateline as filed, when the caller holds it apart from the {@code ReportText} (a text with
 *                 its own "dateline" field wins); may be null
 */
public record PlaceContext(String desk, String language, String dateline) {

    /** Nothing known beyond the text. */
    public static PlaceContext none() {
        return new PlaceContext(null, null, null);
    }

    /** A desk and a declared language, no separate dateline. */
    public static PlaceContext of(final String desk, final String language) {
        return new PlaceContext(desk, language, null);
    }
}
