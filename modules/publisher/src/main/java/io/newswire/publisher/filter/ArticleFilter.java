package io.newswire.publisher.filter;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.Entity;
import io.newswire.model.Enrichment;
import io.newswire.model.Place;
import io.newswire.model.PubStatus;
import io.newswire.model.Subject;
import io.newswire.publisher.embargo.Embargo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which article versions a reader wants: the one filter of the API, the Atom feeds and (through
 * {@link Predicate}) the webhook subscriptions. Pure and immutable.
 *
 * <p>Rules: every parameter given must match (AND); a parameter given several times ({@code desk=syria&desk=iraq})
 * matches any of its values (OR). Places, parties and subjects are read from the version's {@link Enrichment}, so they
 * work as soon as enrichment fills them; a version without enrichment matches no such filter.
 * <ul>
 *   <li>{@code since}: publication time (versionCreated, or the end of its embargo when later) at or after an ISO-8601
 *       instant with an offset, e.g. {@code 2026-12-03T08:00:00Z}</li>
 *   <li>{@code desk}: the article's desk, e.g. {@code syria} (case-insensitive)</li>
 *   <li>{@code language}: BCP 47; {@code ar} matches {@code ar} and {@code ar-SY}, {@code ar-SY} only itself</li>
 *   <li>{@code place}: a gazetteer id such as {@code geonames:170063} among the version's places</li>
 *   <li>{@code party}: an entity id such as {@code Q1065} or {@code newswire:sdf} among its parties/organisations</li>
 *   <li>{@code subject}: an IPTC Media Topic, {@code medtop:16000000} or just {@code 16000000}</li>
 *   <li>{@code urgency}: an integer 1..9; versions with urgency at most that (1 is most urgent); none set: no match</li>
 *   <li>{@code pubstatus}: {@code usable}, {@code withheld} or {@code canceled}</li>
 * </ul>
 */
public final class ArticleFilter implements Predicate<ArticleUpdate> {

    /** The query parameters a filter reads; {@link #parse} ignores every other. */
    public static final Set<String> PARAMETERS = Set.of("since", "desk", "language", "place", "party", "subject", "urgency", "pubstatus");

    /** Matches every version. */
    public static final ArticleFilter ALL = new ArticleFilter(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, Set.of());

