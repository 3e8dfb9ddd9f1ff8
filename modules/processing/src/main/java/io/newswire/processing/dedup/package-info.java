/**
 * Near-duplicate detection for the articles step, behind {@link io.newswire.processing.dedup.StoryMatcher}: tf-idf
 * cosine over light-stemmed unigrams (number words as digits), candidates found through MinHash band keys of each
 * report's distinct terms ({@link io.newswire.processing.dedup.MinHashBands}), scored exactly against stored
 * fingerprints of all their terms. State: binary fingerprints and a time-ordered retention index (each report's band keys) in
 * RocksDB stores; posting lists and document frequencies in memory, derived from those two stores and rebuilt when a
 * task starts. Every piece of state keeps
 * exactly the reports within {@code dedup.horizon.ms} (72 h by default).
 */
package io.newswire.processing.dedup;
