package io.newswire.alerter.rules;

import io.newswire.enrichment.text.PhraseMatcher;
import io.newswire.enrichment.text.Token;
import io.newswire.model.AlertEvidence;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.Entity;
import io.newswire.model.Enrichment;
import io.newswire.model.Evidence;
import io.newswire.model.GeoArea;
import io.newswire.model.Place;
import io.newswire.model.Subject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The pure core of the alerter: does a rule fire on an article version, and on what? Every condition the rule
 * gives must hold; within one list any entry will do; places by id and areas are one condition (a named place that
 * has one of the ids or lies in one of the areas). Each condition that holds leaves its evidence, with the span in
 * the text as written where there is one:
 * <ul>
 *   <li>urgency: the version's urgency at the level or more urgent (1 is flash), with enrichment's reasons;</li>
 *   <li>terms: each watch-list term found in the headline, subheadline, dateline or body, compared in the matching
 *       form processing uses ({@link io.newswire.enrichment.text.MatchingTextNormalizer}: hamza, alef, teh marbuta,
 *       tatweel and digit variants meet) with Arabic proclitics allowed on the first word ({@link PhraseMatcher});</li>
 *   <li>places and areas: the places enrichment resolved (GeoNames ids, coordinates), with their own evidence;</li>
 *   <li>parties and subjects: by the ids enrichment gives; languages by BCP 47 prefix; signals by name.</li>
 * </ul>
 * No Kafka, no clock: the same version and rule give the same answer on every replay.
 */
public final class RuleMatcher {

    /** Evidence entries kept per term, place or party: enough to show where, not a concordance. */
    static final int MAX_EVIDENCE_PER_CONDITION = 5;

    private RuleMatcher() {
    }

    /** The match, or empty when some condition of the rule does not hold. */
    public static Optional<RuleMatch> match(final CompiledRule compiled, final ArticleText text) {
        final ArticleUpdate update = text.update();
        final Enrichment enrichment = update.getEnrichment();
        final List<AlertEvidence> evidence = new ArrayList<>();
        final Integer level = compiled.rule().getUrgencyAtLeast();
        if (level != null) {
            final Integer urgency = update.getUrgency();
            if (urgency == null || urgency > level) {
                return Optional.empty();
            }
            final String reasons = enrichment == null || enrichment.getUrgencyReasons().isEmpty() ? null
                    : String.join("; ", enrichment.getUrgencyReasons());
            evidence.add(evidence("urgency", "at least " + level, reasons).setText(Integer.toString(urgency)).build());
        }
        if (!compiled.signals().isEmpty()) {
            if (!compiled.signals().contains(update.getSignal().name())) {
                return Optional.empty();
            }
            evidence.add(evidence("signal", update.getSignal().name(), null).build());
        }
        if (!compiled.languages().isEmpty()) {
            final String language = update.getLanguage().toLowerCase(Locale.ROOT);
            final Optional<String> hit = compiled.languages().stream()
                    .filter(l -> language.equals(l) || language.startsWith(l + "-")).findFirst();
            if (hit.isEmpty()) {
                return Optional.empty();
            }
            evidence.add(evidence("language", hit.get(), null).setText(update.getLanguage()).build());
        }
        if (compiled.terms() != null && !terms(compiled.terms(), text, evidence)) {
            return Optional.empty();
        }
        if ((!compiled.placeIds().isEmpty() || !compiled.rule().getAreas().isEmpty()) && !places(compiled, enrichment, evidence)) {
            return Optional.empty();
        }
        if (!compiled.partyIds().isEmpty() && !parties(compiled, enrichment, evidence)) {
            return Optional.empty();
        }
        if (!compiled.subjects().isEmpty() && !subjects(compiled, enrichment, evidence)) {
            return Optional.empty();
        }
        return evidence.isEmpty() ? Optional.empty() : Optional.of(new RuleMatch(compiled, evidence));
    }

