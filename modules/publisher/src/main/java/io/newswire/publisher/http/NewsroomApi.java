package io.newswire.publisher.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.model.ArticleUpdate;
import io.newswire.publisher.apikeys.Access;
import io.newswire.publisher.atom.AtomFeedWriter;
import io.newswire.publisher.filter.ArticleFilter;
import io.newswire.publisher.filter.FilterError;
import io.newswire.publisher.filter.InvalidFilterException;
import io.newswire.publisher.ninjs.NinjsRenderer;
import io.newswire.publisher.ninjs.NinjsVersion;
import io.newswire.publisher.state.ArticlePage;
import io.newswire.publisher.state.ArticleStore;
import io.newswire.publisher.state.ListingCursor;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What each newsroom API request answers, without HTTP plumbing: parameters in, a {@link Reply} out, or an
 * {@link ApiProblem} naming what is wrong. {@link PublisherServer} does authentication and writing.
 *
 * <p>Checks, in order: unknown parameters (400: a misspelt filter must not silently widen a listing), filter values,
 * format, limit, cursor (400 each), desks the key may not read (403), then the answer. An embargoed article is as
 * absent as an unknown one (404): nobody learns of it before its time.
 */
public final class NewsroomApi {

    /** An answer: status, media type, body, extra headers. */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LIST_PARAMETERS = union(ArticleFilter.PARAMETERS, Set.of("cursor", "limit", "format"));
    private static final Set<String> FEED_PARAMETERS = union(ArticleFilter.PARAMETERS, Set.of("limit"));
    private static final Set<String> ARTICLE_PARAMETERS = Set.of("format");
    private static final int DEFAULT_LIMIT = 20;

    private final ArticleStore store;
    private final Clock clock;
    private final int maxLimit;

    /**
     * @param maxLimit the largest {@code limit} accepted (publisher.max.page.size)
     */
    public NewsroomApi(final ArticleStore store, final Clock clock, final int maxLimit) {
        this.store = store;
        this.clock = clock;
        this.maxLimit = maxLimit;
    }

    /** {@code GET /v1/articles}: the latest version of each matching article, newest first, as ninjs, a page at a time. */
    public Reply list(final Access access, final Map<String, List<String>> query, final String selfPath) {
        checkParameters(query, LIST_PARAMETERS);
        final ArticleFilter filter = filter(query, access);
        final NinjsVersion ninjs = format(query);
        final int limit = limit(query);
        final ListingCursor cursor = cursor(query);
        final ArticlePage page = store.list(filter, cursor, limit);
        final ObjectNode body = JSON.createObjectNode();
        final ArrayNode articles = body.putArray("articles");
        page.articles().forEach(article -> articles.add(NinjsRenderer.toTree(article, ninjs)));
        body.put("count", page.articles().size());
        if (page.next() != null) {
            final Map<String, List<String>> next = new LinkedHashMap<>(query);
            next.put("cursor", List.of(page.next().encode()));
            body.put("next", selfPath + "?" + queryString(next));
        } else {
            body.putNull("next");
        }
        return json(body);
    }

    /** {@code GET /v1/articles/{id}}: the latest version as ninjs. */
    public Reply latest(final Access access, final String id, final Map<String, List<String>> query) {
        checkParameters(query, ARTICLE_PARAMETERS);
        final NinjsVersion ninjs = format(query);
        final UUID articleId = articleId(id);
        final ArticleUpdate latest = store.latest(articleId).orElseThrow(() -> notFound(articleId));
        checkDesk(access, latest);
        return ninjs(latest, ninjs);
    }

    /** {@code GET /v1/articles/{id}/versions/{n}}: version n as ninjs. */
    public Reply version(final Access access, final String id, final String n, final Map<String, List<String>> query) {
        checkParameters(query, ARTICLE_PARAMETERS);
        final NinjsVersion ninjs = format(query);
        final UUID articleId = articleId(id);
        final int number;
        try {
            number = Integer.parseInt(n);
        } catch (final NumberFormatException e) {
            throw new ApiProblem(ProblemType.INVALID_VERSION, "'" + shorten(n) + "' is not a version number (1, 2, ...)");
        }
        if (number < 1) {
            throw new ApiProblem(ProblemType.INVALID_VERSION, "Versions count from 1, not " + number);
        }
        final ArticleUpdate latest = store.latest(articleId).orElseThrow(() -> notFound(articleId));
        checkDesk(access, latest);
        final ArticleUpdate version = store.version(articleId, number).orElseThrow(() -> new ApiProblem(ProblemType.NO_SUCH_VERSION,
                "Article " + articleId + " has no version " + number + " here (its latest is " + latest.getVersion()
                        + "; versions older than the retention window are not kept)"));
        return ninjs(version, ninjs);
    }

