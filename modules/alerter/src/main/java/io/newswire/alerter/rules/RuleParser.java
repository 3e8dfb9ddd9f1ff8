package io.newswire.alerter.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.AlertRule;
import io.newswire.model.GeoArea;
import io.newswire.model.Signal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads an alert rule written as JSON (the HTTP API's body, {@code newswire alerts rules add}) into an
 * {@link AlertRule}, or refuses it with every problem named by its JSON pointer. The rule is checked as a whole: an
 * unknown member (a misspelt condition would silently widen the rule), a malformed area, an oversized watch-list, a
 * term that normalises to nothing, a rule with no condition at all.
 *
 * <p>An area is {@code {"latitude": 36.2, "longitude": 37.16, "radiusKm": 25}} or the string
 * {@code "36.2,37.16,25"}.
 */
public final class RuleParser {

    /** Most watch-list terms one rule may hold: a longer list belongs in the enrichment dictionaries, not in a rule. */
    public static final int MAX_TERMS = 200;
    /** Longest watch-list term, in characters. */
    public static final int MAX_TERM_LENGTH = 100;
    /** Most entries of any other list (places, areas, parties, subjects). */
    public static final int MAX_LIST = 500;
    /** Largest area radius: a wider circle is a region, better named by its places. */
    public static final double MAX_RADIUS_KM = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern DESK = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern PREFIXED_ID = Pattern.compile("[a-z]+:[A-Za-z0-9._-]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
    private static final Set<String> SIGNALS = Set.copyOf(Arrays.stream(Signal.values()).map(Enum::name).toList());
    private static final Set<String> FIELDS = Set.of("ruleId", "desk", "description", "urgencyAtLeast", "terms", "placeIds", "areas",
            "partyIds", "subjects", "languages", "signals", "escalateOnCorroboration");
    private static final Set<String> AREA_FIELDS = Set.of("latitude", "longitude", "radiusKm", "label");

    private final MatchingTextNormalizer normalizer;
    private final Clock clock;

    public RuleParser(final MatchingTextNormalizer normalizer, final Clock clock) {
        this.normalizer = normalizer;
        this.clock = clock;
    }

    /**
     * @param json the rule as JSON text
     * @throws InvalidRuleException with every problem found
     */
    public AlertRule parse(final String json) {
        final JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (final JsonProcessingException e) {
            throw new InvalidRuleException(List.of(new RuleProblem("", "not JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        }
        return parse(node);
    }

    /**
     * @param node the rule as a JSON object
     * @throws InvalidRuleException with every problem found
     */
    public AlertRule parse(final JsonNode node) {
        final List<RuleProblem> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw new InvalidRuleException(List.of(new RuleProblem("", "a rule is a JSON object")));
        }
        for (final Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            final String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new RuleProblem("/" + name, "unknown field '" + name + "'; a rule has " + String.join(", ", sorted(FIELDS))));
            }
        }
        final String ruleId = text(node, "ruleId", true, problems);
        if (ruleId != null && !RULE_ID.matcher(ruleId).matches()) {
            problems.add(new RuleProblem("/ruleId", "'" + ruleId + "' must be 2-64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit"));
        }
        final String desk = text(node, "desk", true, problems);
        if (desk != null && !DESK.matcher(desk).matches()) {
            problems.add(new RuleProblem("/desk", "'" + desk + "' must be 1-64 characters of a-z, 0-9, '.', '_', '-'"));
        }
        final String description = text(node, "description", false, problems);
        final Integer urgency = urgency(node, problems);
        final List<String> terms = strings(node, "terms", MAX_TERMS, problems, this::termProblem);
        final List<String> placeIds = strings(node, "placeIds", MAX_LIST, problems,
                v -> PREFIXED_ID.matcher(v).matches() ? null : "'" + v + "' is not a gazetteer id such as 'geonames:170063'");
        final List<GeoArea> areas = areas(node, problems);
        final List<String> partyIds = strings(node, "partyIds", MAX_LIST, problems,
                v -> v.isBlank() || v.length() > 100 ? "a party id is 1-100 characters, e.g. 'Q487069' or 'newswire:white-helmets'" : null);
        final List<String> subjects = strings(node, "subjects", MAX_LIST, problems,
                v -> PREFIXED_ID.matcher(v).matches() ? null : "'" + v + "' is not an IPTC Media Topic code such as 'medtop:16000000'");
        final List<String> languages = strings(node, "languages", MAX_LIST, problems,
                v -> LANGUAGE.matcher(v).matches() ? null : "'" + v + "' is not a BCP 47 language tag such as 'ar' or 'en-GB'");
        final List<String> signals = strings(node, "signals", SIGNALS.size(), problems,
                v -> SIGNALS.contains(v) ? null : "'" + v + "' is not a signal; one of " + String.join(", ", sorted(SIGNALS)));
        boolean corroboration = false;
        final JsonNode flag = node.get("escalateOnCorroboration");
        if (flag != null && !flag.isNull()) {
            if (flag.isBoolean()) {
                corroboration = flag.booleanValue();
            } else {
                problems.add(new RuleProblem("/escalateOnCorroboration", "must be true or false"));
            }
        }
        if (urgency == null && terms.isEmpty() && placeIds.isEmpty() && areas.isEmpty() && partyIds.isEmpty() && subjects.isEmpty()
                && languages.isEmpty() && signals.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem("", "a rule needs at least one condition: urgencyAtLeast, terms, placeIds, areas, partyIds,"
                    + " subjects, languages or signals"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return AlertRule.newBuilder().setRuleId(ruleId).setDesk(desk).setDescription(description).setUrgencyAtLeast(urgency)
                .setTerms(terms).setPlaceIds(placeIds).setAreas(areas).setPartyIds(partyIds).setSubjects(subjects)
                .setLanguages(languages).setSignals(signals).setEscalateOnCorroboration(corroboration)
                .setCreatedAt(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)).build();
    }

    private String termProblem(final String term) {
        if (term.length() > MAX_TERM_LENGTH) {
            return "a term is at most " + MAX_TERM_LENGTH + " characters (this one has " + term.length() + ")";
        }
        if (normalizer.matchingForm(term).isBlank()) {
            return "'" + term + "' has no letters or digits to match";
        }
        return null;
    }

    private static Integer urgency(final JsonNode node, final List<RuleProblem> problems) {
        final JsonNode value = node.get("urgencyAtLeast");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt() || value.intValue() < 1 || value.intValue() > 9) {
            problems.add(new RuleProblem("/urgencyAtLeast", "must be a whole number from 1 (flash) to 9, not " + value));
            return null;
        }
        return value.intValue();
    }

    private static String text(final JsonNode node, final String name, final boolean required, final List<RuleProblem> problems) {
        final JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new RuleProblem("/" + name, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || (required && value.textValue().isBlank())) {
            problems.add(new RuleProblem("/" + name, required ? "must be a non-empty string" : "must be a string"));
            return null;
        }
        return value.textValue();
    }

    private static List<String> strings(final JsonNode node, final String name, final int max, final List<RuleProblem> problems,
                                        final Function<String, String> check) {
        final JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(new RuleProblem("/" + name, "must be an array of strings"));
            return List.of();
        }
        if (value.size() > max) {
            problems.add(new RuleProblem("/" + name, "has " + value.size() + " entries; at most " + max + " are allowed"));
            return List.of();
        }
        final Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            final JsonNode item = value.get(i);
            if (!item.isTextual()) {
                problems.add(new RuleProblem("/" + name + "/" + i, "must be a string"));
                continue;
            }
            final String text = item.textValue().strip();
            final String problem = check.apply(text);
            if (problem != null) {
                problems.add(new RuleProblem("/" + name + "/" + i, problem));
            } else {
                values.add(text);
            }
        }
        return List.copyOf(values);
    }

    private static List<GeoArea> areas(final JsonNode node, final List<RuleProblem> problems) {
        final JsonNode value = node.get("areas");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(new RuleProblem("/areas", "must be an array of areas ({\"latitude\", \"longitude\", \"radiusKm\"} or \"lat,lon,radiusKm\")"));
            return List.of();
        }
        if (value.size() > MAX_LIST) {
            problems.add(new RuleProblem("/areas", "has " + value.size() + " entries; at most " + MAX_LIST + " are allowed"));
            return List.of();
        }
        final List<GeoArea> areas = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            final GeoArea area = area(value.get(i), "/areas/" + i, problems);
            if (area != null) {
                areas.add(area);
            }
        }
        return areas;
    }

    private static GeoArea area(final JsonNode item, final String at, final List<RuleProblem> problems) {
        final Double latitude;
        final Double longitude;
        final Double radius;
        String label = null;
        if (item.isTextual()) {
            final String[] parts = item.textValue().split(",", -1);
            if (parts.length != 3) {
                problems.add(new RuleProblem(at, "'" + item.textValue() + "' is not 'latitude,longitude,radiusKm'"));
                return null;
            }
            latitude = number(parts[0], at + " (latitude)", problems);
            longitude = number(parts[1], at + " (longitude)", problems);
            radius = number(parts[2].strip().replaceFirst("(?i)km$", ""), at + " (radiusKm)", problems);
        } else if (item.isObject()) {
            for (final Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
                final String name = names.next();
                if (!AREA_FIELDS.contains(name)) {
                    problems.add(new RuleProblem(at + "/" + name, "unknown field '" + name + "'; an area has latitude, longitude, radiusKm, label"));
                }
            }
            latitude = number(item.get("latitude"), at + "/latitude", problems);
            longitude = number(item.get("longitude"), at + "/longitude", problems);
            radius = number(item.get("radiusKm"), at + "/radiusKm", problems);
            if (item.hasNonNull("label")) {
                label = item.get("label").asText();
            }
        } else {
            problems.add(new RuleProblem(at, "an area is {\"latitude\", \"longitude\", \"radiusKm\"} or \"lat,lon,radiusKm\""));
            return null;
        }
        boolean valid = latitude != null && longitude != null && radius != null;
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            problems.add(new RuleProblem(at, "latitude " + latitude + " is outside -90..90"));
            valid = false;
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            problems.add(new RuleProblem(at, "longitude " + longitude + " is outside -180..180"));
            valid = false;
        }
        if (radius != null && (!(radius > 0) || radius > MAX_RADIUS_KM)) {
            problems.add(new RuleProblem(at, "radiusKm " + radius + " must be above 0 and at most " + (int) MAX_RADIUS_KM));
            valid = false;
        }
        return valid ? new GeoArea(latitude, longitude, radius, label) : null;
    }

    private static Double number(final JsonNode value, final String at, final List<RuleProblem> problems) {
        if (value == null || value.isNull()) {
            problems.add(new RuleProblem(at, "is required"));
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            problems.add(new RuleProblem(at, "must be a number, not " + value));
            return null;
        }
        return value.doubleValue();
    }

    private static Double number(final String text, final String at, final List<RuleProblem> problems) {
        try {
            final double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (final NumberFormatException e) {
            // reported below
        }
        problems.add(new RuleProblem(at, "'" + text.strip() + "' is not a number"));
        return null;
    }

    private static List<String> sorted(final Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** The rule as JSON, in the form {@link #parse} reads (plus createdAt), for listings and the HTTP API. */
    public static ObjectNode toJson(final AlertRule rule) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("ruleId", rule.getRuleId());
        node.put("desk", rule.getDesk());
        if (rule.getDescription() != null) {
            node.put("description", rule.getDescription());
        }
        if (rule.getUrgencyAtLeast() != null) {
            node.put("urgencyAtLeast", rule.getUrgencyAtLeast());
        }
        for (final Map.Entry<String, List<String>> list : Map.of("terms", rule.getTerms(), "placeIds", rule.getPlaceIds(),
                "partyIds", rule.getPartyIds(), "subjects", rule.getSubjects(), "languages", rule.getLanguages(),
                "signals", rule.getSignals()).entrySet()) {
            if (!list.getValue().isEmpty()) {
                final ArrayNode array = node.putArray(list.getKey());
                list.getValue().forEach(array::add);
            }
        }
        if (!rule.getAreas().isEmpty()) {
            final ArrayNode array = node.putArray("areas");
            for (final GeoArea area : rule.getAreas()) {
                final ObjectNode a = array.addObject().put("latitude", area.getLatitude()).put("longitude", area.getLongitude())
                        .put("radiusKm", area.getRadiusKm());
                if (area.getLabel() != null) {
                    a.put("label", area.getLabel());
                }
            }
        }
        node.put("escalateOnCorroboration", rule.getEscalateOnCorroboration());
        node.put("createdAt", rule.getCreatedAt().toString());
        return node;
    }
}
