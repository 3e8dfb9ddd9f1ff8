/**
 * What the pages show, as plain JSON-ready maps built from article versions: pure, no Kafka and no HTTP, so every rule
 * of the views (summaries, version differences, provenance, evidence spans, free-text matching) is tested alone.
 */
package io.newswire.dashboard.view;
