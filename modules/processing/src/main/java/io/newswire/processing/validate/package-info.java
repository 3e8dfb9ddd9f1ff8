/** Semantic validation: what a report's schema cannot say. */
package io.newswire.processing.validate;