    /**
     * {@code GET /v1/feeds/articles.atom} (any filter) and {@code /v1/feeds/desks/{desk}.atom}: an Atom feed of the
     * matching articles; withdrawn ones are never in it.
     *
     * @param selfUrl the feed's own URL, for its self link and id
     */
    public Reply feed(final Access access, final Map<String, List<String>> query, final String selfUrl, final String title) {
        checkParameters(query, FEED_PARAMETERS);
        final ArticleFilter filter;
        try {
            filter = filter(query, access).withoutCanceled();
        } catch (final IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.INVALID_FILTER, "A feed never carries withdrawn articles: " + e.getMessage()
                    + "; list them with /v1/articles?pubstatus=canceled", List.of(new FilterError("pubstatus", "canceled", e.getMessage())), Map.of());
        }
        final int limit = limit(query);
        final ArticlePage page = store.list(filter, null, limit);
        final String language = filter.languages().size() == 1 ? filter.languages().iterator().next() : null;
        final Map<String, List<String>> own = new LinkedHashMap<>(query);
        own.remove("limit");
        final String id = "urn:newswire:feed:" + (own.isEmpty() ? "all" : queryString(new java.util.TreeMap<>(own)));
        final byte[] body = AtomFeedWriter.write(new AtomFeedWriter.Feed(id, title, selfUrl, language), page.articles(), clock.instant());
        return new Reply(200, "application/atom+xml; charset=utf-8", body, Map.of());
    }

    private ArticleFilter filter(final Map<String, List<String>> query, final Access access) {
        final ArticleFilter filter;
        try {
            filter = ArticleFilter.parse(query);
        } catch (final InvalidFilterException e) {
            throw new ApiProblem(ProblemType.INVALID_FILTER, e.getMessage(), e.errors(), Map.of());
        }
        final Set<String> refused = access.refusedDesks(filter);
        if (!refused.isEmpty()) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "API key " + access.key().getKeyId() + " covers the desks "
                    + access.key().getDesks() + ", not " + refused.stream().sorted().toList());
        }
        return access.narrow(filter);
    }

    private static void checkParameters(final Map<String, List<String>> query, final Set<String> allowed) {
        final List<FilterError> unknown = query.keySet().stream().filter(name -> !allowed.contains(name)).sorted()
                .map(name -> new FilterError(shorten(name), shorten(String.join(",", query.get(name))),
                        "not a parameter of this endpoint; it takes " + allowed.stream().sorted().collect(Collectors.joining(", "))))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ApiProblem(ProblemType.UNKNOWN_PARAMETER, unknown.size() == 1 ? "Unknown parameter " + unknown.get(0).parameter()
                    : unknown.size() + " unknown parameters", unknown, Map.of());
        }
    }

    private static NinjsVersion format(final Map<String, List<String>> query) {
        final List<String> values = query.getOrDefault("format", List.of());
        if (values.size() > 1) {
            throw new ApiProblem(ProblemType.INVALID_FORMAT, "format may be given once");
        }
        final String value = values.isEmpty() ? null : values.get(0);
        return NinjsVersion.fromFormat(value).orElseThrow(() -> new ApiProblem(ProblemType.INVALID_FORMAT,
                "format '" + shorten(value) + "' is not known: ninjs (3.1, the default), ninjs3 or ninjs2 (2.2)"));
    }

    private int limit(final Map<String, List<String>> query) {
        final List<String> values = query.getOrDefault("limit", List.of());
        if (values.isEmpty()) {
            return Math.min(DEFAULT_LIMIT, maxLimit);
        }
        final int limit;
        try {
            limit = values.size() == 1 ? Integer.parseInt(values.get(0)) : -1;
        } catch (final NumberFormatException e) {
            throw new ApiProblem(ProblemType.INVALID_LIMIT, "limit is an integer from 1 to " + maxLimit + ", not '" + shorten(values.get(0)) + "'");
        }
        if (limit < 1 || limit > maxLimit) {
            throw new ApiProblem(ProblemType.INVALID_LIMIT, "limit is one integer from 1 to " + maxLimit);
        }
        return limit;
    }

    private static ListingCursor cursor(final Map<String, List<String>> query) {
        final List<String> values = query.getOrDefault("cursor", List.of());
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new ApiProblem(ProblemType.INVALID_CURSOR, "cursor may be given once");
        }
        try {
            return ListingCursor.decode(values.get(0));
        } catch (final IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.INVALID_CURSOR, "cursor '" + shorten(values.get(0)) + "': " + e.getMessage()
                    + "; use the next link of a listing");
        }
    }

    private static UUID articleId(final String id) {
        try {
            return UUID.fromString(id);
        } catch (final IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.INVALID_ARTICLE_ID, "'" + shorten(id) + "' is not an article id (a UUID)");
        }
    }

    private static void checkDesk(final Access access, final ArticleUpdate article) {
        if (!access.mayRead(article)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "API key " + access.key().getKeyId() + " covers the desks "
                    + access.key().getDesks() + "; this article is on another desk");
        }
    }

    private static ApiProblem notFound(final UUID articleId) {
        return new ApiProblem(ProblemType.NOT_FOUND, "No article " + articleId + " is published here");
    }

    private static Reply ninjs(final ArticleUpdate version, final NinjsVersion ninjs) {
        return new Reply(200, ninjs.contentType(), NinjsRenderer.render(version, ninjs),
                Map.of("ETag", "\"" + version.getArticleId() + "-" + version.getVersion() + "\""));
    }

    private static Reply json(final Object body) {
        try {
            return new Reply(200, "application/json", JSON.writeValueAsBytes(body), Map.of());
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String queryString(final Map<String, List<String>> query) {
        return query.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String shorten(final String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static Set<String> union(final Set<String> a, final Set<String> b) {
        final Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
