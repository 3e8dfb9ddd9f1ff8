/** Articles: the editorial rules that turn reports into versioned articles, and the processor that applies them. */
package io.newswire.processing.articles;
