package io.newswire.processing.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A candidate index in plain maps, with the same retention as the store-backed one: for unit tests of the core. */
public final class InMemoryCandidateIndex implements CandidateIndex {

    private record Entry(String desk, Fingerprint fingerprint, long[] bandKeys) {
    }

    private final Map<String, List<Posting>> postings = new HashMap<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Long> frequencies = new HashMap<>();
    private final TreeMap<Long, List<String>> byTime = new TreeMap<>();

    @Override
    public long documents(final String desk) {
        return frequencies.getOrDefault(desk, 0L);
    }

    @Override
    public long[] documentFrequencies(final String desk, final long[] terms) {
        final long[] counts = new long[terms.length];
        for (int i = 0; i < terms.length; i++) {
            counts[i] = frequencies.getOrDefault(desk + "|" + terms[i], 0L);
        }
        return counts;
    }

    @Override
    public List<Posting> postings(final String desk, final long bandKey, final long notBefore, final int limit) {
        final List<Posting> list = postings.getOrDefault(desk + "|" + bandKey, List.of());
        final List<Posting> newestFirst = new ArrayList<>();
        for (int i = list.size() - 1; i >= 0 && newestFirst.size() < limit && list.get(i).receivedAtMillis() >= notBefore; i--) {
            newestFirst.add(list.get(i));
        }
        return newestFirst;
    }

    /** Entries posted under the band key, however old (to check retention). */
    public int postingCount(final String desk, final long bandKey) {
        return postings.getOrDefault(desk + "|" + bandKey, List.of()).size();
    }

    public int fingerprintCount() {
        return entries.size();
    }

    public int frequencyKeyCount() {
        return frequencies.size();
    }

    @Override
    public Optional<Fingerprint> fingerprint(final String desk, final String reportId, final long receivedAtMillis) {
        return Optional.ofNullable(entries.get(reportId)).map(Entry::fingerprint);
    }

    @Override
    public void add(final String desk, final Fingerprint fingerprint, final long[] bandKeys) {
        entries.put(fingerprint.reportId(), new Entry(desk, fingerprint, bandKeys));
        for (final long key : bandKeys) {
            final List<Posting> list = postings.computeIfAbsent(desk + "|" + key, k -> new ArrayList<>());
            list.add(new Posting(fingerprint.reportId(), fingerprint.receivedAtMillis()));
            if (list.size() > 1 && list.get(list.size() - 2).receivedAtMillis() > fingerprint.receivedAtMillis()) {
                list.sort((a, b) -> Long.compare(a.receivedAtMillis(), b.receivedAtMillis())); // arrived out of order
            }
        }
        count(desk, fingerprint.terms(), 1);
        byTime.computeIfAbsent(fingerprint.receivedAtMillis(), t -> new ArrayList<>()).add(fingerprint.reportId());
    }

    @Override
    public int expire(final long notBefore, final int max) {
        int forgotten = 0;
        while (forgotten < max && !byTime.isEmpty() && byTime.firstKey() < notBefore) {
            final List<String> due = byTime.firstEntry().getValue();
            final Entry entry = entries.remove(due.remove(0));
            if (due.isEmpty()) {
                byTime.pollFirstEntry();
            }
            for (final long key : entry.bandKeys()) {
                final String listKey = entry.desk() + "|" + key;
                postings.get(listKey).removeIf(p -> p.reportId().equals(entry.fingerprint().reportId()));
                if (postings.get(listKey).isEmpty()) {
                    postings.remove(listKey);
                }
            }
            count(entry.desk(), entry.fingerprint().terms(), -1);
            forgotten++;
        }
        return forgotten;
    }

    private void count(final String desk, final long[] terms, final long delta) {
        for (final long term : terms) {
            frequencies.merge(desk + "|" + term, delta, (a, b) -> a + b == 0 ? null : a + b);
        }
        frequencies.merge(desk, delta, (a, b) -> a + b == 0 ? null : a + b);
    }
}
