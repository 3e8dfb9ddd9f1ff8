package io.newswire.enrichment.places;

/**
 * One place of the gazetteer: a populated place (GeoNames feature class P), a first-level division (A.ADM1) or a
 * country (A.PCLI). Names to match are not kept here but in the {@link Gazetteer}'s matcher, so an entry costs a few
 * dozen bytes.
 *
 * @param key         the GeoNames key: a geonameid ("172955"); for a country or division whose geonameid the sources
 *                    did not give, GeoNames' own code for it ("SY", "SY.04"); never null
 * @param featureType GeoNames feature class and code, "P.PPLA", "A.ADM1", "A.PCLI"; never null
 * @param countryCode ISO 3166-1 alpha-2; never null
 * @param admin1      GeoNames admin1 key "SY.04"; may be null (a country, or a place without one)
 * @param latitude    WGS84 latitude (for a division or a country without its own row: its seat's or capital's)
 * @param longitude   WGS84 longitude
 * @param population  GeoNames population; 0 when GeoNames has none, which for many villages it does not
 * @param nameEn      English name; may be null
 * @param nameAr      Arabic name; may be null
 */
public record GazetteerEntry(String key, String featureType, String countryCode, String admin1,
                             double latitude, double longitude, long population, String nameEn, String nameAr) {

    /** The id a {@link io.newswire.model.Place} carries: "geonames:" and the key. */
    public String id() {
        return "geonames:" + key;
    }

    public boolean isCountry() {
        return featureType.startsWith("A.PCL");
    }

    public boolean isAdmin1() {
        return "A.ADM1".equals(featureType);
    }

    /** A populated place (city, town, village, a section of one). */
    public boolean isSettlement() {
        return featureType.startsWith("P.");
    }

    /** A section of a populated place: GeoNames' PPLX, what reports call a neighbourhood. */
    public boolean isNeighbourhood() {
        return "P.PPLX".equals(featureType);
    }

    /** Great-circle distance in kilometres (haversine, mean Earth radius). */
    public double distanceKm(final GazetteerEntry other) {
        final double dLat = Math.toRadians(other.latitude - latitude);
        final double dLon = Math.toRadians(other.longitude - longitude);
        final double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
