/** Small shared pieces of the processing steps. */
package io.newswire.processing.support;
