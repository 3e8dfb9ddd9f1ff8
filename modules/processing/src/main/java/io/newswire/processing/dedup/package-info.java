/** Near-duplicate detection: tf-idf cosine over light-stemmed terms, candidates found through rare-term postings. */
package io.newswire.processing.dedup;
