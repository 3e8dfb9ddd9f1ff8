package io.newswire.enrichment.places;

/** The built-in extract, loaded once for every test class of the package (Surefire reuses one JVM). */
final class BuiltInGazetteer {

    private static Gazetteer gazetteer;
    private static PlaceResolver resolver;

    private BuiltInGazetteer() {
    }

    static synchronized Gazetteer gazetteer() {
        if (gazetteer == null) {
            gazetteer = Gazetteer.builtIn();
        }
        return gazetteer;
    }

    static synchronized PlaceResolver resolver() {
        if (resolver == null) {
            resolver = new PlaceResolver(gazetteer());
        }
        return resolver;
    }
}
