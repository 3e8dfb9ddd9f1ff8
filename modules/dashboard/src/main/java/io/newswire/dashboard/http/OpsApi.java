package io.newswire.dashboard.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newswire.dashboard.ops.OpsHistory;
import io.newswire.model.ApiKey;
import io.newswire.ops.dlq.DeadLetterEntry;
import io.newswire.ops.dlq.DeadLetterFilter;
import io.newswire.ops.dlq.DeadLetterFormat;
import io.newswire.ops.dlq.DeadLetterId;
import io.newswire.ops.dlq.DeadLetterStore;
import io.newswire.ops.dlq.ReplayRecord;
import io.newswire.ops.status.HealthJudge;
import io.newswire.ops.status.StatusFormat;
import io.newswire.ops.status.StatusSnapshot;
import io.newswire.publisher.http.ApiProblem;
import io.newswire.publisher.http.HttpReplies;
import io.newswire.publisher.http.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The ops page's API, behind the same staff login as the rest of {@code /api}:
 * <ul>
 *   <li>{@code GET /api/ops}: the latest status (as {@code newswire status --json} prints it, with its problems) and
 *       the sampled history (throughput per topic, lag per group);</li>
 *   <li>{@code GET /api/ops/dead-letters?since=1h&stage=&reason=}: the dead letters, each with its reason, origin, the
 *       original bytes decoded where they decode, and whether it was replayed;</li>
 *   <li>{@code POST /api/ops/dead-letters/{id}/replay}: writes one back to its origin topic, recorded with the
 *       logged-in key as who did it (JSON only, like login, so no other site's page can make a browser do it).</li>
 * </ul>
 */
final class OpsApi {

    private static final Logger LOG = LoggerFactory.getLogger(OpsApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LISTED = 500;

    private final OpsHistory history;
    private final DeadLetterStore deadLetters;
    private final HealthJudge judge;
    private final Clock clock;
    private final Function<Context, ApiKey> who;

    OpsApi(final OpsHistory history, final DeadLetterStore deadLetters, final HealthJudge judge, final Clock clock, final Function<Context, ApiKey> who) {
        this.history = history;
        this.deadLetters = deadLetters;
        this.judge = judge;
        this.clock = clock;
        this.who = who;
    }

    void routes(final Javalin http) {
        http.get("/api/ops", this::status);
        http.get("/api/ops/dead-letters", this::list);
        http.post("/api/ops/dead-letters/{id}/replay", this::replay);
    }

    private void status(final Context ctx) throws Exception {
        final ObjectNode body = JSON.createObjectNode();
        final StatusSnapshot latest = history.latest();
        body.set("status", latest == null ? null : JSON.readTree(StatusFormat.json(latest, judge.problems(latest))));
        body.set("history", JSON.valueToTree(history.points()));
        ctx.contentType("application/json").result(JSON.writeValueAsBytes(body));
    }

    private void list(final Context ctx) throws Exception {
        final Instant now = clock.instant();
        final Instant since;
        try {
            since = DeadLetterFilter.since(ctx.queryParamAsClass("since", String.class).getOrDefault("1h"), now);
        } catch (final IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.INVALID_FILTER, "since is a duration such as 30m, 1h or 2d, or an instant: " + e.getMessage());
        }
        final DeadLetterFilter filter = new DeadLetterFilter(ctx.queryParam("stage"), ctx.queryParam("reason"), since);
        final Set<DeadLetterId> replayed = deadLetters.replayed();
        final List<DeadLetterEntry> matching = deadLetters.read(since).stream().filter(filter).toList();
        final ArrayNode items = JSON.createArrayNode();
        // newest first, at most MAX_LISTED: the page is for what happens now; `newswire dlq list` reads all
        for (int i = matching.size() - 1; i >= 0 && items.size() < MAX_LISTED; i--) {
            final DeadLetterEntry entry = matching.get(i);
            final ObjectNode item = DeadLetterFormat.json(entry, deadLetters.decode(entry));
            item.put("replayed", replayed.contains(entry.id()));
            items.add(item);
        }
        final ObjectNode body = JSON.createObjectNode();
        body.put("since", since.toString());
        body.put("count", matching.size());
        body.set("deadLetters", items);
        ctx.contentType("application/json").result(JSON.writeValueAsBytes(body));
    }

    private void replay(final Context ctx) {
        if (ctx.contentType() == null || !ctx.contentType().startsWith("application/json")) {
            throw new ApiProblem(ProblemType.INVALID_FORMAT, "Replay with Content-Type: application/json");
        }
        final DeadLetterId id;
        try {
            id = DeadLetterId.parse(ctx.pathParam("id"));
        } catch (final IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "Not a dead letter id (partition:offset): " + ctx.pathParam("id"));
        }
        // the whole retained topic: a dead letter older than the page's window may still be replayed by id
        final DeadLetterEntry entry = deadLetters.read(null).stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No dead letter " + id));
        final String by = who.apply(ctx).getKeyId();
        final ReplayRecord record = deadLetters.replay(entry, by, clock.instant());
        LOG.info("Dead letter {} replayed to {} by {} from the ops page", id, record.replayedTo(), by);
        HttpReplies.json(ctx, 200, JSON.valueToTree(record));
    }
}
