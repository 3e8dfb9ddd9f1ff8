/**
 * Places: a GeoNames gazetteer and an Arabic-aware resolver of the places a report names.
 *
 * <p>Start with {@link io.newswire.enrichment.places.PlaceResolver} (the pure core: report text and context in,
 * {@link io.newswire.model.Place}s with {@link io.newswire.model.Evidence} out; its header lists the rules), then
 * {@link io.newswire.enrichment.places.Gazetteer} (what it loads and holds) and
 * {@link io.newswire.enrichment.places.GeoNamesImporter} (how the derived file is made, from the built-in
 * {@code cities500} extract or from full GeoNames dumps by {@code newswire gazetteer import}).
 *
 * <p>Data: GeoNames (geonames.org), CC BY 4.0; Arabic and English names of first-level divisions and countries from
 * Debian's {@code libgeonames-common} (GeoNames data, CC BY 4.0) and the JDK's CLDR data. See
 * {@code enrichment/places/NOTICE} beside the extract.
 */
package io.newswire.enrichment.places;
