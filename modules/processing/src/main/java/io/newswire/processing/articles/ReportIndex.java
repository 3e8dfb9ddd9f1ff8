package io.newswire.processing.articles;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What the articles step looks up about the reports it remembers, beyond a report by its id: which report of a desk
 * has a given matching text (an exact resend is a DUPLICATE), and which reports an article is made of (they are
 * forgotten with it). Both are derived from the reports store ({@link ReportMemory} holds desk, article and matching
 * digest), so they are kept in memory and rebuilt from it when the task starts, not kept as stores of their own:
 * that is a RocksDB write, a changelog record and two retention entries fewer per report
 * (ArticlesStepBenchmark).
 *
 * <p>Memory: about 200 bytes a retained report (a 64-bit digest key, the id shared by both maps, one array slot),
 * bounded by the articles retention like the store it derives from. A text's key is 64 bits of its SHA-256 matching
 * digest with the desk; two texts sharing them (about 3 in 10^8 at a million reports) would only make the second
 * take the near-duplicate path instead of being recognised as an exact resend, and every hit is checked against the
 * report's own memory.
 */
final class ReportIndex {

    private final KeyValueStore<String, ReportMemory> reports;
    private final Function<String, String> deskOf;
    /** desk and matching digest (64 bits) → the first report of the desk with that text. */
    private final Long2ObjectOpenHashMap<String> byText = new Long2ObjectOpenHashMap<>();
    /** article id → its reports (the ones it cites and the exact resends recorded as its duplicates). */
    private final Object2ObjectOpenHashMap<String, String[]> byArticle = new Object2ObjectOpenHashMap<>();

    ReportIndex(final KeyValueStore<String, ReportMemory> reports) {
        this(reports, reportId -> null);
    }

    /**
     * @param deskOf where a report was decided (the report-desks table): for memories written before they kept their
     *               desk, so their text is still known after an upgrade
     */
    ReportIndex(final KeyValueStore<String, ReportMemory> reports, final Function<String, String> deskOf) {
        this.reports = reports;
        this.deskOf = deskOf;
        try (KeyValueIterator<String, ReportMemory> all = reports.all()) {
            while (all.hasNext()) {
                final KeyValue<String, ReportMemory> entry = all.next();
                add(entry.value.desk() != null ? entry.value : withDesk(entry.value, deskOf.apply(entry.key)));
            }
        }
    }

    private static ReportMemory withDesk(final ReportMemory m, final String desk) {
        return new ReportMemory(m.reportId(), m.articleId(), m.correspondentId(), m.contentDigest(), m.matchingDigest(),
                m.receivedAtMillis(), desk);
    }

    /** Remembers a report in both indexes (its text keeps the first report that had it). */
    void add(final ReportMemory memory) {
        if (memory.desk() != null) { // (unknown only for an old memory the report-desks table no longer knows)
            byText.putIfAbsent(textKey(memory.desk(), memory.matchingDigest()), memory.reportId());
        }
        final String[] known = byArticle.get(memory.articleId());
        if (known == null) {
            byArticle.put(memory.articleId(), new String[]{memory.reportId()});
        } else if (!Arrays.asList(known).contains(memory.reportId())) {
            final String[] more = Arrays.copyOf(known, known.length + 1);
            more[known.length] = memory.reportId();
            byArticle.put(memory.articleId(), more);
        }
    }

    /** The desk's remembered report with this matching text, if any. */
    ReportMemory withText(final String desk, final String matchingDigest) {
        final String reportId = byText.get(textKey(desk, matchingDigest));
        final ReportMemory memory = reportId == null ? null : reports.get(reportId);
        // (a memory without its desk was indexed under the desk the report-desks table gave)
        return memory != null && (memory.desk() == null || desk.equals(memory.desk())) && matchingDigest.equals(memory.matchingDigest())
                ? memory : null;
    }

    /** Forgets the article's reports: out of the store and both indexes. Returns their ids. */
    List<String> forgetArticle(final String articleId) {
        final String[] ids = byArticle.remove(articleId);
        if (ids == null) {
            return List.of();
        }
        for (final String reportId : ids) {
            final ReportMemory memory = reports.get(reportId);
            final String desk = memory == null ? null : memory.desk() != null ? memory.desk() : deskOf.apply(reportId);
            if (desk != null) {
                byText.remove(textKey(desk, memory.matchingDigest()), reportId);
            }
            reports.delete(reportId);
        }
        return List.of(ids);
    }

    /** Reports indexed by article: bounded by retention (for tests). */
    int reportsHeld() {
        return byArticle.values().stream().mapToInt(ids -> ids.length).sum();
    }

    /** 64 bits of the matching digest (hex SHA-256) mixed with the desk. */
    static long textKey(final String desk, final String matchingDigest) {
        long key = Long.parseUnsignedLong(matchingDigest.substring(0, 16), 16);
        for (final byte b : desk.getBytes(StandardCharsets.UTF_8)) {
            key = (key ^ b) * 0x100000001b3L; // FNV-1a step: desks apart, same digest
        }
        return key;
    }
}
