package io.newswire.alerter.rules;

import io.newswire.enrichment.text.Token;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Entity;
import io.newswire.model.Enrichment;
import io.newswire.model.GeoArea;
import io.newswire.model.Place;
import io.newswire.model.Subject;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules in force, filed so that a version is judged only by the rules that can fire on it. A rule fires only
 * when every condition it gives holds, so it is filed under one of them, the most selective it has: its parties,
 * else its places (GeoNames ids, and its areas as the cells of a one-degree grid that cover them), else the first
 * words of its watch-list terms, else its subjects, signals, languages, urgency level. A version offers its party
 * ids, place ids and grid cells, the endings of its words, its subjects, signal, language and urgency; the rules filed
 * under any of these are the candidates, and only they go through {@link RuleMatcher}. A rule with nothing to file
 * it under (an area too large for the grid, around a pole) is tried on every version.
 *
 * <p>Candidates are a superset of the rules that fire, and each is judged by the full matcher, so the matches are
 * exactly those of trying every rule ({@code RuleIndexTest} compares the two on generated rules and versions), in
 * the order of the rule ids. Immutable: {@link RuleBook} builds a new one when the rules change.
 */
public final class RuleIndex {

    /** Grid cells are one degree of latitude by one of longitude. */
    private static final double CELL_DEGREES = 1.0;
    /** An area covering more cells than this (a radius near 2,000 km far north or south) is tried on every version. */
    static final int MAX_CELLS_PER_AREA = 4_096;
    /** Added around an area's bounding box, so rounding in the distance never puts a place inside just outside it. */
    private static final double MARGIN_DEGREES = 0.01;
    private static final double EARTH_RADIUS_KM = 6_371.0088;

    private final List<CompiledRule> rules;
    private final Map<String, Integer> ordinals;
    private final Map<String, int[]> byParty;
    private final Map<String, int[]> byPlaceId;
    private final Map<Long, int[]> byCell;
    private final Map<String, int[]> byTermKey;
    /** Which lengths the term keys have: a word's endings of other lengths are not looked up. */
    private final BitSet termKeyLengths;
    private final Map<String, int[]> bySubject;
    private final Map<String, int[]> bySignal;
    private final Map<String, int[]> byLanguage;
    /** Rule urgency level to rules: a version of urgency u is a candidate for every level at or above u. */
    private final TreeMap<Integer, int[]> byUrgencyLevel;
    private final int[] alwaysTried;

    private RuleIndex(final List<CompiledRule> rules, final Filing filing) {
        this.rules = rules;
        this.ordinals = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ordinals.put(rules.get(i).ruleId(), i);
        }
        this.byParty = frozen(filing.byParty);
        this.byPlaceId = frozen(filing.byPlaceId);
        this.byCell = frozen(filing.byCell);
        this.byTermKey = frozen(filing.byTermKey);
        this.termKeyLengths = new BitSet();
        byTermKey.keySet().forEach(key -> termKeyLengths.set(key.length()));
        this.bySubject = frozen(filing.bySubject);
        this.bySignal = frozen(filing.bySignal);
        this.byLanguage = frozen(filing.byLanguage);
        this.byUrgencyLevel = new TreeMap<>(frozen(filing.byUrgencyLevel));
        this.alwaysTried = filing.alwaysTried.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Files the rules (in rule id order). */
    public static RuleIndex of(final Collection<CompiledRule> compiled) {
        final List<CompiledRule> rules = compiled.stream().sorted(Comparator.comparing(CompiledRule::ruleId)).toList();
        final Filing filing = new Filing();
        for (int i = 0; i < rules.size(); i++) {
            filing.file(rules.get(i), i);
        }
        return new RuleIndex(rules, filing);
    }