    private static boolean terms(final PhraseMatcher<String> terms, final ArticleText text, final List<AlertEvidence> evidence) {
        final java.util.Map<String, Integer> perTerm = new java.util.HashMap<>();
        boolean any = false;
        for (final List<Token> field : text.fields()) {
            for (final PhraseMatcher.Match<String> match : terms.find(field)) {
                for (final String term : match.entries()) {
                    any = true;
                    if (perTerm.merge(term, 1, Integer::sum) <= MAX_EVIDENCE_PER_CONDITION) {
                        evidence.add(evidence("term", term, null).setField(match.field()).setStart(match.start()).setEnd(match.end())
                                .setText(text.text(match.field()).substring(match.start(), match.end())).build());
                    }
                }
            }
        }
        return any;
    }

    private static boolean places(final CompiledRule compiled, final Enrichment enrichment, final List<AlertEvidence> evidence) {
        if (enrichment == null) {
            return false;
        }
        boolean any = false;
        final Set<String> seen = new HashSet<>();
        for (final Place place : enrichment.getPlaces()) {
            if (!seen.add(place.getId())) {
                continue;
            }
            if (compiled.placeIds().contains(place.getId())) {
                any = true;
                evidence.add(spanned(evidence("place", place.getId(), label(place)), place.getEvidence()).build());
                continue;
            }
            for (final GeoArea area : compiled.rule().getAreas()) {
                final double km = GeoDistance.km(area.getLatitude(), area.getLongitude(), place.getLatitude(), place.getLongitude());
                if (km <= area.getRadiusKm()) {
                    any = true;
                    evidence.add(spanned(evidence("area", areaName(area), label(place) + " (" + place.getId() + ")"), place.getEvidence())
                            .setDistanceKm(Math.round(km * 10) / 10.0).build());
                    break;
                }
            }
        }
        return any;
    }

    private static boolean parties(final CompiledRule compiled, final Enrichment enrichment, final List<AlertEvidence> evidence) {
        if (enrichment == null) {
            return false;
        }
        boolean any = false;
        final Set<String> seen = new HashSet<>();
        for (final Entity entity : enrichment.getEntities()) {
            if (compiled.partyIds().contains(entity.getId()) && seen.add(entity.getId())) {
                any = true;
                evidence.add(spanned(evidence("party", entity.getId(), entity.getName()), entity.getEvidence()).build());
            }
        }
        return any;
    }

    private static boolean subjects(final CompiledRule compiled, final Enrichment enrichment, final List<AlertEvidence> evidence) {
        if (enrichment == null) {
            return false;
        }
        boolean any = false;
        for (final Subject subject : enrichment.getSubjects()) {
            if (compiled.subjects().contains(subject.getCode())) {
                any = true;
                evidence.add(spanned(evidence("subject", subject.getCode(), subject.getName()), subject.getEvidence()).build());
            }
        }
        return any;
    }

    private static AlertEvidence.Builder evidence(final String kind, final String value, final String label) {
        return AlertEvidence.newBuilder().setKind(kind).setValue(value).setLabel(label);
    }

    /** The first span enrichment recorded for the value: where in the text it was found. */
    private static AlertEvidence.Builder spanned(final AlertEvidence.Builder builder, final List<Evidence> found) {
        if (!found.isEmpty()) {
            final Evidence first = found.get(0);
            builder.setField(first.getField()).setStart(first.getStart()).setEnd(first.getEnd()).setText(first.getText());
        }
        return builder;
    }

    private static String label(final Place place) {
        return place.getNameEn() != null ? place.getName() + " / " + place.getNameEn() : place.getName();
    }

    private static String areaName(final GeoArea area) {
        final String circle = area.getLatitude() + "," + area.getLongitude() + "," + area.getRadiusKm() + "km";
        return area.getLabel() == null ? circle : area.getLabel() + " (" + circle + ")";
    }
}
