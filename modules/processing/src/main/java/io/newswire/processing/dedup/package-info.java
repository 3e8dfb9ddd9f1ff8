/**
 * Near-duplicate detection for the articles step, behind {@link io.newswire.processing.dedup.StoryMatcher}: tf-idf
 * cosine over light-stemmed unigrams (number words as digits), candidates found through MinHash band keys of each
 * report's distinct terms ({@link io.newswire.processing.dedup.MinHashBands}), scored exactly against stored
 * fingerprints of all their terms. State: fingerprints, appended binary postings and a time-ordered retention index in
 * RocksDB stores; document frequencies in memory, derived from the retained fingerprints. Every piece of state keeps
 * exactly the reports within {@code dedup.horizon.ms} (72 h by default).
 */
package io.newswire.processing.dedup;