    /** Every rule that fires on the version, with its evidence, in rule id order: what trying each rule would give. */
    public List<RuleMatch> matches(final ArticleText text) {
        final List<RuleMatch> matches = new ArrayList<>();
        final BitSet candidates = candidates(text);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            RuleMatcher.match(rules.get(i), text).ifPresent(matches::add);
        }
        return matches;
    }

    /** The rule in force with this id. */
    public Optional<CompiledRule> rule(final String ruleId) {
        final Integer ordinal = ordinals.get(ruleId);
        return ordinal == null ? Optional.empty() : Optional.of(rules.get(ordinal));
    }

    /** How many rules the version is tried against (for the benchmark and tests). */
    public int candidateCount(final ArticleText text) {
        return candidates(text).cardinality();
    }

    public int size() {
        return rules.size();
    }

    /** The ordinals of the rules filed under something the version offers. */
    BitSet candidates(final ArticleText text) {
        final BitSet candidates = new BitSet(rules.size());
        for (final int always : alwaysTried) {
            candidates.set(always);
        }
        final ArticleUpdate update = text.update();
        final Enrichment enrichment = update.getEnrichment();
        if (enrichment != null) {
            for (final Entity entity : enrichment.getEntities()) {
                mark(candidates, byParty.get(entity.getId()));
            }
            for (final Place place : enrichment.getPlaces()) {
                mark(candidates, byPlaceId.get(place.getId()));
                if (!byCell.isEmpty()) {
                    mark(candidates, byCell.get(cell(latitudeCell(place.getLatitude()), longitudeCell(place.getLongitude()))));
                }
            }
            for (final Subject subject : enrichment.getSubjects()) {
                mark(candidates, bySubject.get(subject.getCode()));
            }
        }
        if (!byTermKey.isEmpty()) {
            markTermKeys(candidates, text);
        }
        mark(candidates, bySignal.get(update.getSignal().name()));
        if (!byLanguage.isEmpty()) {
            // a rule's "ar" takes "ar-SY": the tag and each prefix of it before a '-'
            final String language = update.getLanguage().toLowerCase(Locale.ROOT);
            mark(candidates, byLanguage.get(language));
            for (int dash = language.indexOf('-'); dash > 0; dash = language.indexOf('-', dash + 1)) {
                mark(candidates, byLanguage.get(language.substring(0, dash)));
            }
        }
        final Integer urgency = update.getUrgency();
        if (urgency != null) {
            byUrgencyLevel.tailMap(urgency, true).values().forEach(filed -> mark(candidates, filed));
        }
        return candidates;
    }

    /**
     * A term is found where a word of the text is its first word, or is that word with Arabic proclitics in front
     * ("وبالمدرسة"), or (English) with "'s" behind: in each case the word, or the word without "'s", ends with the
     * term's first word. So every ending of every distinct word is looked up (only endings of a length some key has).
     */
    private void markTermKeys(final BitSet candidates, final ArticleText text) {
        final Set<String> words = new HashSet<>();
        for (final List<Token> field : text.fields()) {
            for (final Token token : field) {
                words.add(token.form());
            }
        }
        for (final String word : words) {
            markEndings(candidates, word);
            if (word.endsWith("'s") || word.endsWith("\u2019s")) {
                markEndings(candidates, word.substring(0, word.length() - 2));
            }
        }
    }

    private void markEndings(final BitSet candidates, final String word) {
        for (int length = termKeyLengths.nextSetBit(1); length >= 0 && length <= word.length(); length = termKeyLengths.nextSetBit(length + 1)) {
            mark(candidates, byTermKey.get(word.substring(word.length() - length)));
        }
    }

    private static void mark(final BitSet candidates, final int[] filed) {
        if (filed != null) {
            for (final int ordinal : filed) {
                candidates.set(ordinal);
            }
        }
    }

    private static int latitudeCell(final double latitude) {
        return (int) Math.floor(latitude / CELL_DEGREES);
    }

    /** Longitudes wrap: -180 and 180 are one meridian, one cell column. */
    private static int longitudeCell(final double longitude) {
        return Math.floorMod((int) Math.floor(longitude / CELL_DEGREES), (int) (360 / CELL_DEGREES));
    }

    private static long cell(final int latitudeCell, final int longitudeCell) {
        return ((long) latitudeCell << 32) | (longitudeCell & 0xffffffffL);
    }

    /**
     * The grid cells an area's bounding box covers, or empty when there are too many (the area is tried on every
     * version). The box holds every point within the radius on the sphere {@link GeoDistance} measures on: latitude
     * within r/R radians of the centre; longitude within asin(sin(r/R) / cos(latitude)), or every longitude when the
     * circle reaches a pole.
     */
    static Optional<List<Long>> cells(final GeoArea area) {
        final double angle = area.getRadiusKm() / EARTH_RADIUS_KM;
        final double dLat = Math.toDegrees(angle) + MARGIN_DEGREES;
        final double south = area.getLatitude() - dLat;
        final double north = area.getLatitude() + dLat;
        final int columns = (int) (360 / CELL_DEGREES);
        final int west;
        final int east;
        final boolean allLongitudes;
        if (south <= -90 || north >= 90 || angle >= Math.PI / 2) {
            allLongitudes = true;
        } else {
            final double ratio = Math.sin(angle) / Math.cos(Math.toRadians(area.getLatitude()));
            allLongitudes = ratio >= 1 || Math.toDegrees(Math.asin(ratio)) + MARGIN_DEGREES >= 180;
        }
        if (allLongitudes) {
            west = 0;
            east = columns - 1;
        } else {
            final double dLon = Math.toDegrees(Math.asin(Math.sin(angle) / Math.cos(Math.toRadians(area.getLatitude())))) + MARGIN_DEGREES;
            west = (int) Math.floor((area.getLongitude() - dLon) / CELL_DEGREES);
            east = (int) Math.floor((area.getLongitude() + dLon) / CELL_DEGREES);
        }
        final int first = latitudeCell(Math.max(-90, south));
        final int last = latitudeCell(Math.min(90, north));
        final long count = (long) (last - first + 1) * (Math.min(east - west, columns - 1) + 1);
        if (count > MAX_CELLS_PER_AREA) {
            return Optional.empty();
        }
        final Set<Long> cells = new HashSet<>();
        for (int lat = first; lat <= last; lat++) {
            for (int lon = west; lon <= east && lon - west < columns; lon++) {
                cells.add(cell(lat, Math.floorMod(lon, columns)));
            }
        }
        return Optional.of(List.copyOf(cells));
    }

    private static <K> Map<K, int[]> frozen(final Map<K, List<Integer>> filed) {
        final Map<K, int[]> frozen = new HashMap<>(filed.size() * 2);
        filed.forEach((key, ordinals) -> frozen.put(key, ordinals.stream().mapToInt(Integer::intValue).distinct().toArray()));
        return frozen;
    }

    /** Where each rule goes, while the index is being built. */
    private static final class Filing {
        final Map<String, List<Integer>> byParty = new HashMap<>();
        final Map<String, List<Integer>> byPlaceId = new HashMap<>();
        final Map<Long, List<Integer>> byCell = new HashMap<>();
        final Map<String, List<Integer>> byTermKey = new HashMap<>();
        final Map<String, List<Integer>> bySubject = new HashMap<>();
        final Map<String, List<Integer>> bySignal = new HashMap<>();
        final Map<String, List<Integer>> byLanguage = new HashMap<>();
        final Map<Integer, List<Integer>> byUrgencyLevel = new HashMap<>();
        final List<Integer> alwaysTried = new ArrayList<>();

        /** Under the most selective condition the rule has; a rule with none that can be filed is always tried. */
        void file(final CompiledRule rule, final int ordinal) {
            if (!rule.partyIds().isEmpty()) {
                rule.partyIds().forEach(id -> add(byParty, id, ordinal));
                return;
            }
            final boolean hasPlaceCondition = !rule.placeIds().isEmpty() || !rule.rule().getAreas().isEmpty();
            if (hasPlaceCondition) {
                final List<List<Long>> areaCells = new ArrayList<>();
                boolean gridded = true;
                for (final GeoArea area : rule.rule().getAreas()) {
                    final Optional<List<Long>> cells = cells(area);
                    gridded &= cells.isPresent();
                    cells.ifPresent(areaCells::add);
                }
                if (gridded) {
                    rule.placeIds().forEach(id -> add(byPlaceId, id, ordinal));
                    areaCells.forEach(cells -> cells.forEach(cell -> add(byCell, cell, ordinal)));
                    return;
                }
            }
            if (rule.terms() != null) {
                rule.termKeys().forEach(key -> add(byTermKey, key, ordinal));
                return;
            }
            if (!rule.subjects().isEmpty()) {
                rule.subjects().forEach(code -> add(bySubject, code, ordinal));
                return;
            }
            if (!rule.signals().isEmpty()) {
                rule.signals().forEach(signal -> add(bySignal, signal, ordinal));
                return;
            }
            if (!rule.languages().isEmpty()) {
                rule.languages().forEach(language -> add(byLanguage, language, ordinal));
                return;
            }
            if (rule.rule().getUrgencyAtLeast() != null) {
                add(byUrgencyLevel, rule.rule().getUrgencyAtLeast(), ordinal);
                return;
            }
            alwaysTried.add(ordinal);
        }

        private static <K> void add(final Map<K, List<Integer>> filed, final K key, final int ordinal) {
            filed.computeIfAbsent(key, k -> new ArrayList<>()).add(ordinal);
        }
    }
}