    private static final Pattern DESK = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");
    private static final Pattern PLACE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,31}:[A-Za-z0-9._-]{1,64}");
    private static final Pattern PARTY = Pattern.compile("(Q[0-9]{1,12}|[A-Za-z][A-Za-z0-9._-]{0,31}:[A-Za-z0-9._-]{1,64})");
    private static final Pattern SUBJECT = Pattern.compile("(medtop:)?([0-9]{8})");

    private final Instant since;
    private final Set<String> desks;
    private final Set<String> languages;
    private final Set<String> places;
    private final Set<String> parties;
    private final Set<String> subjects;
    private final Integer maxUrgency;
    private final Set<PubStatus> statuses;

    private ArticleFilter(final Instant since, final Set<String> desks, final Set<String> languages, final Set<String> places,
                          final Set<String> parties, final Set<String> subjects, final Integer maxUrgency, final Set<PubStatus> statuses) {
        this.since = since;
        this.desks = Set.copyOf(desks);
        this.languages = Set.copyOf(languages);
        this.places = Set.copyOf(places);
        this.parties = Set.copyOf(parties);
        this.subjects = Set.copyOf(subjects);
        this.maxUrgency = maxUrgency;
        this.statuses = Set.copyOf(statuses);
    }

    /**
     * Reads a filter from query parameters (as Javalin's {@code queryParamMap()} gives them). Parameters other than
     * {@link #PARAMETERS} are ignored: the caller decides whether they are its own (cursor, limit) or a mistake.
     *
     * @throws InvalidFilterException naming every bad value, each with what is accepted
     */
    public static ArticleFilter parse(final Map<String, List<String>> query) {
        final List<FilterError> errors = new ArrayList<>();
        final Instant since = single(query, "since", errors, value -> {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (final DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 date-time with an offset, e.g. 2026-12-03T08:00:00Z");
            }
        });
        final Set<String> desks = many(query, "desk", errors, value -> matching(value.toLowerCase(Locale.ROOT), DESK,
                "a desk is 1-100 characters of a-z, 0-9, '.', '_' or '-'"));
        final Set<String> languages = many(query, "language", errors, value -> matching(value.toLowerCase(Locale.ROOT), LANGUAGE,
                "not a BCP 47 language tag such as ar, en or ar-SY"));
        final Set<String> places = many(query, "place", errors, value -> matching(value, PLACE,
                "a place is a gazetteer id such as geonames:170063"));
        final Set<String> parties = many(query, "party", errors, value -> matching(value, PARTY,
                "a party is an entity id such as Q1065 or newswire:white-helmets"));
        final Set<String> subjects = many(query, "subject", errors, value -> {
            final var matcher = SUBJECT.matcher(value);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("a subject is an IPTC Media Topic code such as medtop:16000000 (8 digits)");
            }
            return "medtop:" + matcher.group(2);
        });
        final Integer urgency = single(query, "urgency", errors, value -> {
            final int n;
            try {
                n = Integer.parseInt(value);
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException("urgency is an integer from 1 (flash) to 9");
            }
            if (n < 1 || n > 9) {
                throw new IllegalArgumentException("urgency is from 1 (flash) to 9, not " + n);
            }
            return n;
        });
        final Set<PubStatus> statuses = many(query, "pubstatus", errors, value -> {
            try {
                return PubStatus.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException("pubstatus is usable, withheld or canceled");
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidFilterException(errors);
        }
        return new ArticleFilter(since, desks, languages, places, parties, subjects, urgency, statuses);
    }

    @Override
    public boolean test(final ArticleUpdate version) {
        return matches(version);
    }

    /** Whether the version passes every parameter of this filter. */
    public boolean matches(final ArticleUpdate version) {
        if (since != null && Embargo.publicationTime(version).isBefore(since)) {
            return false;
        }
        if (!desks.isEmpty() && (version.getDesk() == null || !desks.contains(version.getDesk().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (!languages.isEmpty() && languages.stream().noneMatch(wanted -> languageMatches(wanted, version.getLanguage()))) {
            return false;
        }
        if (maxUrgency != null && (version.getUrgency() == null || version.getUrgency() > maxUrgency)) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(version.getPubStatus())) {
            return false;
        }
        final Enrichment enrichment = version.getEnrichment();
        if (!places.isEmpty() && (enrichment == null || enrichment.getPlaces().stream().map(Place::getId).noneMatch(places::contains))) {
            return false;
        }
        if (!parties.isEmpty() && (enrichment == null || enrichment.getEntities().stream().map(Entity::getId).noneMatch(parties::contains))) {
            return false;
        }
        return subjects.isEmpty() || (enrichment != null && enrichment.getSubjects().stream().map(Subject::getCode).anyMatch(subjects::contains));
    }

    /**
     * This filter narrowed to the desks a key may read: a filter naming no desk becomes one for those desks; one
     * naming desks keeps only those the key may read (the caller refuses a request for others before calling this).
     */
    public ArticleFilter withinDesks(final Collection<String> allowed) {
        final Set<String> lower = allowed.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        final Set<String> narrowed = desks.isEmpty() ? lower : desks.stream().filter(lower::contains).collect(Collectors.toSet());
        if (narrowed.isEmpty()) {
            // an empty desk set means "any desk": never hand back a filter wider than the key
            throw new IllegalArgumentException("None of the desks " + desks + " is among " + lower);
        }
        return new ArticleFilter(since, narrowed, languages, places, parties, subjects, maxUrgency, statuses);
    }

    /**
     * This filter with canceled versions left out: what a feed shows.
     *
     * @throws IllegalArgumentException when the filter asks for canceled versions only (nothing would be left)
     */
    public ArticleFilter withoutCanceled() {
        final Set<PubStatus> shown = statuses.isEmpty() ? Set.of(PubStatus.USABLE, PubStatus.WITHHELD)
                : statuses.stream().filter(s -> s != PubStatus.CANCELED).collect(Collectors.toSet());
        if (shown.isEmpty()) {
            throw new IllegalArgumentException("pubstatus=canceled leaves nothing once withdrawn articles are left out");
        }
        return new ArticleFilter(since, desks, languages, places, parties, subjects, maxUrgency, shown);
    }

    /** The desks this filter names (empty: any desk). */
    public Set<String> desks() {
        return desks;
    }

    /** The filter's languages (empty: any). */
    public Set<String> languages() {
        return languages;
    }

    /** The filter as query parameters, in a stable order: for next-page links and feed self links. */
    public Map<String, List<String>> toQuery() {
        final Map<String, List<String>> query = new LinkedHashMap<>();
        if (since != null) {
            query.put("since", List.of(since.toString()));
        }
        put(query, "desk", desks);
        put(query, "language", languages);
        put(query, "place", places);
        put(query, "party", parties);
        put(query, "subject", subjects);
        if (maxUrgency != null) {
            query.put("urgency", List.of(maxUrgency.toString()));
        }
        put(query, "pubstatus", statuses.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        return query;
    }

    private static void put(final Map<String, List<String>> query, final String name, final Set<String> values) {
        if (!values.isEmpty()) {
            query.put(name, values.stream().sorted().toList());
        }
    }

    private static boolean languageMatches(final String wanted, final String actual) {
        final String tag = actual == null ? "" : actual.toLowerCase(Locale.ROOT);
        return tag.equals(wanted) || tag.startsWith(wanted + "-");
    }

    private static String matching(final String value, final Pattern pattern, final String message) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    /** A parser of one value: throws IllegalArgumentException with the message for the client. */
    private interface ValueParser<T> {
        T parse(String value);
    }

    private static <T> T single(final Map<String, List<String>> query, final String name, final List<FilterError> errors, final ValueParser<T> parser) {
        final List<String> values = query.getOrDefault(name, List.of());
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FilterError(name, String.join(",", values), name + " may be given once"));
            return null;
        }
        return parseOne(name, values.get(0), errors, parser);
    }

    private static <T> Set<T> many(final Map<String, List<String>> query, final String name, final List<FilterError> errors, final ValueParser<T> parser) {
        final Set<T> parsed = new LinkedHashSet<>();
        for (final String value : query.getOrDefault(name, List.of())) {
            final T one = parseOne(name, value, errors, parser);
            if (one != null) {
                parsed.add(one);
            }
        }
        return parsed;
    }

    private static <T> T parseOne(final String name, final String value, final List<FilterError> errors, final ValueParser<T> parser) {
        final String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        if (value.isBlank()) {
            errors.add(new FilterError(name, shown, name + " is empty"));
            return null;
        }
        try {
            return parser.parse(value.strip());
        } catch (final IllegalArgumentException e) {
            errors.add(new FilterError(name, shown, e.getMessage()));
            return null;
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ArticleFilter that && Objects.equals(since, that.since) && desks.equals(that.desks)
                && languages.equals(that.languages) && places.equals(that.places) && parties.equals(that.parties)
                && subjects.equals(that.subjects) && Objects.equals(maxUrgency, that.maxUrgency) && statuses.equals(that.statuses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(since, desks, languages, places, parties, subjects, maxUrgency, statuses);
    }

    @Override
    public String toString() {
        return "ArticleFilter" + toQuery();
    }
}
