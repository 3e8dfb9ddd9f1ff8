package io.newswire.alerter.rules;

/** Great-circle distance on a spherical Earth (haversine): within 0.5 % of the ellipsoid, plenty for a radius rule. */
public final class GeoDistance {

    private static final double EARTH_RADIUS_KM = 6_371.0088;

    private GeoDistance() {
    }

    /** Kilometres between two WGS84 points. */
    public static double km(final double lat1, final double lon1, final double lat2, final double lon2) {
        final double phi1 = Math.toRadians(lat1);
        final double phi2 = Math.toRadians(lat2);
        final double dPhi = Math.toRadians(lat2 - lat1);
        final double dLambda = Math.toRadians(lon2 - lon1);
        final double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
