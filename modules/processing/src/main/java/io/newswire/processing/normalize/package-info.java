/** Matching forms of text (Lucene's Arabic and English analysis): for comparing reports, never for display. */
package io.newswire.processing.normalize;
